package dev.mamori.consent;

import static dev.mamori.consent.ConsentFixtures.as;
import static dev.mamori.consent.ConsentFixtures.consent;
import static dev.mamori.consent.ConsentFixtures.consentBody;
import static dev.mamori.consent.ConsentFixtures.decide;
import static dev.mamori.consent.ConsentFixtures.newVersion;
import static dev.mamori.consent.ConsentFixtures.purpose;
import static dev.mamori.consent.ConsentFixtures.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DecisionResourceTest {

    @Test
    void shouldAllowUseWithAConsentAndSayWhyNotOtherwise() {
        String purpose = purpose("tenant-a", null);
        String subject = unique("s");
        decide("tenant-a", subject, purpose).body("allowed", equalTo(false)).body("reason", equalTo("NO_CONSENT"));
        String id = consent("tenant-a", subject, purpose, 1, "GIVEN", null);
        decide("tenant-a", subject, purpose)
                .body("allowed", equalTo(true))
                .body("reason", equalTo("CONSENT_GIVEN"))
                .body("purposeVersion", equalTo(1))
                .body("consentId", equalTo(id));
        decide("tenant-a", subject, "no-such-purpose")
                .body("allowed", equalTo(false))
                .body("reason", equalTo("UNKNOWN_PURPOSE"));
        String refuser = unique("s");
        consent("tenant-a", refuser, purpose, 1, "REFUSED", null);
        decide("tenant-a", refuser, purpose).body("reason", equalTo("REFUSED"));
    }

    @Test
    void shouldCarryConsentOverARelatedChangeButAskAgainAfterAnUnrelatedOne() {
        String purpose = purpose("tenant-a", null);
        String subject = unique("s");
        consent("tenant-a", subject, purpose, 1, "GIVEN", null);
        newVersion("tenant-a", purpose, "RELATED", null);
        decide("tenant-a", subject, purpose)
                .body("allowed", equalTo(true))
                .body("purposeVersion", equalTo(2))
                .body("consentedVersion", equalTo(1));
        newVersion("tenant-a", purpose, "UNRELATED", null);
        decide("tenant-a", subject, purpose)
                .body("allowed", equalTo(false))
                .body("reason", equalTo("RECONSENT_REQUIRED"))
                .body("purposeVersion", equalTo(3));
        consent("tenant-a", subject, purpose, 3, "GIVEN", null);
        decide("tenant-a", subject, purpose).body("allowed", equalTo(true)).body("consentedVersion", equalTo(3));
    }

    @Test
    void shouldAskForExplicitConsentWhenARelatedChangeAddsSensitiveData() {
        String purpose = purpose("tenant-a", null);
        String subject = unique("s");
        consent("tenant-a", subject, purpose, 1, "GIVEN", null);
        newVersion("tenant-a", purpose, "RELATED", "\"sensitiveCategories\": [\"HEALTH_CHECK_RESULT\"]");
        decide("tenant-a", subject, purpose)
                .body("allowed", equalTo(false))
                .body("reason", equalTo("SENSITIVE_CONSENT_REQUIRED"));
    }

    @Test
    void shouldStopAllowingUseWhenAConsentExpires() {
        String purpose = purpose("tenant-a", null);
        String subject = unique("s");
        OffsetDateTime captured = OffsetDateTime.now().minusDays(30);
        as("tenant-a", "client-system")
                .body(consentBody(
                        subject,
                        purpose,
                        1,
                        "GIVEN",
                        captured,
                        "\"expiresAt\": \"" + OffsetDateTime.now().minusDays(1) + "\""))
                .post("/v1/consents")
                .then()
                .statusCode(201)
                .body("status", equalTo("EXPIRED"));
        decide("tenant-a", subject, purpose).body("allowed", equalTo(false)).body("reason", equalTo("EXPIRED"));
    }

    @Test
    void shouldHonourAWithdrawalAtOnceEvenAfterTheAnswerWasCached() {
        String purpose = purpose("tenant-a", null);
        String subject = unique("s");
        String id = consent("tenant-a", subject, purpose, 1, "GIVEN", null);
        for (int i = 0; i < 5; i++) {
            decide("tenant-a", subject, purpose).body("allowed", equalTo(true));
        }
        as("tenant-a", "client-system")
                .body("{\"channel\": \"web\"}")
                .post("/v1/consents/" + id + "/withdraw")
                .then()
                .statusCode(200);
        decide("tenant-a", subject, purpose).body("allowed", equalTo(false)).body("reason", equalTo("WITHDRAWN"));
    }

    @Test
    void shouldAnswerEveryPurposeOfAPersonFromOneReadAndStillSeeEachChange() {
        String given = purpose("tenant-a", null);
        String refused = purpose("tenant-a", null);
        String unanswered = purpose("tenant-a", null);
        String givenButStopped = purpose("tenant-a", null);
        String stoppedUnanswered = purpose("tenant-a", null);
        String subject = unique("s");
        consent("tenant-a", subject, given, 1, "GIVEN", null);
        consent("tenant-a", subject, refused, 1, "REFUSED", null);
        consent("tenant-a", subject, givenButStopped, 1, "GIVEN", null);
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(dev.mamori.testing.TestTokens.service("request-service"))
                .header("X-Mamori-Tenant", "tenant-a")
                .contentType("application/json")
                .body("{\"purposes\": [\"" + givenButStopped + "\", \"" + stoppedUnanswered
                        + "\"], \"requestRef\": \"req-9\", \"ground\": \"ART_35_5_HARM_RISK\"}")
                .post("/v1/subjects/" + subject + "/use-stops")
                .then()
                .statusCode(201);

        decide("tenant-a", subject, given).body("allowed", equalTo(true));
        // One read brought in the whole person: the other purposes are known without the database.
        org.junit.jupiter.api.Assertions.assertEquals(
                dev.mamori.consent.service.ConsentState.NONE, cache.state("tenant-a", subject, unanswered));
        org.junit.jupiter.api.Assertions.assertEquals(
                true, cache.state("tenant-a", subject, stoppedUnanswered).stopped());
        decide("tenant-a", subject, refused).body("reason", equalTo("REFUSED"));
        decide("tenant-a", subject, unanswered).body("reason", equalTo("NO_CONSENT"));
        decide("tenant-a", subject, givenButStopped).body("reason", equalTo("USE_STOPPED"));
        decide("tenant-a", subject, stoppedUnanswered).body("reason", equalTo("USE_STOPPED"));

        // A new answer for a purpose the cached person had never answered is seen at once.
        consent("tenant-a", subject, unanswered, 1, "GIVEN", null);
        decide("tenant-a", subject, unanswered).body("allowed", equalTo(true));
        decide("tenant-a", subject, given).body("allowed", equalTo(true));
        decide("tenant-a", subject, stoppedUnanswered).body("reason", equalTo("USE_STOPPED"));
    }

    @jakarta.inject.Inject
    dev.mamori.consent.service.DecisionCache cache;

    @Test
    void shouldDecideManyPairsInOneCallInTheOrderAsked() {
        String purpose = purpose("tenant-a", null);
        String yes = unique("s");
        String no = unique("s");
        consent("tenant-a", yes, purpose, 1, "GIVEN", null);
        consent("tenant-a", no, purpose, 1, "REFUSED", null);
        decide("tenant-a", yes, purpose).body("allowed", equalTo(true)); // one of them cached, the others not
        String body = """
                {"checks": [{"subjectRef": "%s", "purpose": "%s"}, {"subjectRef": "%s", "purpose": "%s"},
                            {"subjectRef": "%s", "purpose": "%s"}, {"subjectRef": "%s", "purpose": "nope"}]}
                """.formatted(no, purpose, yes, purpose, unique("s"), purpose, yes);
        as("tenant-a", "client-system")
                .body(body)
                .post("/v1/decisions/batch")
                .then()
                .statusCode(200)
                .body("decisions", hasSize(4))
                .body("decisions.reason", equalTo(List.of("REFUSED", "CONSENT_GIVEN", "NO_CONSENT", "UNKNOWN_PURPOSE")))
                .body("decisions[1].subjectRef", equalTo(yes));
    }

    @Test
    void shouldRefuseAnOversizedOrMalformedBatch() {
        StringJoiner checks = new StringJoiner(",", "{\"checks\": [", "]}");
        for (int i = 0; i < 1001; i++) {
            checks.add("{\"subjectRef\": \"s" + i + "\", \"purpose\": \"p\"}");
        }
        as("tenant-a", "client-system")
                .body(checks.toString())
                .post("/v1/decisions/batch")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("checks"));
        as("tenant-a", "client-system")
                .body("{\"checks\": [{\"purpose\": \"p\"}]}")
                .post("/v1/decisions/batch")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("checks[0].subjectRef"));
        as("tenant-a", "client-system")
                .get("/v1/decisions?purpose=p")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("subjectRef"));
    }

    @Test
    void shouldAuditEveryDecisionAsAReadOfThePersonsData() throws InterruptedException {
        String purpose = purpose("tenant-a", null);
        String subject = unique("s");
        decide("tenant-a", subject, purpose);
        // Decisions are audited through a buffer flushed a few times a second.
        for (int i = 0; i < 50; i++) {
            List<String> actions = as("tenant-a", "auditor")
                    .queryParam("subjectRef", subject)
                    .get("/v1/audit-events")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("items.action");
            if (actions.contains("USE_DECISION")) {
                as("tenant-a", "auditor")
                        .get("/v1/audit-events/verification")
                        .then()
                        .body("intact", equalTo(true));
                return;
            }
            Thread.sleep(100);
        }
        as("tenant-a", "auditor")
                .queryParam("subjectRef", subject)
                .get("/v1/audit-events")
                .then()
                .body("items.action", hasItem("USE_DECISION"));
    }
}
