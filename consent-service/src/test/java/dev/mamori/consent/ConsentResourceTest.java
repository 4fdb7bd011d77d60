package dev.mamori.consent;

import static dev.mamori.consent.ConsentFixtures.as;
import static dev.mamori.consent.ConsentFixtures.consent;
import static dev.mamori.consent.ConsentFixtures.consentBody;
import static dev.mamori.consent.ConsentFixtures.decide;
import static dev.mamori.consent.ConsentFixtures.purpose;
import static dev.mamori.consent.ConsentFixtures.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.mamori.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConsentResourceTest {

    @Test
    void shouldRecordAConsentWithItsEvidenceAndKeepOnlyAnAnonymisedAddress() {
        String purpose = purpose("tenant-a", null);
        String subject = unique("s");
        as("tenant-a", "operator")
                .body(consentBody(subject, purpose, 1, "GIVEN", "\"expiresAt\": \"2099-01-01T00:00:00+09:00\""))
                .post("/v1/consents")
                .then()
                .statusCode(201)
                .header("Location", containsString("/v1/consents/"))
                .body("status", equalTo("GIVEN"))
                .body("purposeVersion", equalTo(1))
                .body("evidence.noticeVersion", equalTo("2026-04"))
                .body("evidence.anonymisedIp", equalTo("203.0.113.0"))
                .body("evidence.recordedByClient", equalTo("tenant-a-operator"))
                .body("expiresAt", notNullValue());
    }

    @Test
    void shouldKeepAWithdrawalAsHistoryAndRefuseASecondOne() {
        String purpose = purpose("tenant-a", null);
        String subject = unique("s");
        String id = consent("tenant-a", subject, purpose, 1, "GIVEN", null);

        as("tenant-a", "operator")
                .body("{\"channel\": \"phone\", \"reason\": \"no longer a member\"}")
                .post("/v1/consents/" + id + "/withdraw")
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("withdrawal.channel", equalTo("phone"));
        decide("tenant-a", subject, purpose).body("allowed", equalTo(false)).body("reason", equalTo("WITHDRAWN"));

        as("tenant-a", "operator")
                .body("{\"channel\": \"phone\"}")
                .post("/v1/consents/" + id + "/withdraw")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://mamori.dev/problems/already-withdrawn"));

        as("tenant-a", "privacy-officer")
                .get("/v1/subjects/" + subject + "/consents")
                .then()
                .statusCode(200)
                .body("consents", hasSize(1))
                .body("consents[0].decision", equalTo("GIVEN"))
                .body("consents[0].withdrawal.reason", equalTo("no longer a member"));
    }

    @Test
    void shouldListAPersonsAnswersInTheOrderTheyWereRecorded() {
        String purpose = purpose("tenant-a", null);
        String subject = unique("s");
        consent("tenant-a", subject, purpose, 1, "REFUSED", null);
        consent("tenant-a", subject, purpose, 1, "GIVEN", null);
        as("tenant-a", "privacy-officer")
                .get("/v1/subjects/" + subject + "/consents")
                .then()
                .statusCode(200)
                .body("consents.decision", equalTo(java.util.List.of("REFUSED", "GIVEN")));
        decide("tenant-a", subject, purpose).body("reason", equalTo("CONSENT_GIVEN"));
    }

    @Test
    void shouldWithdrawOnceWhenTwoWithdrawalsRace() throws Exception {
        String purpose = purpose("tenant-a", null);
        String subject = unique("s");
        String id = consent("tenant-a", subject, purpose, 1, "GIVEN", null);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(pool.submit(() -> as("tenant-a", "operator")
                        .body("{\"channel\": \"web\"}")
                        .post("/v1/consents/" + id + "/withdraw")
                        .then()
                        .extract()
                        .statusCode()));
            }
            java.util.List<Integer> statuses = new java.util.ArrayList<>();
            for (var call : calls) {
                statuses.add(call.get());
            }
            java.util.Collections.sort(statuses);
            org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(200, 409, 409, 409), statuses);
        } finally {
            pool.shutdownNow();
        }
        as("tenant-a", "privacy-officer")
                .get("/v1/subjects/" + subject + "/consents")
                .then()
                .body("consents[0].withdrawal", notNullValue());
    }

    @Test
    void shouldRefuseToWithdrawARefusal() {
        String purpose = purpose("tenant-a", null);
        String id = consent("tenant-a", unique("s"), purpose, 1, "REFUSED", null);
        as("tenant-a", "operator")
                .body("{\"channel\": \"web\"}")
                .post("/v1/consents/" + id + "/withdraw")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://mamori.dev/problems/not-withdrawable"));
    }

    @Test
    void shouldRequireAnExplicitConsentNamingEverySensitiveCategory() {
        String purpose = purpose("tenant-a", "\"sensitiveCategories\": [\"MEDICAL_HISTORY\", \"DISABILITY\"]");
        String subject = unique("s");
        as("tenant-a", "client-system")
                .body(consentBody(subject, purpose, 1, "GIVEN", "\"sensitiveCategories\": [\"MEDICAL_HISTORY\"]"))
                .post("/v1/consents")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/sensitive-categories-required"))
                .body("errors[0].field", equalTo("sensitiveCategories"));
        as("tenant-a", "privacy-officer")
                .get("/v1/subjects/" + subject + "/consents")
                .then()
                .body("consents", hasSize(0));

        consent(
                "tenant-a",
                subject,
                purpose,
                1,
                "GIVEN",
                "\"sensitiveCategories\": [\"MEDICAL_HISTORY\", \"DISABILITY\"]");
        decide("tenant-a", subject, purpose).body("allowed", equalTo(true));
    }

    @Test
    void shouldRefuseAMinorsConsentWithoutAStatutoryAgentAndKeepBothWhenThereIsOne() {
        String purpose = purpose("tenant-a", null);
        String subject = unique("s");
        String child = "\"subjectBirthDate\": \"" + LocalDate.now().minusYears(12) + "\"";
        as("tenant-a", "operator")
                .body(consentBody(subject, purpose, 1, "GIVEN", child))
                .post("/v1/consents")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/guardian-required"))
                .body("errors[0].field", equalTo("guardian"));

        as("tenant-a", "operator")
                .body(
                        consentBody(
                                subject,
                                purpose,
                                1,
                                "GIVEN",
                                child
                                        + ", \"guardian\": {\"name\": \"山田 花子\", \"relation\": \"PARENT\", \"verification\": \"保険証で続柄確認\"}"))
                .post("/v1/consents")
                .then()
                .statusCode(201)
                .body("guardian.name", equalTo("山田 花子"))
                .body("subjectBirthDate", equalTo(LocalDate.now().minusYears(12).toString()));
        decide("tenant-a", subject, purpose).body("allowed", equalTo(true));
    }

    @Test
    void shouldApplyEachTenantsOwnAgeThreshold() {
        // tenant-d is used only here: its policy changes do not reach other tests.
        as("tenant-d", "privacy-officer")
                .get("/v1/consent-policy")
                .then()
                .statusCode(200)
                .body("guardianAgeThreshold", equalTo(16));
        as("tenant-d", "privacy-officer")
                .body("{\"guardianAgeThreshold\": 13, \"controllerName\": \"株式会社ディー\"}")
                .put("/v1/consent-policy")
                .then()
                .statusCode(200)
                .body("guardianAgeThreshold", equalTo(13));
        String purpose = purpose("tenant-d", null);
        String subject = unique("s");
        consent(
                "tenant-d",
                subject,
                purpose,
                1,
                "GIVEN",
                "\"subjectBirthDate\": \"" + LocalDate.now().minusYears(14) + "\"");
        decide("tenant-d", subject, purpose).body("allowed", equalTo(true));

        // Raising the threshold later means that consent no longer stands without an agent.
        as("tenant-d", "privacy-officer")
                .body("{\"guardianAgeThreshold\": 16}")
                .put("/v1/consent-policy")
                .then()
                .statusCode(200);
        decide("tenant-d", subject, purpose)
                .body("allowed", equalTo(false))
                .body("reason", equalTo("GUARDIAN_REQUIRED"));
        // And a new consent of a 14-year-old is refused without one: the facts this replica kept for the purpose
        // version (its threshold 13) went with the policy change.
        as("tenant-d", "operator")
                .body(consentBody(
                        unique("s"),
                        purpose,
                        1,
                        "GIVEN",
                        "\"subjectBirthDate\": \"" + LocalDate.now().minusYears(14) + "\""))
                .post("/v1/consents")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/guardian-required"));
    }

    @Test
    void shouldAnswerEachBadInputWithItsOwnProblemAndWriteNothing() {
        String purpose = purpose("tenant-a", null);
        String subject = unique("s");
        as("tenant-a", "client-system")
                .body(consentBody(subject, "no-such-purpose", 1, "GIVEN", null))
                .post("/v1/consents")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/unknown-purpose"));
        as("tenant-a", "client-system")
                .body(consentBody(subject, purpose, 7, "GIVEN", null))
                .post("/v1/consents")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/unknown-purpose-version"))
                .body("errors[0].field", equalTo("purposeVersion"));
        as("tenant-a", "client-system")
                .body(consentBody(
                        subject, purpose, 1, "GIVEN", OffsetDateTime.now().plusDays(2), null))
                .post("/v1/consents")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/captured-in-future"));
        as("tenant-a", "client-system")
                .body(consentBody(subject, purpose, 1, "GIVEN", null)
                        .replaceFirst("\"capturedAt\": \"[^\"]+\"", "\"capturedAt\": \"yesterday\""))
                .post("/v1/consents")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("evidence.capturedAt"));
        as("tenant-a", "client-system")
                .body(consentBody(subject, purpose, 1, "MAYBE", null))
                .post("/v1/consents")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("decision"));
        as("tenant-a", "client-system")
                .body(consentBody(subject, purpose, 1, "GIVEN", null).replace("203.0.113.45", "example.com"))
                .post("/v1/consents")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("evidence.ipAddress"));
        as("tenant-a", "privacy-officer")
                .get("/v1/subjects/" + subject + "/consents")
                .then()
                .body("consents", hasSize(0));
    }

    @Test
    void shouldReplayARetriedConsentInsteadOfRecordingItTwice() {
        String purpose = purpose("tenant-a", null);
        String subject = unique("s");
        String key = UUID.randomUUID().toString();
        String body = consentBody(subject, purpose, 1, "GIVEN", null);
        String first = as("tenant-a", "client-system")
                .header("Idempotency-Key", key)
                .body(body)
                .post("/v1/consents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String second = as("tenant-a", "client-system")
                .header("Idempotency-Key", key)
                .body(body)
                .post("/v1/consents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        org.junit.jupiter.api.Assertions.assertEquals(first, second);
        as("tenant-a", "privacy-officer")
                .get("/v1/subjects/" + subject + "/consents")
                .then()
                .body("consents", hasSize(1));
    }

    @Test
    void shouldNeverShowOrChangeAnotherTenantsConsents() {
        String purpose = purpose("tenant-a", null);
        String subject = unique("s");
        String id = consent("tenant-a", subject, purpose, 1, "GIVEN", null);

        as("tenant-b", "privacy-officer").get("/v1/consents/" + id).then().statusCode(404);
        as("tenant-b", "privacy-officer")
                .get("/v1/consents/" + id + "/receipt")
                .then()
                .statusCode(404);
        as("tenant-b", "operator")
                .body("{\"channel\": \"web\"}")
                .post("/v1/consents/" + id + "/withdraw")
                .then()
                .statusCode(404);
        as("tenant-b", "privacy-officer")
                .get("/v1/subjects/" + subject + "/consents")
                .then()
                .statusCode(200)
                .body("consents", hasSize(0));
        decide("tenant-b", subject, purpose).body("reason", equalTo("UNKNOWN_PURPOSE"));
        as("tenant-b", "client-system")
                .body(consentBody(subject, purpose, 1, "GIVEN", null))
                .post("/v1/consents")
                .then()
                .statusCode(422);
        decide("tenant-a", subject, purpose).body("allowed", equalTo(true));
    }

    @Test
    void shouldIssueAKantaraConsentReceipt() {
        as("tenant-e", "privacy-officer")
                .body("""
                {"guardianAgeThreshold": 16, "controllerName": "株式会社イー", "controllerContact": "privacy@e.example.jp",
                 "policyUrl": "https://e.example.jp/privacy"}""")
                .put("/v1/consent-policy")
                .then()
                .statusCode(200);
        String purpose = purpose("tenant-e", "\"sensitiveCategories\": [\"MEDICAL_HISTORY\"]");
        String subject = unique("s");
        String id = consent("tenant-e", subject, purpose, 1, "GIVEN", "\"sensitiveCategories\": [\"MEDICAL_HISTORY\"]");
        as("tenant-e", "client-system")
                .get("/v1/consents/" + id + "/receipt")
                .then()
                .statusCode(200)
                .body("version", equalTo("KI-CR-v1.1.0"))
                .body("jurisdiction", equalTo("JP"))
                .body("consentReceiptID", equalTo(id))
                .body("piiPrincipalId", equalTo(subject))
                .body("piiControllers[0].piiController", equalTo("株式会社イー"))
                .body("policyUrl", equalTo("https://e.example.jp/privacy"))
                .body("services[0].service", equalTo("会員サービス"))
                .body("services[0].purposes[0].piiCategory", hasItem("phone"))
                .body("sensitive", equalTo(true))
                .body("spiCat", hasItem("MEDICAL_HISTORY"));
        String refused = consent("tenant-e", unique("s"), purpose, 1, "REFUSED", null);
        as("tenant-e", "client-system")
                .get("/v1/consents/" + refused + "/receipt")
                .then()
                .statusCode(409);
    }

    @Test
    void shouldImportManyConsentsAtOnceOrNoneWithEveryWrongRowNamed() {
        String purpose = purpose("tenant-a", null);
        String a = unique("s");
        String b = unique("s");
        String good = "{\"consents\": [" + consentBody(a, purpose, 1, "GIVEN", null) + ","
                + consentBody(b, purpose, 1, "REFUSED", null) + "]}";
        String bad = "{\"consents\": [" + consentBody(a, purpose, 1, "GIVEN", null) + ","
                + consentBody(b, "nope", 1, "GIVEN", null) + ","
                + consentBody(b, purpose, 9, "GIVEN", null) + "]}";
        as("tenant-a", "client-system")
                .body(bad)
                .post("/v1/consents/import")
                .then()
                .statusCode(422)
                .body("errors.field", equalTo(java.util.List.of("consents[1].purpose", "consents[2].purposeVersion")));
        as("tenant-a", "privacy-officer")
                .get("/v1/subjects/" + a + "/consents")
                .then()
                .body("consents", hasSize(0));

        as("tenant-a", "client-system")
                .body(good)
                .post("/v1/consents/import")
                .then()
                .statusCode(201)
                .body("imported", equalTo(2));
        decide("tenant-a", a, purpose).body("reason", equalTo("CONSENT_GIVEN"));
        decide("tenant-a", b, purpose).body("reason", equalTo("REFUSED"));
    }

    @Test
    void shouldExportEveryonesCurrentStateForOnePurposeAsCsv() {
        String purpose = purpose("tenant-a", null);
        String yes = unique("s");
        String no = unique("s");
        String gone = unique("s");
        consent("tenant-a", yes, purpose, 1, "GIVEN", null);
        consent("tenant-a", no, purpose, 1, "REFUSED", null);
        String id = consent("tenant-a", gone, purpose, 1, "GIVEN", null);
        as("tenant-a", "operator")
                .body("{\"channel\": \"web\"}")
                .post("/v1/consents/" + id + "/withdraw")
                .then()
                .statusCode(200);

        String csv = as("tenant-a", "privacy-officer")
                .get("/v1/purposes/" + purpose + "/consent-states.csv")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .extract()
                .asString();
        org.junit.jupiter.api.Assertions.assertTrue(csv.startsWith("\uFEFFsubject_ref,allowed,reason"), csv);
        org.junit.jupiter.api.Assertions.assertTrue(csv.contains(yes + ",true,CONSENT_GIVEN"), csv);
        org.junit.jupiter.api.Assertions.assertTrue(csv.contains(no + ",false,REFUSED"), csv);
        org.junit.jupiter.api.Assertions.assertTrue(csv.contains(gone + ",false,WITHDRAWN"), csv);
        org.junit.jupiter.api.Assertions.assertEquals(4, csv.strip().split("\r\n").length, csv);
        as("tenant-b", "privacy-officer")
                .get("/v1/purposes/" + purpose + "/consent-states.csv")
                .then()
                .statusCode(404);
    }

    @Test
    void shouldStopUseOnADecidedRequestAndResumeWhenLifted() {
        String purpose = purpose("tenant-a", null);
        String other = purpose("tenant-a", null);
        String subject = unique("s");
        consent("tenant-a", subject, purpose, 1, "GIVEN", null);
        consent("tenant-a", subject, other, 1, "GIVEN", null);

        String stopId = io.restassured.RestAssured.given()
                .auth()
                .oauth2(TestTokens.service("request-service"))
                .header("X-Mamori-Tenant", "tenant-a")
                .contentType("application/json")
                .body("{\"purposes\": [\"" + purpose
                        + "\"], \"requestRef\": \"req-1\", \"ground\": \"ART_35_5_HARM_RISK\"}")
                .post("/v1/subjects/" + subject + "/use-stops")
                .then()
                .statusCode(201)
                .body("[0].purpose", equalTo(purpose))
                .extract()
                .path("[0].id");
        decide("tenant-a", subject, purpose).body("allowed", equalTo(false)).body("reason", equalTo("USE_STOPPED"));
        decide("tenant-a", subject, other).body("allowed", equalTo(true));

        as("tenant-b", "privacy-officer")
                .body("{\"reason\": \"x\"}")
                .post("/v1/use-stops/" + stopId + "/lift")
                .then()
                .statusCode(404);
        as("tenant-a", "privacy-officer")
                .body("{\"reason\": \"the person asked to resume\"}")
                .post("/v1/use-stops/" + stopId + "/lift")
                .then()
                .statusCode(200)
                .body("liftedAt", notNullValue());
        decide("tenant-a", subject, purpose).body("allowed", equalTo(true));

        as("tenant-a", "privacy-officer")
                .body("{\"requestRef\": \"req-2\", \"ground\": \"ART_35_1\"}")
                .post("/v1/subjects/" + subject + "/use-stops")
                .then()
                .statusCode(201)
                .body("[0].purpose", nullValue());
        decide("tenant-a", subject, purpose).body("reason", equalTo("USE_STOPPED"));
        decide("tenant-a", subject, other).body("reason", equalTo("USE_STOPPED"));
        as("tenant-a", "privacy-officer")
                .get("/v1/subjects/" + subject + "/consents")
                .then()
                .body("useStops", hasSize(2));
    }
}
