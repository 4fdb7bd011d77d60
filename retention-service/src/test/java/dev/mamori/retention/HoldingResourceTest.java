package dev.mamori.retention;

import static dev.mamori.retention.Ledger.addCategory;
import static dev.mamori.retention.Ledger.as;
import static dev.mamori.retention.Ledger.holding;
import static dev.mamori.retention.Ledger.uniqueCode;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.mamori.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HoldingResourceTest {

    private static String subject() {
        return "cust-" + UUID.randomUUID().toString().substring(0, 12);
    }

    private static String recent() {
        return OffsetDateTime.now(ZoneOffset.ofHours(9))
                .minusDays(1)
                .withNano(0)
                .toString();
    }

    @Test
    void shouldDeleteDataCollectedOnNewYearsDay92DaysLaterOnTheThirdOfApril() {
        String category = addCategory("tenant-a", uniqueCode("call-recording"), "");
        String subject = subject();

        as("tenant-a", "client-system")
                .body(holding(subject, category, "2026-01-01T00:00:00+09:00", "rec/0001.wav"))
                .post("/v1/holdings")
                .then()
                .statusCode(201)
                .header("Location", containsString("/v1/subjects/" + subject + "/holdings"))
                .body("collectedAt", equalTo("2026-01-01T00:00:00+09:00"))
                .body("retentionBasis", equalTo("COLLECTION"))
                .body("retentionDays", equalTo(92))
                .body("deleteAfter", equalTo("2026-04-03T00:00:00+09:00"))
                .body("deleteOn", equalTo("2026-04-03"))
                .body(
                        "explanation",
                        equalTo("delete on 2026-04-03 because category " + category
                                + " keeps data 92 days from collection (collected on 2026-01-01)"))
                .body("explanationJa", containsString("2026-04-03 に削除します"))
                .body("registeredBy", equalTo("service-account-tenant-a-client-system"));

        // The same instant written in UTC is the same collection, hence the same deletion date.
        as("tenant-a", "client-system")
                .body(holding(subject, category, "2025-12-31T15:00:00Z", "rec/0002.wav"))
                .post("/v1/holdings")
                .then()
                .statusCode(201)
                .body("collectedAt", equalTo("2026-01-01T00:00:00+09:00"))
                .body("deleteAfter", equalTo("2026-04-03T00:00:00+09:00"));
        // A minute before midnight in Tokyo is still the day before.
        as("tenant-a", "client-system")
                .body(holding(subject, category, "2025-12-31T23:59:00+09:00", "rec/0003.wav"))
                .post("/v1/holdings")
                .then()
                .statusCode(201)
                .body("deleteOn", equalTo("2026-04-02"));

        // Read back from the database, the holding shows the same times in the same local time.
        as("tenant-a", "privacy-officer")
                .get("/v1/subjects/" + subject + "/holdings")
                .then()
                .statusCode(200)
                .body("items[0].locator", equalTo("rec/0003.wav"))
                .body("items.find { it.locator == 'rec/0001.wav' }.collectedAt", equalTo("2026-01-01T00:00:00+09:00"))
                .body("items.find { it.locator == 'rec/0001.wav' }.deleteAfter", equalTo("2026-04-03T00:00:00+09:00"))
                .body("items.find { it.locator == 'rec/0002.wav' }.collectedAt", equalTo("2026-01-01T00:00:00+09:00"))
                .body("items.registeredAt", everyItem(endsWith("+09:00")));
    }

    @Test
    void shouldLeaveTheDateOpenUntilTheContractEndsForContractEndCategories() {
        String category =
                addCategory("tenant-a", uniqueCode("tele-recording"), "\"retentionBasis\": \"CONTRACT_END\",");
        String subject = subject();
        as("tenant-a", "operator")
                .body(holding(subject, category, recent(), "rec/contract.wav"))
                .post("/v1/holdings")
                .then()
                .statusCode(201)
                .body("retentionBasis", equalTo("CONTRACT_END"))
                .body("deleteAfter", nullValue())
                .body("deleteOn", nullValue())
                .body("explanation", containsString("delete when the client contract ends"))
                .body("explanation", containsString("the date is set when the contract end is recorded"));
    }

    @Test
    void shouldShowAPersonTheirHoldingsWithRetentionAndAuditTheRead() {
        String category = addCategory("tenant-a", uniqueCode("enquiry"), "\"retentionDays\": 30,");
        String subject = subject();
        as("tenant-a", "client-system")
                .body(holding(subject, category, "2026-02-01T09:00:00+09:00", "crm/1"))
                .post("/v1/holdings")
                .then()
                .statusCode(201);
        as("tenant-a", "client-system")
                .body(holding(subject, category, "2026-02-10T09:00:00+09:00", "crm/2"))
                .post("/v1/holdings")
                .then()
                .statusCode(201);

        as("tenant-a", "privacy-officer")
                .get("/v1/subjects/" + subject + "/holdings")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items.locator", equalTo(List.of("crm/1", "crm/2")))
                .body("items.deleteOn", equalTo(List.of("2026-03-03", "2026-03-12")))
                .body("items[0].explanation", containsString("keeps data 30 days from collection"))
                .body("next", nullValue());

        as("tenant-a", "auditor")
                .get("/v1/audit-events?limit=500&subjectRef=" + subject)
                .then()
                .statusCode(200)
                .body(
                        "items.action",
                        equalTo(List.of("HOLDING_REGISTERED", "HOLDING_REGISTERED", "SUBJECT_HOLDINGS_READ")))
                .body("items.subjectRef", everyItem(equalTo(subject)))
                .body("items[2].actorClient", equalTo("tenant-a-privacy-officer"));
    }

    @Test
    void shouldRefuseAnUnknownCategoryNamingCategoryCodeAndWriteNothing() {
        String subject = subject();
        as("tenant-a", "client-system")
                .body(holding(subject, "no-such-category", recent(), "x/1"))
                .post("/v1/holdings")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/unknown-category"))
                .body("errors[0].field", equalTo("categoryCode"));
        as("tenant-a", "operator")
                .get("/v1/subjects/" + subject + "/holdings")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void shouldRefuseACollectionDateInTheFutureNamingCollectedAtAndWriteNothing() {
        String category = addCategory("tenant-a", uniqueCode("future"), "");
        String subject = subject();
        String tomorrow = OffsetDateTime.now(ZoneOffset.ofHours(9))
                .plusDays(1)
                .withNano(0)
                .toString();
        as("tenant-a", "client-system")
                .body(holding(subject, category, tomorrow, "x/1"))
                .post("/v1/holdings")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/collected-in-future"))
                .body("errors[0].field", equalTo("collectedAt"));
        as("tenant-a", "operator")
                .get("/v1/subjects/" + subject + "/holdings")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        as("tenant-a", "auditor")
                .get("/v1/audit-events?limit=500&subjectRef=" + subject)
                .then()
                .statusCode(200)
                .body("items.action", equalTo(List.of("SUBJECT_HOLDINGS_READ")));
    }

    @Test
    void shouldNameEveryInvalidFieldOfAHolding() {
        as("tenant-a", "client-system")
                .body("{\"subjectRef\": \"has spaces/and slashes\", \"owningSystem\": \"CRM!\", \"locator\": \"\"}")
                .post("/v1/holdings")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/validation"))
                .body("errors.field", hasItems("subjectRef", "categoryCode", "owningSystem", "collectedAt", "locator"));
        String category = addCategory("tenant-a", uniqueCode("dates"), "");
        for (String notRfc3339 :
                new String[] {"2026-01-01", "2026-01-01T10:00:00", "yesterday", "1899-12-31T00:00:00Z"}) {
            as("tenant-a", "client-system")
                    .body(holding(subject(), category, notRfc3339, "x/1"))
                    .post("/v1/holdings")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("collectedAt"));
        }
        as("tenant-a", "client-system")
                .body(holding(subject(), category, "2026-01-01T10:00:00+09:00", "x/1")
                        .replace("\"locator\"", "\"colour\": \"red\", \"locator\""))
                .post("/v1/holdings")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("colour"));
        as("tenant-a", "operator")
                .get("/v1/subjects/not a ref!/holdings")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("subjectRef"));
    }

    @Test
    void shouldRefuseRegisteringTheSameRecordTwice() {
        String category = addCategory("tenant-a", uniqueCode("twice"), "");
        String subject = subject();
        String body = holding(subject, category, recent(), "crm/twice");
        as("tenant-a", "client-system").body(body).post("/v1/holdings").then().statusCode(201);
        as("tenant-a", "client-system")
                .body(body)
                .post("/v1/holdings")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://mamori.dev/problems/holding-exists"));
        as("tenant-a", "operator")
                .get("/v1/subjects/" + subject + "/holdings")
                .then()
                .body("items", hasSize(1));
    }

    @Test
    void shouldNeverLetOneTenantSeeOrUseAnothersHoldingsOrLedger() {
        String category = addCategory("tenant-a", uniqueCode("iso"), "");
        String subject = subject();
        as("tenant-a", "client-system")
                .body(holding(subject, category, recent(), "crm/iso"))
                .post("/v1/holdings")
                .then()
                .statusCode(201);

        // tenant-b cannot file data under tenant-a's ledger ...
        as("tenant-b", "client-system")
                .body(holding(subject, category, recent(), "crm/iso"))
                .post("/v1/holdings")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("categoryCode"));
        // ... nor see what tenant-a holds about the same reference.
        as("tenant-b", "privacy-officer")
                .get("/v1/subjects/" + subject + "/holdings")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        as("tenant-b", "auditor")
                .get("/v1/audit-events?limit=500&subjectRef=" + subject)
                .then()
                .statusCode(200)
                .body("items.action", equalTo(List.of("SUBJECT_HOLDINGS_READ")))
                .body("items.tenantId", everyItem(equalTo("tenant-b")));
        // A service acting for tenant-b names it in the header and sees tenant-b's view only.
        given().auth()
                .oauth2(TestTokens.service("request-service"))
                .header("X-Mamori-Tenant", "tenant-b")
                .get("/v1/subjects/" + subject + "/holdings")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        given().auth()
                .oauth2(TestTokens.service("request-service"))
                .header("X-Mamori-Tenant", "tenant-a")
                .get("/v1/subjects/" + subject + "/holdings")
                .then()
                .statusCode(200)
                .body("items", hasSize(1));
    }

    @Test
    void shouldReplayARetriedRegistrationWithTheSameIdempotencyKey() {
        String category = addCategory("tenant-a", uniqueCode("idem"), "");
        String subject = subject();
        String key = UUID.randomUUID().toString();
        String body = holding(subject, category, "2026-01-05T12:00:00+09:00", "crm/idem");
        String first = as("tenant-a", "client-system")
                .header("Idempotency-Key", key)
                .body(body)
                .post("/v1/holdings")
                .then()
                .statusCode(201)
                .extract()
                .asString();
        as("tenant-a", "client-system")
                .header("Idempotency-Key", key)
                .body(body)
                .post("/v1/holdings")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"))
                .body(equalTo(first));
        as("tenant-a", "privacy-officer")
                .get("/v1/subjects/" + subject + "/holdings")
                .then()
                .body("items", hasSize(1));
        as("tenant-a", "auditor")
                .get("/v1/audit-events?limit=500&subjectRef=" + subject)
                .then()
                .body("items.action", hasItem("HOLDING_REGISTERED"))
                .body("items.findAll { it.action == 'HOLDING_REGISTERED' }", hasSize(1));
    }
}
