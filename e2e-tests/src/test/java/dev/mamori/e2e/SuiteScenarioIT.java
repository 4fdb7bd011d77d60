package dev.mamori.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import dev.mamori.launcher.Part;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The suite as a client company and its contact center meet it: real Keycloak tokens from the demo realm, the
 * five packaged services, PostgreSQL.
 */
@ExtendWith(SuiteExtension.class)
class SuiteScenarioIT {

    private static RequestSpecification call(Part service, String clientId) {
        return given().baseUri(SuiteExtension.url(service).toString())
                .auth()
                .oauth2(SuiteExtension.token(clientId))
                .contentType(ContentType.JSON);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void everyServiceIsReadyDocumentedAndRefusesCallersWithoutAToken() {
        for (Part service : new Part[] {Part.CONSENT, Part.REQUEST, Part.RETENTION, Part.THIRDPARTY, Part.INCIDENT}) {
            String base = SuiteExtension.url(service).toString();
            given().baseUri(base).get("/q/health/ready").then().statusCode(200);
            given().baseUri(base)
                    .get("/q/openapi?format=json")
                    .then()
                    .statusCode(200)
                    .body("info.title", org.hamcrest.Matchers.containsString(service.id()));
            given().baseUri(base)
                    .get("/v1/audit-events")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json");
            given().baseUri(base)
                    .auth()
                    .oauth2(SuiteExtension.token("tenant-a-operator"))
                    .get("/v1/audit-events")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void aClientCompanyPublishesAPurposeRecordsConsentAndAsksTheDecision() {
        String purpose = unique("support");
        String subject = unique("cust");
        call(Part.CONSENT, "tenant-a-privacy-officer")
                .body("""
                {"code": "%s", "titleJa": "お問い合わせ対応", "titleEn": "Handling enquiries",
                 "descriptionJa": "お問い合わせに回答するため、氏名と電話番号を利用します。", "dataItems": ["name", "phone"]}
                """.formatted(purpose))
                .post("/v1/purposes")
                .then()
                .statusCode(201)
                .body("current.publishedBy", notNullValue());
        call(Part.CONSENT, "tenant-a-client-system")
                .body("""
                {"subjectRef": "%s", "purpose": "%s", "purposeVersion": 1, "decision": "GIVEN", "method": "WEB_FORM",
                 "evidence": {"channel": "https://example.jp/entry", "noticeVersion": "2026-04", "language": "ja",
                              "capturedAt": "%s"}}""".formatted(subject, purpose, OffsetDateTime.now().minusMinutes(1)))
                .post("/v1/consents")
                .then()
                .statusCode(201)
                .body("evidence.recordedByClient", equalTo("tenant-a-client-system"));

        call(Part.CONSENT, "tenant-a-client-system")
                .queryParam("subjectRef", subject)
                .queryParam("purpose", purpose)
                .get("/v1/decisions")
                .then()
                .statusCode(200)
                .body("allowed", equalTo(true))
                .body("reason", equalTo("CONSENT_GIVEN"));
        // The other tenant of the same group sees nothing of it.
        call(Part.CONSENT, "tenant-b-client-system")
                .queryParam("subjectRef", subject)
                .queryParam("purpose", purpose)
                .get("/v1/decisions")
                .then()
                .statusCode(200)
                .body("allowed", equalTo(false))
                .body("reason", equalTo("UNKNOWN_PURPOSE"));
        // An operator may not publish purposes.
        call(Part.CONSENT, "tenant-a-operator")
                .body("{}")
                .post("/v1/purposes")
                .then()
                .statusCode(403);
        // Only service tokens may name a tenant.
        call(Part.CONSENT, "tenant-a-privacy-officer")
                .header("X-Mamori-Tenant", "tenant-b")
                .get("/v1/purposes")
                .then()
                .statusCode(403)
                .body("type", equalTo("https://mamori.dev/problems/tenant-header-forbidden"));
        call(Part.CONSENT, "request-service")
                .header("X-Mamori-Tenant", "tenant-a")
                .get("/v1/subjects/" + subject + "/consents")
                .then()
                .statusCode(200)
                .body("consents", hasSize(1));

        call(Part.CONSENT, "tenant-a-auditor")
                .get("/v1/audit-events/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(true));
    }

    @Test
    void theContactCenterTakesARequestAndTheLedgerKnowsWhenDataGoes() {
        String subject = unique("cust");
        call(Part.REQUEST, "tenant-a-operator")
                .body("""
                {"type": "DISCLOSURE", "subjectRef": "%s", "channel": "PHONE", "deliveryMethod": "ELECTRONIC",
                 "requester": {"name": "山田 太郎", "relation": "SELF",
                               "contact": {"email": "taro.yamada@example.jp", "phone": "090-1234-5678"}}}
                """.formatted(subject))
                .post("/v1/requests")
                .then()
                .statusCode(201)
                .body("status", equalTo("IDENTITY_UNVERIFIED"));
        call(Part.REQUEST, "tenant-b-privacy-officer")
                .queryParam("subjectRef", subject)
                .get("/v1/requests")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));

        String category = unique("rec");
        call(Part.RETENTION, "tenant-a-privacy-officer")
                .body("""
                {"code": "%s", "nameJa": "通話録音", "nameEn": "Call recordings", "items": ["氏名", "通話音声"],
                 "purposeCodes": ["call-center-support"], "storageLocation": "録音サーバ", "storageMethod": "暗号化",
                 "accessibleBy": ["SV"], "sensitive": false, "acquisitionForm": "ENTRUSTED", "entrustment": true}
                """.formatted(category))
                .post("/v1/data-categories")
                .then()
                .statusCode(201);
        // Collected yesterday in Japan: kept 92 days by default (three months, then erased: APPI Art. 22).
        java.time.ZonedDateTime collected = java.time.ZonedDateTime.now(java.time.ZoneId.of("Asia/Tokyo"))
                .minusDays(1)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        call(Part.RETENTION, "tenant-a-client-system")
                .body("""
                {"subjectRef": "%s", "categoryCode": "%s", "owningSystem": "ivr-recorder",
                 "collectedAt": "%s", "locator": "rec/%s"}
                """.formatted(subject, category, collected.toOffsetDateTime(), subject))
                .post("/v1/holdings")
                .then()
                .statusCode(201)
                .body("deleteOn", equalTo(collected.toLocalDate().plusDays(92).toString()));
        call(Part.RETENTION, "tenant-a-privacy-officer")
                .get("/v1/subjects/" + subject + "/holdings")
                .then()
                .statusCode(200)
                .body("items.categoryCode", hasItem(category));
        call(Part.RETENTION, "tenant-c-privacy-officer")
                .get("/v1/subjects/" + subject + "/holdings")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));

        String provider = call(Part.THIRDPARTY, "tenant-a-privacy-officer")
                .body("""
                {"name": "%s", "address": "東京都新宿区西新宿2-1-1", "representative": "正木 慎二",
                 "kind": "CORPORATION", "legalBasis": "CONSENT"}""".formatted(unique("株式会社サンプル")))
                .post("/v1/third-parties")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        call(Part.THIRDPARTY, "tenant-b-privacy-officer")
                .get("/v1/third-parties/" + provider)
                .then()
                .statusCode(404);

        for (Part service : new Part[] {Part.REQUEST, Part.RETENTION, Part.THIRDPARTY}) {
            call(service, "tenant-a-auditor")
                    .get("/v1/audit-events?limit=500")
                    .then()
                    .statusCode(200)
                    .body("items.tenantId", everyItem(equalTo("tenant-a")));
            call(service, "tenant-a-auditor")
                    .get("/v1/audit-events/verification")
                    .then()
                    .statusCode(200)
                    .body("intact", equalTo(true));
        }
    }

