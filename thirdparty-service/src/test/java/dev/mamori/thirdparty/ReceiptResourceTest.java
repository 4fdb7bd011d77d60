package dev.mamori.thirdparty;

import static dev.mamori.thirdparty.ThirdPartyResourceTest.as;
import static dev.mamori.thirdparty.ThirdPartyResourceTest.corporation;
import static dev.mamori.thirdparty.ThirdPartyResourceTest.party;
import static dev.mamori.thirdparty.ThirdPartyResourceTest.register;
import static dev.mamori.thirdparty.ThirdPartyResourceTest.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.platform.time.JapanTime;
import dev.mamori.testing.PostgresTestResource;
import dev.mamori.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReceiptResourceTest {

    private static String subject() {
        return "cust-" + UUID.randomUUID();
    }

    /** A consent-based receipt recorded each time, complete with every item Rule 24 asks for. */
    private static Map<String, Object> consentReceipt(String providerId, String... subjectRefs) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("providerId", providerId);
        body.put("subjectRefs", List.of(subjectRefs));
        body.put("dataItems", List.of("name", "phone", "work history"));
        body.put(
                "acquisitionCircumstances",
                "Registered by the job seeker on the provider's site, consenting to referral");
        body.put("basis", "CONSENT");
        body.put("consentConfirmed", true);
        body.put("method", "EACH");
        body.put("receivedOn", "2025-04-01");
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, Object... keyValues) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] == null) {
                changed.remove((String) keyValues[i]);
            } else {
                changed.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return changed;
    }

    private static JsonPath record(String tenant, Map<String, Object> body) {
        return as(tenant, "client-system")
                .body(body)
                .post("/v1/receipts")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    private static String provider(String tenant) {
        return register(tenant, corporation(unique("株式会社プロバイダ")));
    }

    @Test
    void shouldRecordAConsentBasedReceiptWithTheProvidersConfirmedIdentity() {
        String name = unique("パーソルクロステクノロジー株式会社");
        String providerId = register("tenant-a", corporation(name));
        String s1 = subject();
        String s2 = subject();

        JsonPath created = as("tenant-a", "operator")
                .body(consentReceipt(providerId, s1, s2))
                .post("/v1/receipts")
                .then()
                .statusCode(201)
                .header("Location", containsString("/v1/receipts/"))
                .body("providerId", equalTo(providerId))
                .body("provider.name", equalTo(name))
                .body("provider.address", equalTo("東京都新宿区西新宿2-1-1 新宿三井ビルディング51F"))
                .body("provider.representative", equalTo("正木 慎二"))
                .body("acquisitionCircumstances", containsString("consenting to referral"))
                .body("basis", equalTo("CONSENT"))
                .body("consentConfirmed", equalTo(true))
                .body("method", equalTo("EACH"))
                .body("receivedOn", equalTo("2025-04-01"))
                .body("lastTransferOn", nullValue())
                .body("dataItems", contains("name", "phone", "work history"))
                .body("subjectRefs", contains(s1, s2))
                .body("recordedBy", equalTo("service-account-tenant-a-operator"))
                .extract()
                .jsonPath();

        String id = created.getString("id");
        as("tenant-a", "auditor")
                .get("/v1/receipts/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("provider.name", equalTo(name))
                .body("subjectRefs", contains(s1, s2))
                .body("retainUntil", equalTo(created.getString("retainUntil")));
    }

    @Test
    void shouldKeepARecordMadeEachTimeForThreeYearsFromItsCreationInJapan() {
        JsonPath created = record("tenant-a", consentReceipt(provider("tenant-a"), subject()));
        LocalDate recordedOn = JapanTime.dateOf(OffsetDateTime.parse(created.getString("recordedAt")));
        assertEquals(recordedOn.toString(), created.getString("recordedOn"));
        assertEquals(recordedOn.plusYears(3).toString(), created.getString("retainUntil"));
    }

    @Test
    void shouldKeepABulkRecordForThreeYearsCountingTheDayOfTheLastReceipt() {
        JsonPath bulk = record(
                "tenant-a",
                with(
                        consentReceipt(provider("tenant-a"), subject()),
                        "method",
                        "BULK",
                        "receivedOn",
                        "2025-01-06",
                        "lastTransferOn",
                        "2025-04-01"));
        assertEquals("BULK", bulk.getString("method"));
        assertEquals("2025-04-01", bulk.getString("lastTransferOn"));
        assertEquals("2028-03-31", bulk.getString("retainUntil"));
    }

    @Test
    void shouldKeepAContractSubstituteRecordForOneYearCountingTheDayOfTheLastReceipt() {
        String providerId = provider("tenant-a");
        assertEquals(
                "2026-03-31",
                record(
                                "tenant-a",
                                with(
                                        consentReceipt(providerId, subject()),
                                        "method",
                                        "CONTRACT_SUBSTITUTE",
                                        "lastTransferOn",
                                        "2025-04-01"))
                        .getString("retainUntil"));
        // 2025 has no 29 February: the year counted from it ends on the last day of February.
        assertEquals(
                "2025-02-28",
                record(
                                "tenant-a",
                                with(
                                        consentReceipt(providerId, subject()),
                                        "method",
                                        "CONTRACT_SUBSTITUTE",
                                        "receivedOn",
                                        "2024-02-29",
                                        "lastTransferOn",
                                        "2024-02-29"))
                        .getString("retainUntil"));
    }

    @Test
    void shouldRequireTheLastReceiptDateForBulkAndContractSubstituteRecordsOnly() {
        String providerId = provider("tenant-a");
        for (String method : new String[] {"BULK", "CONTRACT_SUBSTITUTE"}) {
            as("tenant-a", "client-system")
                    .body(with(consentReceipt(providerId, subject()), "method", method))
                    .post("/v1/receipts")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://mamori.dev/problems/receipt-refused"))
                    .body("errors.field", contains("lastTransferOn"));
        }
        as("tenant-a", "client-system")
                .body(with(consentReceipt(providerId, subject()), "lastTransferOn", "2025-04-01"))
                .post("/v1/receipts")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/receipt-refused"))
                .body("errors[0].field", equalTo("lastTransferOn"));
    }

    @Test
    void shouldRequireHowTheProviderAcquiredTheDataAndTheOtherArt30Items() {
        as("tenant-a", "client-system")
                .body("{\"subjectRefs\": [], \"acquisitionCircumstances\": \"  \"}")
                .post("/v1/receipts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/validation"))
                .body(
                        "errors.field",
                        containsInAnyOrder(
                                "providerId",
                                "subjectRefs",
                                "dataItems",
                                "acquisitionCircumstances",
                                "basis",
                                "method"));
        as("tenant-a", "client-system")
                .body(with(consentReceipt(provider("tenant-a"), subject()), "acquisitionCircumstances", null))
                .post("/v1/receipts")
                .then()
                .statusCode(400)
                .body("errors.field", contains("acquisitionCircumstances"));
        as("tenant-a", "client-system")
                .body(with(
                        consentReceipt(provider("tenant-a"), "x".repeat(129), " "), "dataItems", List.of("name", "")))
                .post("/v1/receipts")
                .then()
                .statusCode(400)
                .body("type", equalTo("https://mamori.dev/problems/validation"))
                .body("errors.field", containsInAnyOrder("subjectRefs[0]", "subjectRefs[1]", "dataItems[1]"));
    }

    @Test
    void shouldAnswerWrongTypesUnknownEnumsAndBadDatesWith400NamingTheField() {
        String providerId = provider("tenant-a");
        as("tenant-a", "client-system")
                .body(with(consentReceipt(providerId, subject()), "basis", "LEGITIMATE_INTEREST"))
                .post("/v1/receipts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("basis"))
                .body("errors[0].message", containsString("OPT_OUT"));
        as("tenant-a", "client-system")
                .body(with(consentReceipt(providerId, subject()), "receivedOn", "2025-13-01"))
                .post("/v1/receipts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("receivedOn"));
        as("tenant-a", "client-system")
                .body(with(consentReceipt(providerId, subject()), "providerId", "not-a-uuid"))
                .post("/v1/receipts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("providerId"));
        as("tenant-a", "client-system")
                .body(with(consentReceipt(providerId, subject()), "consentConfirmed", "perhaps"))
                .post("/v1/receipts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("consentConfirmed"));
    }

    @Test
    void shouldRequireTheConsentFactForAConsentBasedReceipt() {
        String s = subject();
        as("tenant-a", "client-system")
                .body(with(consentReceipt(provider("tenant-a"), s), "consentConfirmed", false))
                .post("/v1/receipts")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/receipt-refused"))
                .body("errors.field", contains("consentConfirmed"));
        as("tenant-a", "operator")
                .get("/v1/subjects/" + s + "/receipts")
                .then()
                .statusCode(200)
                .body("items", empty());
    }

    @Test
    void shouldRequireTheDateReceivedAndThePpcPublicationForAnOptOutReceipt() {
        String providerId = register("tenant-a", party(unique("名簿業者"), "CORPORATION", "JP", "OPT_OUT", null));
        Map<String, Object> optOut = with(
                consentReceipt(providerId, subject()),
                "basis",
                "OPT_OUT",
                "consentConfirmed",
                null,
                "receivedOn",
                null);
        as("tenant-a", "client-system")
                .body(optOut)
                .post("/v1/receipts")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/receipt-refused"))
                .body("errors.field", containsInAnyOrder("receivedOn", "ppcPublicationConfirmed"));

        JsonPath recorded =
                record("tenant-a", with(optOut, "receivedOn", "2025-05-20", "ppcPublicationConfirmed", true));
        assertEquals("OPT_OUT", recorded.getString("basis"));
        assertEquals("2025-05-20", recorded.getString("receivedOn"));
        assertEquals(true, recorded.getBoolean("ppcPublicationConfirmed"));
    }

    @Test
    void shouldRecordOptOutReceiptsEachTimeNeverInBulk() {
        String providerId = provider("tenant-a");
        as("tenant-a", "client-system")
                .body(with(
                        consentReceipt(providerId, subject()),
                        "basis",
                        "OPT_OUT",
                        "ppcPublicationConfirmed",
                        true,
                        "method",
                        "BULK",
                        "lastTransferOn",
                        "2025-04-30"))
                .post("/v1/receipts")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/receipt-refused"))
                .body("errors[0].field", equalTo("method"));
    }

    @Test
    void shouldRefuseDatesInTheFutureAndALastReceiptBeforeTheFirst() {
        String providerId = provider("tenant-a");
        String tomorrow = LocalDate.now(JapanTime.ZONE).plusDays(2).toString();
        as("tenant-a", "client-system")
                .body(with(consentReceipt(providerId, subject()), "receivedOn", tomorrow))
                .post("/v1/receipts")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/receipt-refused"))
                .body("errors[0].field", equalTo("receivedOn"));
        as("tenant-a", "client-system")
                .body(with(consentReceipt(providerId, subject()), "method", "BULK", "lastTransferOn", tomorrow))
                .post("/v1/receipts")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("lastTransferOn"));
        as("tenant-a", "client-system")
                .body(with(
                        consentReceipt(providerId, subject()),
                        "method",
                        "BULK",
                        "receivedOn",
                        "2025-04-01",
                        "lastTransferOn",
                        "2025-03-31"))
                .post("/v1/receipts")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/receipt-refused"))
                .body("errors[0].field", equalTo("lastTransferOn"));
    }

    @Test
    void shouldNameEveryFailingCheckInOneRefusalAndRecordNothing() {
        String s = subject();
        String tomorrow = LocalDate.now(JapanTime.ZONE).plusDays(2).toString();
        String unknown = UUID.randomUUID().toString();
        // Four checks fail at once: unknown provider, no PPC publication, bulk by opt-out and a last receipt
        // before the first.
        as("tenant-a", "client-system")
                .body(with(
                        consentReceipt(unknown, s),
                        "basis",
                        "OPT_OUT",
                        "consentConfirmed",
                        null,
                        "method",
                        "BULK",
                        "receivedOn",
                        "2025-04-01",
                        "lastTransferOn",
                        "2025-03-31"))
                .post("/v1/receipts")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/receipt-refused"))
                .body(
                        "rules",
                        containsInAnyOrder(
                                "UNKNOWN_PROVIDER",
                                "PPC_PUBLICATION_NOT_CONFIRMED",
                                "BULK_NOT_FOR_OPT_OUT",
                                "LAST_TRANSFER_BEFORE_RECEIPT"))
                .body(
                        "errors.field",
                        containsInAnyOrder("providerId", "ppcPublicationConfirmed", "method", "lastTransferOn"));
        as("tenant-a", "client-system")
                .body(with(
                        consentReceipt(provider("tenant-a"), s),
                        "consentConfirmed",
                        false,
                        "receivedOn",
                        tomorrow,
                        "lastTransferOn",
                        tomorrow))
                .post("/v1/receipts")
                .then()
                .statusCode(422)
                .body(
                        "rules",
                        contains(
                                "CONSENT_NOT_CONFIRMED",
                                "LAST_TRANSFER_NOT_APPLICABLE",
                                "DATE_IN_FUTURE",
                                "DATE_IN_FUTURE"))
                .body("errors.field", contains("consentConfirmed", "lastTransferOn", "receivedOn", "lastTransferOn"));
        as("tenant-a", "operator")
                .get("/v1/subjects/" + s + "/receipts")
                .then()
                .statusCode(200)
                .body("items", empty());
        assertTrue(
                AuditTrail.events("tenant-a", s, "RECEIPT_RECORDED", null).isEmpty(), "a refused receipt was audited");
    }

    @Test
    void shouldRefuseAReceiptRecordFromAPublicAgency() {
        String agency = register("tenant-a", party(unique("市役所"), "PUBLIC_AGENCY", "JP", "LAW_27_1_4", null));
        as("tenant-a", "client-system")
                .body(consentReceipt(agency, subject()))
                .post("/v1/receipts")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/receipt-refused"))
                .body("errors[0].field", equalTo("providerId"));
    }

    @Test
    void shouldRefuseAnotherTenantsProviderLikeAnUnknownOneAndWriteNothing() {
        String foreignProvider = provider("tenant-a");
        String s = subject();
        String key = UUID.randomUUID().toString();

        as("tenant-b", "client-system")
                .header("Idempotency-Key", key)
                .body(consentReceipt(foreignProvider, s))
                .post("/v1/receipts")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/receipt-refused"))
                .body("errors[0].field", equalTo("providerId"));
        as("tenant-b", "client-system")
                .body(consentReceipt(UUID.randomUUID().toString(), s))
                .post("/v1/receipts")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/receipt-refused"));

        for (String tenant : new String[] {"tenant-a", "tenant-b"}) {
            as(tenant, "operator")
                    .get("/v1/subjects/" + s + "/receipts")
                    .then()
                    .statusCode(200)
                    .body("items", empty());
            assertTrue(
                    AuditTrail.events(tenant, s, "RECEIPT_RECORDED", null).isEmpty(),
                    tenant + " audited a refused write");
        }
        // Not even the idempotency key was kept: with the tenant's own provider the same key now records.
        as("tenant-b", "client-system")
                .header("Idempotency-Key", key)
                .body(consentReceipt(provider("tenant-b"), s))
                .post("/v1/receipts")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", nullValue());
    }

    @Test
    void shouldNeverShowOneTenantsReceiptsToAnother() {
        String s = subject();
        String id = record("tenant-a", consentReceipt(provider("tenant-a"), s)).getString("id");

        as("tenant-b", "privacy-officer")
                .get("/v1/receipts/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/not-found"));
        as("tenant-b", "privacy-officer")
                .get("/v1/subjects/" + s + "/receipts")
                .then()
                .statusCode(200)
                .body("items", empty());
        given().auth()
                .oauth2(TestTokens.service("request-service"))
                .header("X-Mamori-Tenant", "tenant-b")
                .get("/v1/receipts/" + id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.service("request-service"))
                .header("X-Mamori-Tenant", "tenant-b")
                .get("/v1/subjects/" + s + "/receipts")
                .then()
                .statusCode(200)
                .body("items", empty());
        given().auth()
                .oauth2(TestTokens.service("request-service"))
                .header("X-Mamori-Tenant", "tenant-a")
                .get("/v1/subjects/" + s + "/receipts")
                .then()
                .statusCode(200)
                .body("items.id", contains(id));
        // A read by tenant-b is no read of tenant-a's person: no audit line on either side.
        assertTrue(AuditTrail.events("tenant-a", s, "RECEIPT_READ", id).isEmpty());
        assertTrue(AuditTrail.events("tenant-b", s, "RECEIPT_READ", id).isEmpty());
    }

    @Test
    void shouldListEveryRecordAboutAPersonNewestFirstShowingOnlyThatPerson() {
        String providerId = provider("tenant-a");
        String person = subject();
        String other = subject();
        String older =
                record("tenant-a", consentReceipt(providerId, person, other)).getString("id");
        String newer = record(
                        "tenant-a",
                        with(
                                consentReceipt(providerId, person),
                                "method",
                                "CONTRACT_SUBSTITUTE",
                                "lastTransferOn",
                                "2025-04-01"))
                .getString("id");
        String notTheirs = record("tenant-a", consentReceipt(providerId, other)).getString("id");

        given().auth()
                .oauth2(TestTokens.service("request-service"))
                .header("X-Mamori-Tenant", "tenant-a")
                .get("/v1/subjects/" + person + "/receipts")
                .then()
                .statusCode(200)
                .body("items.id", contains(newer, older))
                .body("items.id", not(hasItem(notTheirs)))
                .body("items[1].subjectRefs", contains(person))
                .body("items[0].subjectRefs", contains(person))
                .body("items[0].retainUntil", equalTo("2026-03-31"))
                .body("items[1].provider.representative", equalTo("正木 慎二"));
        as("tenant-a", "operator")
                .get("/v1/subjects/" + person + "/receipts?limit=1")
                .then()
                .statusCode(200)
                .body("items.id", contains(newer))
                .body("next", equalTo("1"));
        as("tenant-a", "operator")
                .get("/v1/subjects/" + person + "/receipts?limit=1&offset=1")
                .then()
                .statusCode(200)
                .body("items.id", contains(older));

        var reads = AuditTrail.events("tenant-a", person, "SUBJECT_RECEIPTS_READ", null);
        assertEquals(3, reads.size());
        assertEquals("request-service", reads.get(0).get("actorClient"));
        assertTrue(AuditTrail.events("tenant-a", other, "SUBJECT_RECEIPTS_READ", null)
                .isEmpty());
    }

    @Test
    void shouldAuditEachPrincipalWhenARecordIsWrittenAndWhenItIsRead() {
        String s1 = subject();
        String s2 = subject();
        String id =
                record("tenant-a", consentReceipt(provider("tenant-a"), s1, s2)).getString("id");
        for (String s : new String[] {s1, s2}) {
            var written = AuditTrail.events("tenant-a", s, "RECEIPT_RECORDED", id);
            assertEquals(1, written.size(), "RECEIPT_RECORDED for " + s);
            assertEquals("receipt", written.get(0).get("resourceType"));
            assertEquals("tenant-a-client-system", written.get(0).get("actorClient"));
        }

        as("tenant-a", "privacy-officer").get("/v1/receipts/" + id).then().statusCode(200);
        for (String s : new String[] {s1, s2}) {
            assertEquals(1, AuditTrail.events("tenant-a", s, "RECEIPT_READ", id).size(), "RECEIPT_READ for " + s);
        }
        as("tenant-a", "auditor")
                .get("/v1/audit-events/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(true));
    }

    @Test
    void shouldRecordAPrincipalListedTwiceOnce() {
        String s = subject();
        JsonPath created = record("tenant-a", consentReceipt(provider("tenant-a"), s, s));
        assertEquals(List.of(s), created.getList("subjectRefs"));
        assertEquals(
                1,
                AuditTrail.events("tenant-a", s, "RECEIPT_RECORDED", created.getString("id"))
                        .size());
    }

    @Test
    void shouldRecordABatchOfFiveHundredPrincipalsForAServiceAndRefuseMore() {
        String providerId = provider("tenant-a");
        List<String> batch = java.util.stream.IntStream.range(0, 500)
                .mapToObj(i -> subject())
                .toList();
        Map<String, Object> body = with(
                consentReceipt(providerId), "subjectRefs", batch, "method", "BULK", "lastTransferOn", "2025-04-01");
        String id = given().auth()
                .oauth2(TestTokens.service("request-service"))
                .header("X-Mamori-Tenant", "tenant-a")
                .contentType(io.restassured.http.ContentType.JSON)
                .body(body)
                .post("/v1/receipts")
                .then()
                .statusCode(201)
                .body("subjectRefs", hasSize(500))
                .body("recordedBy", equalTo("service-account-request-service"))
                .extract()
                .path("id");
        as("tenant-a", "operator")
                .get("/v1/subjects/" + batch.get(499) + "/receipts")
                .then()
                .statusCode(200)
                .body("items.id", contains(id));
        assertEquals(
                1,
                AuditTrail.events("tenant-a", batch.get(250), "RECEIPT_RECORDED", id)
                        .size());

        List<String> tooMany = java.util.stream.IntStream.range(0, 501)
                .mapToObj(i -> subject())
                .toList();
        as("tenant-a", "client-system")
                .body(with(body, "subjectRefs", tooMany))
                .post("/v1/receipts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("subjectRefs"));
    }

    @Test
    void shouldReplayARetriedReceiptWithTheSameIdempotencyKey() {
        String providerId = provider("tenant-a");
        String s = subject();
        String key = UUID.randomUUID().toString();
        String first = as("tenant-a", "client-system")
                .header("Idempotency-Key", key)
                .body(consentReceipt(providerId, s))
                .post("/v1/receipts")
                .then()
                .statusCode(201)
                .extract()
                .asString();
        String id = JsonPath.from(first).getString("id");
        as("tenant-a", "client-system")
                .header("Idempotency-Key", key)
                .body(consentReceipt(providerId, s))
                .post("/v1/receipts")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"))
                .header("Location", containsString(id))
                .body(equalTo(first));
        as("tenant-a", "client-system")
                .header("Idempotency-Key", key)
                .body(with(consentReceipt(providerId, s), "dataItems", List.of("email")))
                .post("/v1/receipts")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/idempotency-key-reused"));

        as("tenant-a", "operator")
                .get("/v1/subjects/" + s + "/receipts")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(id));
        assertEquals(
                1, AuditTrail.events("tenant-a", s, "RECEIPT_RECORDED", null).size());
    }

    @Test
    void shouldKeepRecordsAppendOnlyUntilTheirRetentionEnds() throws SQLException {
        String id = record("tenant-a", consentReceipt(provider("tenant-a"), subject()))
                .getString("id");

        as("tenant-a", "privacy-officer")
                .body("{}")
                .put("/v1/receipts/" + id)
                .then()
                .statusCode(405);
        as("tenant-a", "privacy-officer").delete("/v1/receipts/" + id).then().statusCode(405);
        try (Connection c = PostgresTestResource.connect();
                Statement s = c.createStatement()) {
            assertThrows(
                    SQLException.class,
                    () -> s.executeUpdate("UPDATE receipt_record SET data_items = '[]' WHERE id = '" + id + "'"));
            assertThrows(
                    SQLException.class, () -> s.executeUpdate("DELETE FROM receipt_record WHERE id = '" + id + "'"));
            assertThrows(
                    SQLException.class,
                    () -> s.executeUpdate("DELETE FROM receipt_subject WHERE receipt_id = '" + id + "'"));
        }
        as("tenant-a", "privacy-officer")
                .get("/v1/receipts/" + id)
                .then()
                .statusCode(200)
                .body("dataItems", hasSize(3))
                .body("subjectRefs", hasSize(1));
    }

    @Test
    void shouldLetTheDatabaseRemoveARecordOnceItsRetentionHasEnded() throws SQLException {
        String s = subject();
        // Contract-substitute, last receipt two years ago: its one-year retention has already ended.
        String lastReceipt = LocalDate.now(JapanTime.ZONE).minusYears(2).toString();
        JsonPath expired = record(
                "tenant-a",
                with(
                        consentReceipt(provider("tenant-a"), s),
                        "method",
                        "CONTRACT_SUBSTITUTE",
                        "receivedOn",
                        lastReceipt,
                        "lastTransferOn",
                        lastReceipt));
        assertTrue(LocalDate.parse(expired.getString("retainUntil")).isBefore(LocalDate.now(JapanTime.ZONE)));

        try (Connection c = PostgresTestResource.connect();
                Statement st = c.createStatement()) {
            assertEquals(
                    1, st.executeUpdate("DELETE FROM receipt_record WHERE id = '" + expired.getString("id") + "'"));
        }
        as("tenant-a", "operator")
                .get("/v1/subjects/" + s + "/receipts")
                .then()
                .statusCode(200)
                .body("items", empty());
    }

    @Test
    void shouldAnswer404ForUnknownIdsAnd400ForMalformedOnesAsProblemJson() {
        as("tenant-a", "operator")
                .get("/v1/receipts/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/not-found"));
        // A malformed id is a bad request naming the parameter (the platform's strict path values), not a 404.
        as("tenant-a", "operator")
                .get("/v1/receipts/not-a-uuid")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("id"));
        as("tenant-a", "operator")
                .get("/v1/subjects/" + "x".repeat(129) + "/receipts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("subjectRef"));
    }
}
