package dev.mamori.retention;

import static dev.mamori.retention.Ledger.addCategory;
import static dev.mamori.retention.Ledger.addDueHoldings;
import static dev.mamori.retention.Ledger.as;
import static dev.mamori.retention.Ledger.holding;
import static dev.mamori.retention.Ledger.uniqueCode;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mamori.platform.time.JapanTime;
import dev.mamori.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeletionCertificateTest {

    private static String recent(int minutes) {
        return OffsetDateTime.now(ZoneOffset.ofHours(9))
                .minusDays(3)
                .plusMinutes(minutes)
                .withNano(0)
                .toString();
    }

    @Test
    void shouldEraseAPersonOnAnApprovedRequestWithProofAndDetectALaterEditOfTheEvidence() throws SQLException {
        String tenant = Db.uniqueTenant("subject");
        String calls = addCategory(tenant, uniqueCode("calls"), "");
        String complaints = addCategory(tenant, uniqueCode("complaints"), "");
        String person = "cust-" + UUID.randomUUID().toString().substring(0, 8);
        // Not due for months: an approved request erases them anyway.
        as(tenant, "client-system")
                .body(holding(person, calls, recent(0), "rec/1", "ivr", null))
                .post("/v1/holdings")
                .then()
                .statusCode(201);
        as(tenant, "client-system")
                .body(holding(person, calls, recent(1), "rec/2", "crm", null))
                .post("/v1/holdings")
                .then()
                .statusCode(201);
        as(tenant, "client-system")
                .body(holding(person, complaints, recent(2), "c/1", "crm", null))
                .post("/v1/holdings")
                .then()
                .statusCode(201);
        as(tenant, "privacy-officer")
                .body(Map.of("subjectRef", person, "categoryCode", complaints, "reason", "苦情対応の訴訟のため保全"))
                .post("/v1/legal-holds")
                .then()
                .statusCode(201);

        String key = UUID.randomUUID().toString();
        var asRequestService = given().auth()
                .oauth2(TestTokens.service("request-service"))
                .header("X-Mamori-Tenant", tenant)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(Map.of("requestRef", "req-42", "reason", "Art. 35(5)(a)"));
        String first = asRequestService
                .post("/v1/subjects/" + person + "/erasure")
                .then()
                .statusCode(200)
                .body("erased", equalTo(2))
                .body("held", equalTo(1))
                .body("requestRef", equalTo("req-42"))
                .body("certifiedCount", equalTo(2))
                .extract()
                .asString();
        given().auth()
                .oauth2(TestTokens.service("request-service"))
                .header("X-Mamori-Tenant", tenant)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(Map.of("requestRef", "req-42", "reason", "Art. 35(5)(a)"))
                .post("/v1/subjects/" + person + "/erasure")
                .then()
                .statusCode(200)
                .header("Idempotent-Replayed", equalTo("true"))
                .body(equalTo(first));
        String certificate = JsonPath.from(first).getString("certificateId");

        as(tenant, "operator")
                .get("/v1/subjects/" + person + "/holdings")
                .then()
                .body("items.locator", equalTo(List.of("c/1")));
        as(tenant, "auditor")
                .get("/v1/audit-events?limit=500&subjectRef=" + person)
                .then()
                .body("items.action", hasItem("SUBJECT_ERASED"));
        assertEquals(
                2,
                Db.count(
                        "SELECT count(*) FROM erasure_request WHERE tenant_id = ? AND request_ref = 'req-42' "
                                + "AND cause = 'SUBJECT_REQUEST'",
                        tenant),
                "one request per owning system (ivr, crm)");

        String digest = as(tenant, "client-system")
                .get("/v1/deletion-certificates/" + certificate)
                .then()
                .statusCode(200)
                .body("kind", equalTo("REQUEST"))
                .body("requestRef", equalTo("req-42"))
                .body("count", equalTo(2))
                .body("digest", matchesPattern("[0-9a-f]{64}"))
                .body("digestAlgorithm", equalTo("SHA-256"))
                .body("items.subjectRef", everyItem(equalTo(person)))
                .body("items.cause", everyItem(equalTo("SUBJECT_REQUEST")))
                .body("items.locator", equalTo(List.of("rec/1", "rec/2")))
                .body("items[0].erasedBy", equalTo("service-account-request-service"))
                .extract()
                .path("digest");
        String html = as(tenant, "client-system")
                .accept("text/html")
                .get("/v1/deletion-certificates/" + certificate + "?format=html")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .extract()
                .asString();
        for (String expected : List.of("削除証明書", "Deletion certificate", person, digest, "rec/2", "本人請求")) {
            org.hamcrest.MatcherAssert.assertThat(html, containsString(expected));
        }
        as(tenant, "auditor")
                .get("/v1/deletion-certificates/" + certificate + "/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(true))
                .body("currentDigest", equalTo(digest));

        // Someone with database rights bypasses the append-only trigger and edits one evidence row.
        Db.execute(
                "ALTER TABLE erasure_evidence_batch DISABLE TRIGGER erasure_evidence_batch_append_only",
                "UPDATE erasure_evidence_batch SET locators = array_replace(locators, 'rec/2', 'rec/elsewhere') "
                        + "WHERE tenant_id = '" + tenant + "' AND 'rec/2' = ANY (locators)",
                "ALTER TABLE erasure_evidence_batch ENABLE TRIGGER erasure_evidence_batch_append_only");
        as(tenant, "auditor")
                .get("/v1/deletion-certificates/" + certificate + "/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(false))
                .body("issuedDigest", equalTo(digest))
                .body("currentDigest", not(equalTo(digest)));

        String other = Db.uniqueTenant("elsewhere");
        as(other, "auditor")
                .get("/v1/deletion-certificates/" + certificate)
                .then()
                .statusCode(404);
        as(other, "auditor")
                .get("/v1/deletion-certificates/" + certificate + "/verification")
                .then()
                .statusCode(404);
        as(other, "auditor")
                .get("/v1/deletion-certificates?requestRef=req-42")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        // The erasure issued the request's certificate; the owner finds it in its list, by requestRef too.
        as(tenant, "auditor")
                .get("/v1/deletion-certificates?requestRef=req-42")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(certificate)))
                .body("items[0].kind", equalTo("REQUEST"))
                .body("items[0].digest", equalTo(digest))
                .body("items[0].items", nullValue());
    }

    @Test
    void shouldCertifyAPeriodsErasuresWithAStableDigest() {
        String tenant = Db.uniqueTenant("period");
        String category = addCategory(tenant, uniqueCode("rec"), "");
        addDueHoldings(tenant, category, "p", 3, "ivr");
        as(tenant, "privacy-officer")
                .post("/v1/purge-runs")
                .then()
                .statusCode(200)
                .body("erased", equalTo(3));
        String today = LocalDate.now(JapanTime.ZONE).toString();

        JsonPath first = as(tenant, "client-system")
                .body(period(today, today))
                .post("/v1/deletion-certificates")
                .then()
                .statusCode(201)
                .body("kind", equalTo("PERIOD"))
                .body("tenantId", equalTo(tenant))
                .body("from", equalTo(today))
                .body("count", equalTo(3))
                .body("items", hasSize(3))
                .body("items.cause", everyItem(equalTo("RETENTION")))
                .body("items.subjectRef", org.hamcrest.Matchers.containsInAnyOrder("p-0", "p-1", "p-2"))
                .extract()
                .jsonPath();
        String again = as(tenant, "client-system")
                .body(period(today, today))
                .post("/v1/deletion-certificates")
                .then()
                .statusCode(201)
                .extract()
                .path("digest");
        assertEquals(first.getString("digest"), again, "the same evidence gives the same digest");
        as(tenant, "auditor")
                .get("/v1/deletion-certificates/" + first.getString("id") + "/verification")
                .then()
                .body("intact", equalTo(true))
                .body("issuedCount", equalTo(3));

        as(tenant, "auditor")
                .body(period(today, "2026-01-01"))
                .post("/v1/deletion-certificates")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("to"));
        as(tenant, "auditor")
                .body(Map.of("to", today))
                .post("/v1/deletion-certificates")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
        as(tenant, "auditor")
                .body(period("yesterday", today))
                .post("/v1/deletion-certificates")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
        as(tenant, "auditor")
                .body(period("2026-02-30", today))
                .post("/v1/deletion-certificates")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
        as(tenant, "auditor")
                .body(Map.of("from", today, "to", today, "requestRef", "req-1"))
                .post("/v1/deletion-certificates")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("requestRef"));
        as(Db.uniqueTenant("b"), "auditor")
                .body(period(today, today))
                .post("/v1/deletion-certificates")
                .then()
                .statusCode(201)
                .body("count", equalTo(0));
        assertEquals(
                2,
                Db.count("SELECT count(*) FROM deletion_certificate WHERE tenant_id = ?", tenant),
                "refused requests issue nothing");
    }

    private static Map<String, String> period(String from, String to) {
        return Map.of("from", from, "to", to);
    }

    @Test
    void shouldIssueOnlyOnPostAndListWithoutIssuing() {
        String tenant = Db.uniqueTenant("listing");
        String category = addCategory(tenant, uniqueCode("rec"), "");
        addDueHoldings(tenant, category, "l", 2, "ivr");
        as(tenant, "privacy-officer")
                .post("/v1/purge-runs")
                .then()
                .statusCode(200)
                .body("erased", equalTo(2));
        String today = LocalDate.now(JapanTime.ZONE).toString();

        // Reading is safe: two GETs of the list issue nothing (each GET used to issue and store a certificate).
        as(tenant, "auditor")
                .get("/v1/deletion-certificates")
                .then()
                .statusCode(200)
                .body("items", hasSize(0))
                .body("next", nullValue());
        as(tenant, "auditor")
                .get("/v1/deletion-certificates")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        // A caller still asking the list for a period learns it issues nothing, and nothing is issued.
        as(tenant, "auditor")
                .get("/v1/deletion-certificates?from=" + today + "&to=" + today)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("from"));
        assertEquals(0, Db.count("SELECT count(*) FROM deletion_certificate WHERE tenant_id = ?", tenant));

        // The same Idempotency-Key twice: one certificate, the same answer.
        String key = UUID.randomUUID().toString();
        var issued = as(tenant, "privacy-officer")
                .header("Idempotency-Key", key)
                .body(period(today, today))
                .post("/v1/deletion-certificates")
                .then()
                .statusCode(201)
                .header("Location", containsString("/v1/deletion-certificates/"))
                .extract();
        String id = issued.path("id");
        org.hamcrest.MatcherAssert.assertThat(issued.header("Location"), endsWith("/v1/deletion-certificates/" + id));
        as(tenant, "privacy-officer")
                .header("Idempotency-Key", key)
                .body(period(today, today))
                .post("/v1/deletion-certificates")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"))
                .body("id", equalTo(id));
        assertEquals(1, Db.count("SELECT count(*) FROM deletion_certificate WHERE tenant_id = ?", tenant));
        as(tenant, "privacy-officer")
                .body(period(today, today))
                .post("/v1/deletion-certificates")
                .then()
                .statusCode(201);

        // Listed newest first, a page at a time, without their items; one is read in full by its id.
        as(tenant, "auditor")
                .get("/v1/deletion-certificates?limit=1")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", not(equalTo(id)))
                .body("items[0].count", equalTo(2))
                .body("items[0].items", nullValue())
                .body("limit", equalTo(1))
                .body("next", equalTo("1"));
        as(tenant, "auditor")
                .get("/v1/deletion-certificates?limit=1&offset=1")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(id)));
        as(tenant, "auditor")
                .get("/v1/deletion-certificates?offset=2")
                .then()
                .statusCode(200)
                .body("items", hasSize(0))
                .body("next", nullValue());
        as(tenant, "auditor")
                .get("/v1/deletion-certificates/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("items", hasSize(2));
        as(tenant, "auditor")
                .get("/v1/deletion-certificates?limit=abc")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        assertEquals(2, Db.count("SELECT count(*) FROM deletion_certificate WHERE tenant_id = ?", tenant));
    }
}
