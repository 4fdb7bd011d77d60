package dev.mamori.consent;

import static io.restassured.RestAssured.given;

import dev.mamori.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Small builders shared by the consent tests: tokens, purposes and consent bodies. */
final class ConsentFixtures {

    private ConsentFixtures() {}

    static RequestSpecification as(String tenant, String role) {
        return given().auth().oauth2(TestTokens.forTenant(tenant, role)).contentType(ContentType.JSON);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Publishes a purpose; {@code extra} is spliced into the JSON (e.g. sensitive categories). */
    static String purpose(String tenant, String extra) {
        String code = unique("p");
        as(tenant, "privacy-officer")
                .body("""
                {"code": "%s", "titleJa": "会員サービス", "titleEn": "Member services",
                 "descriptionJa": "会員サービスの提供のため氏名と連絡先を利用します。", "dataItems": ["name", "phone"] %s}
                """.formatted(code, extra == null ? "" : ", " + extra))
                .post("/v1/purposes")
                .then()
                .statusCode(201);
        return code;
    }

    static void newVersion(String tenant, String code, String changeType, String extra) {
        as(tenant, "privacy-officer")
                .body("""
                {"changeType": "%s", "titleJa": "会員サービス", "descriptionJa": "改訂版の説明です。",
                 "dataItems": ["name", "phone"] %s}
                """.formatted(changeType, extra == null ? "" : ", " + extra))
                .post("/v1/purposes/" + code + "/versions")
                .then()
                .statusCode(201);
    }

    static String consentBody(String subject, String purpose, int version, String decision, String extra) {
        return consentBody(
                subject, purpose, version, decision, OffsetDateTime.now().minusMinutes(1), extra);
    }

    static String consentBody(
            String subject, String purpose, int version, String decision, OffsetDateTime capturedAt, String extra) {
        return """
                {"subjectRef": "%s", "purpose": "%s", "purposeVersion": %d, "decision": "%s", "method": "WEB_FORM",
                 "evidence": {"channel": "https://example.jp/entry", "noticeVersion": "2026-04", "language": "ja",
                              "capturedAt": "%s", "userAgent": "Mozilla/5.0", "ipAddress": "203.0.113.45"} %s}
                """.formatted(subject, purpose, version, decision, capturedAt, extra == null ? "" : ", " + extra);
    }

    /** Records a consent and returns its id. */
    static String consent(String tenant, String subject, String purpose, int version, String decision, String extra) {
        return as(tenant, "client-system")
                .body(consentBody(subject, purpose, version, decision, extra))
                .post("/v1/consents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static io.restassured.response.ValidatableResponse decide(String tenant, String subject, String purpose) {
        return as(tenant, "client-system")
                .queryParam("subjectRef", subject)
                .queryParam("purpose", purpose)
                .get("/v1/decisions")
                .then()
                .statusCode(200);
    }
}