    @Test
    void aDisclosureRequestIsVerifiedDecidedAndAssembledFromEveryService() throws InterruptedException {
        // A Japanese ref, as client companies key their customers: every service takes it, in bodies and paths.
        String subject = "顧客-e2e-001-" + UUID.randomUUID().toString().substring(0, 8);
        String purpose = unique("members");
        call(Part.CONSENT, "tenant-a-privacy-officer")
                .body("""
                {"code": "%s", "titleJa": "会員管理", "descriptionJa": "会員情報を管理し、提携先に紹介します。",
                 "dataItems": ["name"], "thirdPartyProvision": true, "recipientTypes": ["BUSINESS_PARTNER"]}
                """.formatted(purpose))
                .post("/v1/purposes")
                .then()
                .statusCode(201);
        call(Part.CONSENT, "tenant-a-client-system")
                .body("""
                {"subjectRef": "%s", "purpose": "%s", "purposeVersion": 1, "decision": "GIVEN", "method": "PAPER",
                 "evidence": {"channel": "branch", "noticeVersion": "1", "language": "ja", "capturedAt": "%s"}}
                """.formatted(subject, purpose, OffsetDateTime.now().minusHours(1)))
                .post("/v1/consents")
                .then()
                .statusCode(201);

        String category = unique("crm");
        call(Part.RETENTION, "tenant-a-privacy-officer")
                .body("""
                {"code": "%s", "nameJa": "会員情報", "nameEn": "Member records", "items": ["氏名"],
                 "purposeCodes": ["%s"], "storageLocation": "CRM", "storageMethod": "暗号化",
                 "accessibleBy": ["SV"], "sensitive": false, "acquisitionForm": "DIRECT_WRITTEN", "entrustment": false}
                """.formatted(category, purpose))
                .post("/v1/data-categories")
                .then()
                .statusCode(201);
        call(Part.RETENTION, "tenant-a-client-system")
                .body("""
                {"subjectRef": "%s", "categoryCode": "%s", "owningSystem": "crm",
                 "collectedAt": "%s", "locator": "members/e2e-001"}
                """.formatted(
                        subject, category, OffsetDateTime.now().minusDays(1).withNano(0)))
                .post("/v1/holdings")
                .then()
                .statusCode(201);

        String recipient = call(Part.THIRDPARTY, "tenant-a-privacy-officer")
                .body("""
                {"name": "%s", "address": "東京都新宿区西新宿2-1-1", "representative": "正木 慎二",
                 "kind": "CORPORATION", "legalBasis": "CONSENT"}""".formatted(unique("株式会社提携先")))
                .post("/v1/third-parties")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String provision = call(Part.THIRDPARTY, "tenant-a-client-system")
                .body("""
                {"recipientId": "%s", "purpose": "%s", "subjectRefs": ["%s"], "dataItems": ["name"],
                 "method": "EACH"}""".formatted(recipient, purpose, subject))
                .post("/v1/provisions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        String id = call(Part.REQUEST, "tenant-a-operator")
                .body("""
                {"type": "DISCLOSURE", "subjectRef": "%s", "channel": "LETTER", "deliveryMethod": "ELECTRONIC",
                 "requester": {"name": "佐藤 花子", "relation": "SELF", "contact": {"email": "hanako@example.jp"}}}
                """.formatted(subject))
                .post("/v1/requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // The client company decides only after the person's identity is checked.
        call(Part.REQUEST, "tenant-a-privacy-officer")
                .body("{\"outcome\": \"APPROVED\"}")
                .post("/v1/requests/" + id + "/decision")
                .then()
                .statusCode(409);
        call(Part.REQUEST, "tenant-a-operator")
                .body("{\"method\": \"DOCUMENTS\", \"documents\": [{\"type\": \"DRIVERS_LICENSE\"}]}")
                .post("/v1/requests/" + id + "/identity-verification")
                .then()
                .statusCode(200);
        call(Part.REQUEST, "tenant-a-privacy-officer")
                .body("{\"outcome\": \"APPROVED\"}")
                .post("/v1/requests/" + id + "/decision")
                .then()
                .statusCode(200);

        // request-service gathers the person's data from the other services with its own Keycloak token.
        String status = null;
        for (int i = 0; i < 150 && !"COMPLETED".equals(status); i++) {
            Thread.sleep(200);
            status = call(Part.REQUEST, "tenant-a-operator")
                    .get("/v1/requests/" + id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("status");
        }
        org.junit.jupiter.api.Assertions.assertEquals(
                "COMPLETED",
                status,
                "the disclosure did not complete; see request-service.log in the suite's logs folder");
        // All three sections, each with the record seeded for this person.
        call(Part.REQUEST, "tenant-a-privacy-officer")
                .get("/v1/requests/" + id + "/result")
                .then()
                .statusCode(200)
                .body("disclosure.consents.purpose", hasItem(purpose))
                .body("disclosure.holdings.categoryCode", hasItem(category))
                .body("disclosure.holdings.subjectRef", everyItem(equalTo(subject)))
                .body("disclosure.thirdPartyRecords.provisions.id", hasItem(provision))
                .body("disclosure.thirdPartyRecords.receipts", hasSize(0));
        call(Part.REQUEST, "tenant-b-privacy-officer")
                .get("/v1/requests/" + id + "/result")
                .then()
                .statusCode(404);
    }
}
