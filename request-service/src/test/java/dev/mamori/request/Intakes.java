package dev.mamori.request;

import static io.restassured.RestAssured.given;

import dev.mamori.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builders for request bodies and callers, so the tests read as what they check. */
final class Intakes {

    static final String EMAIL = "taro.yamada@example.jp";
    static final String PHONE = "090-1234-5678";
    static final String ADDRESS = "東京都港区港南2-16-1 品川イーストワンタワー8F";
    static final String NAME = "山田 太郎";

    private Intakes() {}

    static RequestSpecification as(String tenant, String role) {
        return given().auth().oauth2(TestTokens.forTenant(tenant, role)).contentType(ContentType.JSON);
    }

    static String newSubject() {
        return "cust-" + UUID.randomUUID().toString().substring(0, 12);
    }

    /** A complete, valid intake of {@code type} by the person themself, with what the type needs. */
    static Map<String, Object> intake(String type, String subjectRef) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("subjectRef", subjectRef);
        body.put("channel", "PHONE");
        body.put("requester", requester("SELF"));
        switch (type) {
            case "DISCLOSURE", "PROVISION_RECORD_DISCLOSURE" -> body.put("deliveryMethod", "ELECTRONIC");
            case "CORRECTION" ->
                body.put(
                        "correction",
                        new LinkedHashMap<>(Map.of(
                                "kind",
                                "CORRECTION",
                                "dataItem",
                                "postal address",
                                "claimedUntrue",
                                "登録住所が転居前の大阪市北区梅田1-1-1のままです",
                                "requestedContent",
                                "東京都港区港南2-16-1")));
            case "USE_STOP", "ERASURE" -> body.put("ground", "ART_35_5_A");
            case "PROVISION_STOP" -> body.put("ground", "ART_35_3");
            default -> {}
        }
        return body;
    }

    static Map<String, Object> requester(String relation) {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("email", EMAIL);
        contact.put("phone", PHONE);
        contact.put("postalAddress", ADDRESS);
        Map<String, Object> requester = new LinkedHashMap<>();
        requester.put("name", NAME);
        requester.put("relation", relation);
        requester.put("contact", contact);
        return requester;
    }

    static Map<String, Object> agent(String type, String evidence) {
        return new LinkedHashMap<>(Map.of("type", type, "evidenceDescription", evidence));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> contactOf(Map<String, Object> body) {
        return (Map<String, Object>) ((Map<String, Object>) body.get("requester")).get("contact");
    }

    /** Takes in a request and answers its id. */
    static String create(String tenant, Map<String, Object> body) {
        return as(tenant, "operator")
                .body(body)
                .post("/v1/requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static String create(String tenant, String type, String subjectRef) {
        return create(tenant, intake(type, subjectRef));
    }

    static List<String> idsFor(String tenant, String subjectRef) {
        return as(tenant, "operator")
                .queryParam("subjectRef", subjectRef)
                .queryParam("limit", 500)
                .get("/v1/requests")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
    }
}
