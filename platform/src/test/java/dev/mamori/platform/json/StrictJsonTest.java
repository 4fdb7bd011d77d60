package dev.mamori.platform.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each case here once made a wrong legal record or a 500; each must now be refused with the field's path. */
class StrictJsonTest {

    enum Decision {
        GIVEN,
        REFUSED
    }

    record Consent(
            Decision decision,
            String subjectRef,
            Integer days,
            int count,
            boolean flag,
            List<String> items,
            LocalDate collectedAt,
            OffsetDateTime capturedAt,
            Instant at,
            Map<String, Object> evidence,
            JsonNode answers) {}

    private final ObjectMapper json = StrictJson.apply(new ObjectMapper().registerModule(new JavaTimeModule()));

    private String refusedField(String body) {
        JsonMappingException e =
                assertThrows(JsonMappingException.class, () -> json.readValue(body, Consent.class), body);
        return e.getPath().isEmpty() ? "" : e.getPath().get(0).getFieldName();
    }

    @Test
    void a_number_is_never_an_enum_a_string_or_a_boolean() {
        assertEquals("decision", refusedField("{\"decision\":0}"));
        assertEquals("subjectRef", refusedField("{\"subjectRef\":12}"));
        assertEquals("subjectRef", refusedField("{\"subjectRef\":true}"));
        assertEquals("subjectRef", refusedField("{\"subjectRef\":1.5}"));
        assertEquals("flag", refusedField("{\"flag\":1}"));
        assertEquals("flag", refusedField("{\"flag\":\"true\"}"));
    }

    @Test
    void a_fraction_or_a_string_is_never_an_integer() {
        assertEquals("days", refusedField("{\"days\":1.5}"));
        assertEquals("days", refusedField("{\"days\":\"2\"}"));
        assertEquals("count", refusedField("{\"count\":null}"));
        assertEquals("flag", refusedField("{\"flag\":null}"));
    }

    @Test
    void null_inside_a_list_or_a_tree_is_refused() {
        assertEquals("items", refusedField("{\"items\":[null]}"));
        assertEquals("evidence", refusedField("{\"evidence\":{\"a\":[\"x\",null]}}"));
        assertEquals("answers", refusedField("{\"answers\":[1,null]}"));
    }

    @Test
    void text_that_cannot_be_stored_exactly_is_refused() {
        assertEquals("subjectRef", refusedField("{\"subjectRef\":\"a\\u0000b\"}"));
        assertEquals("subjectRef", refusedField("{\"subjectRef\":\"a\\ud800b\"}"));
        assertEquals("subjectRef", refusedField("{\"subjectRef\":\"a\\udc00\"}"));
        assertEquals("subjectRef", refusedField("{\"subjectRef\":\"\\uffff\"}"));
        assertEquals("items", refusedField("{\"items\":[\"ok\",\"\\u0000\"]}"));
        assertEquals("evidence", refusedField("{\"evidence\":{\"k\\u0000\":\"v\"}}"));
        assertEquals("evidence", refusedField("{\"evidence\":{\"k\":{\"deep\":\"\\ud83d\"}}}"));
        assertEquals("answers", refusedField("{\"answers\":{\"k\":\"\\u0000\"}}"));
    }

    @Test
    void dates_are_strict_and_bounded() {
        assertEquals("collectedAt", refusedField("{\"collectedAt\":\"2026-02-30\"}"));
        assertEquals("collectedAt", refusedField("{\"collectedAt\":\"0001-01-01\"}"));
        assertEquals("collectedAt", refusedField("{\"collectedAt\":\"9999-12-31\"}"));
        assertEquals("collectedAt", refusedField("{\"collectedAt\":20260101}"));
        assertEquals("capturedAt", refusedField("{\"capturedAt\":\"0001-01-01T00:00:00Z\"}"));
        assertEquals("capturedAt", refusedField("{\"capturedAt\":\"2026-02-29T00:00:00Z\"}"));
        assertEquals("capturedAt", refusedField("{\"capturedAt\":1700000000000}"));
        assertEquals("at", refusedField("{\"at\":\"9999-01-01T00:00:00Z\"}"));
    }

    @Test
    void a_key_twice_is_refused() {
        assertThrows(
                Exception.class, () -> json.readValue("{\"subjectRef\":\"a\",\"subjectRef\":\"b\"}", Consent.class));
    }

    @Test
    void what_is_storable_is_kept_exactly() throws Exception {
        Consent c = json.readValue("""
                {"decision":"GIVEN","subjectRef":"顧客-001😀","days":2,"count":3,"flag":true,"items":["a"],
                 "collectedAt":"2024-02-29","capturedAt":"2026-11-22T10:00:00+09:00","at":"2026-11-22T01:00:00Z",
                 "evidence":{"ip":"203.0.113.45","n":[1,2]},"answers":{"q":"はい"}}""", Consent.class);
        assertEquals(Decision.GIVEN, c.decision());
        assertEquals("顧客-001😀", c.subjectRef());
        assertEquals(LocalDate.of(2024, 2, 29), c.collectedAt());
        assertEquals(Instant.parse("2026-11-22T01:00:00Z"), c.capturedAt().toInstant());
        assertEquals(0, c.capturedAt().getOffset().getTotalSeconds());
        assertEquals("はい", c.answers().get("q").textValue());
        assertTrue(c.flag());
        // An absent primitive keeps its default: optional flags need not be sent.
        Consent bare = json.readValue("{\"subjectRef\":\"a\"}", Consent.class);
        assertEquals(0, bare.count());
        assertEquals(false, bare.flag());
        assertEquals(2.5, json.readValue("2.5", Double.class));
        assertEquals(2.0, json.readValue("2", Double.class));
    }
}
