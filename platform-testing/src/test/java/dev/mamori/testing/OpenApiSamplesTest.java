package dev.mamori.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The robustness contract's generator, without a service: what it sends must be what it means to send. */
class OpenApiSamplesTest {

    private static final Map<String, Object> DOCUMENT = Map.of(
            "components",
            Map.of(
                    "schemas",
                    Map.of(
                            "Draft",
                                    Map.of(
                                            "type", "object",
                                            "required", List.of("code", "kind", "on", "items"),
                                            "properties",
                                                    Map.of(
                                                            "code",
                                                                    Map.of(
                                                                            "type",
                                                                            "string",
                                                                            "pattern",
                                                                            "[A-Z]{2}-[0-9]{3}"),
                                                            "kind", Map.of("$ref", "#/components/schemas/Kind"),
                                                            "on", Map.of("type", "string", "format", "date"),
                                                            "count",
                                                                    Map.of(
                                                                            "type",
                                                                            List.of("integer", "null"),
                                                                            "minimum",
                                                                            5),
                                                            "items",
                                                                    Map.of(
                                                                            "type",
                                                                            "array",
                                                                            "items",
                                                                            Map.of(
                                                                                    "$ref",
                                                                                    "#/components/schemas/Item")),
                                                            "id", Map.of("type", "string", "readOnly", true))),
                            "Kind", Map.of("type", "string", "enum", List.of("FIRST", "SECOND")),
                            "Item",
                                    Map.of(
                                            "type",
                                            "object",
                                            "required",
                                            List.of("name"),
                                            "properties",
                                            Map.of("name", Map.of("type", "string", "minLength", 3))))));

    private final OpenApiSamples samples = new OpenApiSamples(DOCUMENT);
    private final Map<String, Object> draft = Map.of("$ref", "#/components/schemas/Draft");

    @Test
    void aValidSampleFollowsTheSchema() {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) samples.sample(draft);
        assertEquals("AB-123".length(), ((String) body.get("code")).length());
        assertTrue(((String) body.get("code")).matches("[A-Z]{2}-[0-9]{3}"), body.toString());
        assertEquals("FIRST", body.get("kind"));
        assertEquals(LocalDate.now(ZoneOffset.UTC).toString(), body.get("on"));
        assertFalse(body.containsKey("count"), "an optional member is left out");
        assertFalse(body.containsKey("id"), "a read-only member is no input");
        List<?> items = (List<?>) body.get("items");
        assertEquals(1, items.size());
        assertTrue(((String) ((Map<?, ?>) items.get(0)).get("name")).length() >= 3);

        Map<?, ?> full = (Map<?, ?>) samples.full(draft);
        assertEquals(5L, full.get("count"), "every member, at its minimum");
    }

    @Test
    void membersReachIntoListsAndReferences() {
        List<String> names =
                samples.members(draft).stream().map(OpenApiSamples.Member::name).toList();
        assertEquals(
                List.of("code", "kind", "on", "count", "items", "items[0].name"),
                names.stream().sorted((a, b) -> order(a) - order(b)).toList());
    }

    private static int order(String name) {
        return List.of("code", "kind", "on", "count", "items", "items[0].name").indexOf(name);
    }

    @Test
    void aVariantReplacesOneMemberAndLeavesTheRest() {
        Object body = samples.sample(draft);
        Object changed = samples.with(body, samples.resolve(draft), List.of("items", 0, "name"), null);
        assertEquals(
                "null",
                OpenApiSamples.json(((Map<?, ?>) ((List<?>) ((Map<?, ?>) changed).get("items")).get(0)).get("name")));
        assertEquals(((Map<?, ?>) body).get("code"), ((Map<?, ?>) changed).get("code"));
        assertNotNull(
                ((Map<?, ?>) ((List<?>) ((Map<?, ?>) body).get("items")).get(0)).get("name"),
                "the valid body is not touched");
        // An optional member is added where the body lacks it.
        Object counted = samples.with(body, samples.resolve(draft), List.of("count"), "abc");
        assertEquals("abc", ((Map<?, ?>) counted).get("count"));
    }

    @Test
    void variantsBreakTheTypeTheSchemaNames() {
        List<String> date = samples.variants(Map.of("type", "string", "format", "date")).stream()
                .map(OpenApiSamples.Variant::name)
                .toList();
        assertTrue(date.contains("impossible date 2026-02-30"), date.toString());
        assertTrue(date.contains("lone surrogate") && date.contains("NUL in string") && date.contains("100k string"));
        List<String> integer = samples.variants(Map.of("type", "integer")).stream()
                .map(OpenApiSamples.Variant::name)
                .toList();
        assertTrue(
                integer.contains("string for integer") && integer.contains("fraction for integer"), integer.toString());
        List<String> list = samples.variants(Map.of("type", "array", "items", Map.of("type", "string"))).stream()
                .map(OpenApiSamples.Variant::name)
                .toList();
        assertTrue(list.contains("[null]") && list.contains("[NUL string]"), list.toString());
        List<String> kind = samples.variants(samples.resolve(Map.of("$ref", "#/components/schemas/Kind"))).stream()
                .map(OpenApiSamples.Variant::name)
                .toList();
        assertTrue(kind.contains("number for enum"), kind.toString());
    }

    @Test
    void jsonEscapesWhatHasNoUtf8Form() {
        Map<String, Object> value = new java.util.LinkedHashMap<>();
        value.put("a", "x\u0000y");
        value.put("b", java.util.Arrays.asList("\ud800", null));
        value.put("c", new OpenApiSamples.Raw("1.5"));
        assertEquals("{\"a\":\"x\\u0000y\",\"b\":[\"\\ud800\",null],\"c\":1.5}", OpenApiSamples.json(value));
        assertEquals("\"テスト\\\"\"", OpenApiSamples.json("テスト\""));
    }

    @Test
    void theBudgetIsSpreadOverEveryInput() {
        List<String> chosen =
                RobustnessContract.spread(List.of(List.of("a1", "a2", "a3"), List.of("b1", "b2"), List.of("c1")), 4);
        assertEquals(List.of("a1", "b2", "c1", "a2"), chosen);
        assertEquals(
                6,
                RobustnessContract.spread(List.of(List.of("a1", "a2", "a3"), List.of("b1", "b2"), List.of("c1")), 100)
                        .size());
    }

    @Test
    void anAnswerKeepsTheContractOnlyAsProblemJsonWithAType() {
        assertNull(RobustnessContract.judge(200, "text/csv", "a,b"));
        assertNull(RobustnessContract.judge(
                400, "application/problem+json", "{\"type\":\"https://mamori.dev/problems/validation\"}"));
        assertNotNull(RobustnessContract.judge(
                500, "application/problem+json", "{\"type\":\"https://mamori.dev/problems/internal\"}"));
        assertNotNull(RobustnessContract.judge(406, "text/plain", ""));
        assertNotNull(RobustnessContract.judge(414, "application/problem+json", "{}"));
        assertNotNull(RobustnessContract.judge(400, "application/problem+json", "not json"));
    }

    @Test
    void wrongQueryValuesFollowTheParameterType() {
        assertTrue(RobustnessContract.typed(Map.of("type", "integer")).contains("abc"));
        assertTrue(RobustnessContract.typed(Map.of("type", "string", "format", "uuid"))
                .contains("not-a-uuid"));
        assertTrue(RobustnessContract.typed(Map.of("type", "string", "enum", List.of("A")))
                .contains("NO_SUCH_VALUE"));
        assertEquals("%E9%A1%A7%E5%AE%A2-001%2F%00", RobustnessContract.encode("顧客-001/\u0000"));
    }
}
