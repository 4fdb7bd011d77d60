package dev.mamori.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.launcher.Part;
import dev.mamori.launcher.Suite;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two replicas of consent-service on one database, as a cluster runs them. Each keeps decisions in memory; a
 * withdrawal or a use stop taken by one replica must be honoured by the other within one second.
 */
@ExtendWith(SuiteExtension.class)
class ConsentReplicasIT {

    // Not 8091: the privacy center listens there in the suite.
    private static final int SECOND_PORT = 8096;
    private static ServiceReplica second;
    private static String replicaA;
    private static final String replicaB = "http://localhost:" + SECOND_PORT;

    @BeforeAll
    static void startSecondReplica() throws Exception {
        Suite suite = SuiteExtension.suite();
        replicaA = suite.url(Part.CONSENT).toString();
        second = ServiceReplica.start(suite, Part.CONSENT, SECOND_PORT, Map.of());
    }

    @AfterAll
    static void stopSecondReplica() throws Exception {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void aWithdrawalOnOneReplicaIsHonouredByTheOtherWithinOneSecond() throws InterruptedException {
        String officer = SuiteExtension.token("tenant-a-privacy-officer");
        String system = SuiteExtension.token("tenant-a-client-system");
        String purpose = "replicas-" + UUID.randomUUID().toString().substring(0, 8);
        String subject = "cust-" + UUID.randomUUID().toString().substring(0, 8);
        given().baseUri(replicaA)
                .auth()
                .oauth2(officer)
                .contentType(ContentType.JSON)
                .body("""
                {"code": "%s", "titleJa": "会員サービス", "descriptionJa": "会員サービスの提供に利用します。", "dataItems": ["name"]}
                """.formatted(purpose))
                .post("/v1/purposes")
                .then()
                .statusCode(201);
        String consentId = given().baseUri(replicaA)
                .auth()
                .oauth2(system)
                .contentType(ContentType.JSON)
                .body("""
                {"subjectRef": "%s", "purpose": "%s", "purposeVersion": 1, "decision": "GIVEN", "method": "WEB_FORM",
                 "evidence": {"channel": "web", "noticeVersion": "1", "language": "ja", "capturedAt": "%s"}}
                """.formatted(subject, purpose, OffsetDateTime.now().minusMinutes(1)))
                .post("/v1/consents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        // Replica B answers (and caches) the decision.
        for (int i = 0; i < 20; i++) {
            decision(replicaB, system, subject, purpose)
                    .then()
                    .statusCode(200)
                    .body("allowed", org.hamcrest.Matchers.equalTo(true));
        }

        given().baseUri(replicaA)
                .auth()
                .oauth2(system)
                .contentType(ContentType.JSON)
                .body("{\"channel\": \"phone\"}")
                .post("/v1/consents/" + consentId + "/withdraw")
                .then()
                .statusCode(200);
        long withdrawnAt = System.nanoTime();
        long seenAfterMs = waitForReason(replicaB, system, subject, purpose, "WITHDRAWN", withdrawnAt);
        assertTrue(seenAfterMs <= 1000, "replica B still allowed use " + seenAfterMs + " ms after the withdrawal");

        // A use stop taken through replica B is honoured by replica A.
        String purpose2 = purpose;
        given().baseUri(replicaA)
                .auth()
                .oauth2(system)
                .contentType(ContentType.JSON)
                .body("""
                {"subjectRef": "%s", "purpose": "%s", "purposeVersion": 1, "decision": "GIVEN", "method": "PHONE",
                 "evidence": {"channel": "phone", "noticeVersion": "1", "language": "ja", "capturedAt": "%s"}}
                """.formatted(subject, purpose2, OffsetDateTime.now().minusSeconds(5)))
                .post("/v1/consents")
                .then()
                .statusCode(201);
        for (int i = 0; i < 5; i++) {
            decision(replicaA, system, subject, purpose2).then().body("allowed", org.hamcrest.Matchers.equalTo(true));
        }
        given().baseUri(replicaB)
                .auth()
                .oauth2(SuiteExtension.token("request-service"))
                .header("X-Mamori-Tenant", "tenant-a")
                .contentType(ContentType.JSON)
                .body("{\"requestRef\": \"req-e2e\", \"ground\": \"ART_35_5_HARM_RISK\"}")
                .post("/v1/subjects/" + subject + "/use-stops")
                .then()
                .statusCode(201);
        long stoppedAt = System.nanoTime();
        long stopSeenMs = waitForReason(replicaA, system, subject, purpose2, "USE_STOPPED", stoppedAt);
        assertTrue(stopSeenMs <= 1000, "replica A still allowed use " + stopSeenMs + " ms after the use stop");
    }

    private static long waitForReason(
            String replica, String token, String subject, String purpose, String reason, long since)
            throws InterruptedException {
        while (true) {
            String seen = decision(replica, token, subject, purpose)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("reason");
            long elapsedMs = Duration.ofNanos(System.nanoTime() - since).toMillis();
            if (reason.equals(seen)) {
                return elapsedMs;
            }
            if (elapsedMs > 5000) {
                assertEquals(reason, seen, "after 5 s");
            }
            Thread.sleep(20);
        }
    }

    private static Response decision(String replica, String token, String subject, String purpose) {
        return given().baseUri(replica)
                .auth()
                .oauth2(token)
                .queryParam("subjectRef", subject)
                .queryParam("purpose", purpose)
                .get("/v1/decisions");
    }
}
