package dev.mamori.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.launcher.Part;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * request-service reads its targets through clients that hand it JSON text (request-service/…/client/), so the
 * compiler cannot see a field a provider renamed. This test holds what request-service's client code calls, sends
 * and reads against each running provider's own OpenAPI document (/q/openapi): every path and method, query
 * parameter, request field, enum value sent and answer field read must exist there. Change this list together with
 * TargetServices, DecisionService.plan (bodies and grounds), FulfilmentService and Notices (fields read).
 */
@ExtendWith(SuiteExtension.class)
class TargetContractIT {

    private final List<String> missing = new ArrayList<>();

    @Test
    void everyPathFieldAndValueRequestServiceUsesIsInTheProvidersOpenApi() {
        Api consent = Api.of(Part.CONSENT);
        consent.answer("get", "/v1/subjects/{subjectRef}/consents", "200", "consents", "useStops");
        consent.answerItem("get", "/v1/subjects/{subjectRef}/consents", "200", "consents", "purpose");
        consent.params("get", "/v1/purposes", "offset", "limit");
        consent.answer("get", "/v1/purposes", "200", "items", "next");
        consent.answerItem("get", "/v1/purposes", "200", "items", "code", "current");
        consent.body("post", "/v1/subjects/{subjectRef}/use-stops", "purposes", "requestRef", "ground");
        // DecisionService.consentGround for every StopGround, and the ground of a stop that follows an erasure.
        consent.bodyEnum(
                "post",
                "/v1/subjects/{subjectRef}/use-stops",
                "ground",
                "ART_35_1",
                "ART_35_5_NO_LONGER_NEEDED",
                "ART_35_5_LEAK",
                "ART_35_5_HARM_RISK",
                "VOLUNTARY",
                "ERASURE");
        consent.schema("PurposeVersion", "titleJa", "titleEn", "descriptionJa", "descriptionEn");

        Api retention = Api.of(Part.RETENTION);
        retention.params("get", "/v1/subjects/{subjectRef}/holdings", "offset", "limit");
        retention.answer("get", "/v1/subjects/{subjectRef}/holdings", "200", "items", "next");
        retention.answerItem("get", "/v1/subjects/{subjectRef}/holdings", "200", "items", "categoryCode");
        retention.answer("get", "/v1/data-categories/{code}", "200", "code", "purposeCodes");
        retention.body("post", "/v1/subjects/{subjectRef}/erasure", "requestRef");
        retention.answer("post", "/v1/subjects/{subjectRef}/erasure", "200", "erased", "held", "certificateId");

        Api thirdparty = Api.of(Part.THIRDPARTY);
        for (String list : List.of("provisions", "receipts")) {
            thirdparty.params("get", "/v1/subjects/{subjectRef}/" + list, "offset", "limit");
            thirdparty.answer("get", "/v1/subjects/{subjectRef}/" + list, "200", "items", "next");
        }
        thirdparty.body("post", "/v1/subjects/{subjectRef}/provision-stops", "ground", "requestRef");
        // DecisionService.thirdpartyGround for every StopGround.
        thirdparty.bodyEnum(
                "post",
                "/v1/subjects/{subjectRef}/provision-stops",
                "ground",
                "ART_35_3",
                "ART_35_5_NO_LONGER_NEEDED",
                "ART_35_5_LEAK",
                "ART_35_5_HARM");

        for (Api api : List.of(consent, retention, thirdparty)) {
            missing.addAll(api.missing);
        }
        assertTrue(
                missing.isEmpty(),
                "request-service uses what its targets do not document:\n" + String.join("\n", missing));
    }

    /** One provider's OpenAPI document and what was not found in it. */
    private static final class Api {
        private final String name;
        private final Map<String, Object> doc;
        private final List<String> missing = new ArrayList<>();

        private Api(String name, Map<String, Object> doc) {
            this.name = name;
            this.doc = doc;
        }

        static Api of(Part part) {
            String body = given().baseUri(SuiteExtension.url(part).toString())
                    .get("/q/openapi?format=json")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            return new Api(part.id(), JsonPath.from(body).getMap("$"));
        }

        void params(String method, String path, String... names) {
            Map<String, Object> op = operation(method, path);
            if (op == null) {
                return;
            }
            Set<String> declared = new LinkedHashSet<>();
            for (Object p : list(op.get("parameters"))) {
                declared.add(String.valueOf(map(resolve(p)).get("name")));
            }
            for (Object p : list(map(map(doc.get("paths")).get(path)).get("parameters"))) {
                declared.add(String.valueOf(map(resolve(p)).get("name")));
            }
            for (String n : names) {
                if (!declared.contains(n)) {
                    missing.add(name + ": " + method.toUpperCase() + " " + path + " has no parameter " + n);
                }
            }
        }

        void body(String method, String path, String... fields) {
            Map<String, Object> schema = requestSchema(method, path);
            if (schema != null) {
                has(schema, method.toUpperCase() + " " + path + " body", fields);
            }
        }

