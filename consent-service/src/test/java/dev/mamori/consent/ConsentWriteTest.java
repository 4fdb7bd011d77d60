package dev.mamori.consent;

import static dev.mamori.consent.ConsentFixtures.as;
import static dev.mamori.consent.ConsentFixtures.consentBody;
import static dev.mamori.consent.ConsentFixtures.decide;
import static dev.mamori.consent.ConsentFixtures.purpose;
import static dev.mamori.consent.ConsentFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.mamori.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A consent recorded one by one (the plain write, without the ORM) keeps what the ORM's write promised: its audit line
 * commits with it, a retry with the same key answers the same and writes once, a refusal leaves nothing, and the next
 * decision sees the consent.
 */
@QuarkusTest
class ConsentWriteTest {

    @Test
    void shouldAuditARecordedConsentOnceAndAnswerARetryAlikeWithoutWritingAgain() {
        String purpose = purpose("tenant-a", null);
        String subject = unique("w");
        String key = UUID.randomUUID().toString();
        String body = consentBody(subject, purpose, 1, "GIVEN", null);
        String first = as("tenant-a", "client-system")
                .header("Idempotency-Key", key)
                .body(body)
                .post("/v1/consents")
                .then()
                .statusCode(201)
                .extract()
                .asString();
        String again = as("tenant-a", "client-system")
                .header("Idempotency-Key", key)
                .body(body)
                .post("/v1/consents")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .extract()
                .asString();
        org.junit.jupiter.api.Assertions.assertEquals(first, again);

        as("tenant-a", "privacy-officer")
                .get("/v1/subjects/" + subject + "/consents")
                .then()
                .body("consents", hasSize(1));
        List<String> actions = given().auth()
                .oauth2(TestTokens.forTenant("tenant-a", "auditor"))
                .queryParam("subjectRef", subject)
                .queryParam("limit", 500)
                .get("/v1/audit-events")
                .then()
                .statusCode(200)
                .extract()
                .path("items.action");
        org.junit.jupiter.api.Assertions.assertEquals(
                1, actions.stream().filter("CONSENT_RECORDED"::equals).count(), actions.toString());

        // The same key for another intent is refused, and nothing more is written.
        as("tenant-a", "client-system")
                .header("Idempotency-Key", key)
                .body(consentBody(subject, purpose, 1, "REFUSED", null))
                .post("/v1/consents")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/idempotency-key-reused"));
        as("tenant-a", "privacy-officer")
                .get("/v1/subjects/" + subject + "/consents")
                .then()
                .body("consents", hasSize(1));
    }

    @Test
    void shouldLeaveNoConsentNoAuditLineAndNoKeyWhenAConsentIsRefused() {
        String purpose = purpose("tenant-a", null);
        String subject = unique("w");
        String key = UUID.randomUUID().toString();
        as("tenant-a", "client-system")
                .header("Idempotency-Key", key)
                .body(consentBody(subject, purpose, 9, "GIVEN", null))
                .post("/v1/consents")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/unknown-purpose-version"));

        as("tenant-a", "privacy-officer")
                .get("/v1/subjects/" + subject + "/consents")
                .then()
                .body("consents", hasSize(0));
        List<String> actions = given().auth()
                .oauth2(TestTokens.forTenant("tenant-a", "auditor"))
                .queryParam("subjectRef", subject)
                .get("/v1/audit-events")
                .then()
                .statusCode(200)
                .extract()
                .path("items.action");
        org.junit.jupiter.api.Assertions.assertFalse(actions.contains("CONSENT_RECORDED"), actions.toString());

        // The refusal claimed nothing: the corrected consent with the same key is recorded.
        as("tenant-a", "client-system")
                .header("Idempotency-Key", key)
                .body(consentBody(subject, purpose, 1, "GIVEN", null))
                .post("/v1/consents")
                .then()
                .statusCode(201);
    }

    @Test
    void shouldDecideOnTheNewConsentRightAfterItWasRecorded() {
        String purpose = purpose("tenant-a", null);
        String subject = unique("w");
        // Cached first: the person has not answered yet.
        decide("tenant-a", subject, purpose).body("allowed", equalTo(false));
        as("tenant-a", "client-system")
                .body(consentBody(subject, purpose, 1, "GIVEN", null))
                .post("/v1/consents")
                .then()
                .statusCode(201);
        decide("tenant-a", subject, purpose).body("allowed", equalTo(true));
    }
}
