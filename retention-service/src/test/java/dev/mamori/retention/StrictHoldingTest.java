package dev.mamori.retention;

import static dev.mamori.retention.Ledger.addCategory;
import static dev.mamori.retention.Ledger.as;
import static dev.mamori.retention.Ledger.holding;
import static dev.mamori.retention.Ledger.uniqueCode;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mamori.platform.subject.SubjectRef;
import dev.mamori.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A holding's values are stored as sent or refused: a day that does not exist is refused (it was read as the last
 * day of the month), and a person's ref in Japanese is taken everywhere a ref appears and comes back unchanged.
 */
@QuarkusTest
class StrictHoldingTest {

    private static String recent() {
        return OffsetDateTime.now(ZoneOffset.ofHours(9))
                .minusDays(1)
                .withNano(0)
                .toString();
    }

    private static void auditStillVerifies(String tenant) {
        as(tenant, "auditor")
                .get("/v1/audit-events/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(true));
    }

    @Test
    void shouldRefuseThirtiethOfFebruaryInOneHoldingAndStoreNothing() {
        String category = addCategory("tenant-a", uniqueCode("feb"), "");
        String subject = "feb30-" + UUID.randomUUID().toString().substring(0, 8);
        for (String day : List.of(
                "2026-02-30T10:00:00+09:00",
                "2026-02-29T10:00:00+09:00",
                "2025-04-31T00:00:00Z",
                "2026-02-30t10:00:00.5z")) {
            as("tenant-a", "client-system")
                    .body(holding(subject, category, day, "rec/" + day))
                    .post("/v1/holdings")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("collectedAt"));
        }
        as("tenant-a", "client-system")
                .body(holding(subject, category, "1899-12-31T23:00:00Z", "rec/old"))
                .post("/v1/holdings")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("collectedAt"));
        assertEquals(0, Db.count("SELECT count(*) FROM holding WHERE subject_ref = ?", subject));
        auditStillVerifies("tenant-a");
    }

    @Test
    void shouldRefuseABatchWithThirtiethOfFebruaryInRowThreeNamingItAndStoreNothing() {
        String category = addCategory("tenant-a", uniqueCode("feb"), "");
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rows.add(holding(
                    "feb-" + run + "-" + i, category, i == 3 ? "2026-02-30T10:00:00+09:00" : recent(), "rec/" + i));
        }
        as("tenant-a", "client-system")
                .body("{\"holdings\": [" + String.join(",", rows) + "]}")
                .post("/v1/holdings/batch")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/batch-rejected"))
                .body("errors.field", equalTo(List.of("holdings[3].collectedAt")));
        assertEquals(0, Db.count("SELECT count(*) FROM holding WHERE subject_ref LIKE ?", "feb-" + run + "-%"));
        auditStillVerifies("tenant-a");
    }

    @Test
    void shouldTakeAJapaneseRefEverywhereARefAppearsAndGiveItBackExactly() {
        String tenant = Db.uniqueTenant("ja");
        String category = addCategory(tenant, uniqueCode("rec"), "");
        String kept = addCategory(tenant, uniqueCode("kept"), "");
        String person = "顧客-001";
        String path = "/v1/subjects/" + SubjectRef.pathSegment(person);

        as(tenant, "client-system")
                .body(holding(person, category, recent(), "録音/1"))
                .post("/v1/holdings")
                .then()
                .statusCode(201)
                .body("subjectRef", equalTo(person))
                .header("Location", endsWith(path + "/holdings"));
        as(tenant, "client-system")
                .body("{\"holdings\": [" + holding(person, kept, recent(), "録音/2") + "]}")
                .post("/v1/holdings/batch")
                .then()
                .statusCode(201)
                .body("registered", equalTo(1));
        as(tenant, "privacy-officer")
                .body(Map.of("subjectRef", person, "categoryCode", kept, "reason", "訴訟対応"))
                .post("/v1/legal-holds")
                .then()
                .statusCode(201)
                .body("subjectRef", equalTo(person));

        as(tenant, "operator")
                .urlEncodingEnabled(false)
                .get(path + "/holdings")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items.subjectRef", equalTo(List.of(person, person)));
        assertEquals(person, Db.text("SELECT DISTINCT subject_ref FROM holding WHERE tenant_id = ?", tenant));

        given().auth()
                .oauth2(TestTokens.service("request-service"))
                .header("X-Mamori-Tenant", tenant)
                .contentType(ContentType.JSON)
                .urlEncodingEnabled(false)
                .body(Map.of("requestRef", "req-ja-1", "reason", "Art. 35"))
                .post(path + "/erasure")
                .then()
                .statusCode(200)
                .body("subjectRef", equalTo(person))
                .body("erased", equalTo(1))
                .body("held", equalTo(1));
        as(tenant, "operator")
                .urlEncodingEnabled(false)
                .get(path + "/holdings")
                .then()
                .statusCode(200)
                .body("items.locator", equalTo(List.of("録音/2")));
        String certificate = as(tenant, "auditor")
                .get("/v1/deletion-certificates?requestRef=req-ja-1")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .extract()
                .path("items[0].id");
        as(tenant, "auditor")
                .get("/v1/deletion-certificates/" + certificate)
                .then()
                .statusCode(200)
                .body("items.subjectRef", equalTo(List.of(person)));
        auditStillVerifies(tenant);
    }
}