        void bodyEnum(String method, String path, String field, String... values) {
            Map<String, Object> schema = requestSchema(method, path);
            if (schema == null) {
                return;
            }
            Map<String, Object> property = property(schema, field);
            Collection<Object> declared = property == null ? List.of() : list(property.get("enum"));
            for (String v : values) {
                if (!declared.contains(v)) {
                    missing.add(name + ": " + method.toUpperCase() + " " + path + " body." + field + " does not take "
                            + v + " (takes " + declared + ")");
                }
            }
        }

        void answer(String method, String path, String status, String... fields) {
            Map<String, Object> schema = responseSchema(method, path, status);
            if (schema != null) {
                has(schema, method.toUpperCase() + " " + path + " answer " + status, fields);
            }
        }

        void answerItem(String method, String path, String status, String arrayField, String... fields) {
            Map<String, Object> schema = responseSchema(method, path, status);
            Map<String, Object> array = schema == null ? null : property(schema, arrayField);
            Map<String, Object> item = array == null ? null : map(resolve(array.get("items")));
            if (item == null || item.isEmpty()) {
                missing.add(name + ": " + method.toUpperCase() + " " + path + " answer " + status + "." + arrayField
                        + " is not a documented array");
                return;
            }
            has(item, method.toUpperCase() + " " + path + " answer " + status + "." + arrayField + "[]", fields);
        }

        void schema(String schemaName, String... fields) {
            Object schema = map(map(doc.get("components")).get("schemas")).get(schemaName);
            if (schema == null) {
                missing.add(name + ": no schema " + schemaName);
                return;
            }
            has(map(schema), "schema " + schemaName, fields);
        }

        private void has(Map<String, Object> schema, String where, String... fields) {
            Set<String> declared = properties(schema);
            for (String f : fields) {
                if (!declared.contains(f)) {
                    missing.add(name + ": " + where + " has no field " + f + " (has " + declared + ")");
                }
            }
        }

        private Map<String, Object> operation(String method, String path) {
            Map<String, Object> item = map(map(doc.get("paths")).get(path));
            Map<String, Object> op = map(item.get(method));
            if (op.isEmpty()) {
                missing.add(name + ": no " + method.toUpperCase() + " " + path);
                return null;
            }
            return op;
        }

        private Map<String, Object> requestSchema(String method, String path) {
            Map<String, Object> op = operation(method, path);
            if (op == null) {
                return null;
            }
            Map<String, Object> content =
                    map(map(resolve(op.get("requestBody"))).get("content"));
            Map<String, Object> schema =
                    map(resolve(map(content.get("application/json")).get("schema")));
            if (schema.isEmpty()) {
                missing.add(name + ": " + method.toUpperCase() + " " + path + " documents no JSON body");
                return null;
            }
            return schema;
        }

        private Map<String, Object> responseSchema(String method, String path, String status) {
            Map<String, Object> op = operation(method, path);
            if (op == null) {
                return null;
            }
            Map<String, Object> content =
                    map(map(resolve(map(op.get("responses")).get(status))).get("content"));
            for (Object media : content.values()) {
                Map<String, Object> schema = map(resolve(map(media).get("schema")));
                if (!schema.isEmpty()) {
                    return schema;
                }
            }
            missing.add(name + ": " + method.toUpperCase() + " " + path + " documents no " + status + " answer body");
            return null;
        }

        private Map<String, Object> property(Map<String, Object> schema, String field) {
            for (Map<String, Object> part : parts(schema)) {
                Object p = map(part.get("properties")).get(field);
                if (p != null) {
                    // A documented property may wrap its type in allOf (to add a description): merge the parts.
                    Map<String, Object> merged = new java.util.LinkedHashMap<>();
                    for (Map<String, Object> piece : parts(map(p))) {
                        merged.putAll(piece);
                    }
                    return merged;
                }
            }
            return null;
        }

        private Set<String> properties(Map<String, Object> schema) {
            Set<String> names = new LinkedHashSet<>();
            for (Map<String, Object> part : parts(schema)) {
                names.addAll(map(part.get("properties")).keySet());
            }
            return names;
        }

        /** The schema and every schema it is composed of (allOf/anyOf/oneOf), resolved. */
        private List<Map<String, Object>> parts(Map<String, Object> schema) {
            List<Map<String, Object>> out = new ArrayList<>();
            Map<String, Object> resolved = map(resolve(schema));
            out.add(resolved);
            for (String key : List.of("allOf", "anyOf", "oneOf")) {
                for (Object sub : list(resolved.get(key))) {
                    out.addAll(parts(map(sub)));
                }
            }
            return out;
        }

        private Object resolve(Object node) {
            Map<String, Object> m = map(node);
            Object ref = m.get("$ref");
            if (ref instanceof String r && r.startsWith("#/")) {
                Object target = doc;
                for (String segment : r.substring(2).split("/")) {
                    target = map(target).get(segment);
                }
                return resolve(target);
            }
            return m;
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> map(Object o) {
            return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        }

        @SuppressWarnings("unchecked")
        private static Collection<Object> list(Object o) {
            return o instanceof Collection<?> c ? (Collection<Object>) c : List.of();
        }
    }
}
