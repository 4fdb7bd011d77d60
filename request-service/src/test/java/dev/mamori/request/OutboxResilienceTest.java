package dev.mamori.request;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.mamori.request.Intakes.as;
import static dev.mamori.request.Intakes.create;
import static dev.mamori.request.Intakes.intake;
import static dev.mamori.request.Intakes.newSubject;
import static dev.mamori.request.TargetStubs.authorized;
import static dev.mamori.request.Workflow.approved;
import static dev.mamori.request.Workflow.awaitRequest;
import static dev.mamori.request.Workflow.awaitStatus;
import static dev.mamori.request.Workflow.verified;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxResilienceTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void shouldWaitWhileATargetIsDownAndCompleteOnceWhenItIsBack() {
        String subject = newSubject();
        String path = "/v1/subjects/" + subject + "/erasure";
        String scenario = "retention-down-" + subject;
        TargetStubs.retention.stubFor(authorized(post(urlPathEqualTo(path)))
                .atPriority(1)
                .inScenario(scenario)
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withBody("maintenance")));
        TargetStubs.retention.stubFor(authorized(post(urlPathEqualTo(path)))
                .atPriority(1)
                .inScenario(scenario)
                .whenScenarioStateIs("up")
                .willReturn(okJson("{\"erased\":3,\"certificateId\":\"cert-back\"}")));
        String id = create("tenant-a", "ERASURE", subject);
        // The erasure's use stop and provision stop go through at once; the erasure waits for retention-service.
        verified("tenant-a", id);
        approved("tenant-a", id);

        JsonPath waiting = awaitRequest("tenant-a", id, WAIT, r -> "RETRYING"
                .equals(r.getString("fulfilment.find { it.action == 'ERASE' }.status")));
        assertEquals("IN_PROGRESS", waiting.getString("status"));
        assertTrue(
                waiting.getString("fulfilment.find { it.action == 'ERASE' }.lastError")
                        .contains("HTTP 503"),
                waiting.prettify());
        assertEquals(503, waiting.getInt("fulfilment.find { it.action == 'ERASE' }.lastHttpStatus"));

        TargetStubs.retention.setScenarioState(scenario, "up");
        JsonPath done = awaitStatus("tenant-a", id, "COMPLETED");
        assertEquals("DONE", done.getString("fulfilment.find { it.action == 'ERASE' }.status"));

        List<ServeEvent> calls = TargetStubs.retention.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(path))
                .toList();
        assertEquals(
                1,
                calls.stream().filter(e -> e.getResponse().getStatus() == 200).count(),
                "erased exactly once");
        Set<String> keys = calls.stream()
                .map(e -> e.getRequest().getHeader("Idempotency-Key"))
                .collect(Collectors.toSet());
        assertEquals(Set.of("mamori-req-" + id + "-retention-erase"), keys, "every attempt carries the same key");
    }

    @Test
    void shouldShowAFailedTargetWithItsReasonAndCompleteAfterAnOperatorRetries() {
        String subject = newSubject();
        String path = "/v1/subjects/" + subject + "/provision-stops";
        String scenario = "thirdparty-refuses-" + subject;
        TargetStubs.thirdparty.stubFor(
                authorized(post(urlPathEqualTo(path)))
                        .atPriority(1)
                        .inScenario(scenario)
                        .whenScenarioStateIs(STARTED)
                        .willReturn(
                                aResponse()
                                        .withStatus(422)
                                        .withHeader("Content-Type", "application/problem+json")
                                        .withBody(
                                                "{\"type\":\"https://mamori.dev/problems/validation\",\"detail\":\"ground: unknown\"}")));
        TargetStubs.thirdparty.stubFor(authorized(post(urlPathEqualTo(path)))
                .atPriority(1)
                .inScenario(scenario)
                .whenScenarioStateIs("fixed")
                .willReturn(okJson("{}").withStatus(201)));
        String id = create("tenant-a", "PROVISION_STOP", subject);
        verified("tenant-a", id);
        approved("tenant-a", id);

        JsonPath failed = awaitRequest("tenant-a", id, WAIT, r -> "FAILED".equals(r.getString("fulfilment[0].status")));
        assertEquals("IN_PROGRESS", failed.getString("status"));
        assertEquals(1, failed.getInt("fulfilment[0].attempts"), "a 422 is not retried by itself");
        assertTrue(failed.getString("fulfilment[0].lastError").startsWith("HTTP 422"), failed.prettify());
        as("tenant-a", "operator")
                .get("/v1/requests/" + id + "/events")
                .then()
                .body("items.kind", hasItem("TARGET_FAILED"));

        TargetStubs.thirdparty.setScenarioState(scenario, "fixed");
        as("tenant-a", "client-system")
                .post("/v1/requests/" + id + "/fulfilment/retry")
                .then()
                .statusCode(403);
        as("tenant-b", "operator")
                .post("/v1/requests/" + id + "/fulfilment/retry")
                .then()
                .statusCode(404);
        as("tenant-a", "operator")
                .post("/v1/requests/" + id + "/fulfilment/retry")
                .then()
                .statusCode(200);
        awaitStatus("tenant-a", id, "COMPLETED");
        assertEquals(
                2,
                TargetStubs.thirdparty
                        .findAll(postRequestedFor(urlPathEqualTo(path)))
                        .size());
        as("tenant-a", "operator")
                .post("/v1/requests/" + id + "/fulfilment/retry")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://mamori.dev/problems/nothing-to-retry"));
    }

    @Test
    void shouldGiveUpAfterTheConfiguredAttemptsOnAServiceThatStaysDownOrTimesOut() {
        String subject = newSubject();
        TargetStubs.consent.stubFor(authorized(get(urlPathEqualTo("/v1/subjects/" + subject + "/consents")))
                .atPriority(1)
                .willReturn(okJson("{\"consents\":[],\"useStops\":[]}").withFixedDelay(4000)));
        TargetStubs.retention.stubFor(authorized(get(urlPathEqualTo("/v1/subjects/" + subject + "/holdings")))
                .atPriority(1)
                .willReturn(aResponse().withStatus(500)));
        String id = create("tenant-a", "PURPOSE_NOTIFICATION", subject);
        verified("tenant-a", id);
        approved("tenant-a", id);
        // The test profile allows 4 attempts with a backoff of 0.2 s doubling to 1 s, and a 2 s read timeout.
        JsonPath failed =
                awaitRequest("tenant-a", id, Duration.ofSeconds(40), r -> r.getList("fulfilment.status").stream()
                        .allMatch("FAILED"::equals));
        assertEquals("IN_PROGRESS", failed.getString("status"));
        List<Map<String, Object>> targets = failed.getList("fulfilment");
        for (Map<String, Object> target : targets) {
            assertEquals(4, target.get("attempts"), target.toString());
            assertTrue(target.get("lastError") != null, target.toString());
        }
        as("tenant-a", "operator")
                .get("/v1/requests/" + id + "/events")
                .then()
                .body("items.detail", hasItem(containsString("RETENTION FETCH_HOLDINGS failed after 4 attempt(s)")));
        // Operations see dead letters without reading the database.
        io.restassured.RestAssured.get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("mamori_outbox_rows_total{event=\"dead\",outbox=\"fulfilment\"}"))
                .body(containsString("mamori_outbox_rows_total{event=\"retrying\",outbox=\"fulfilment\"}"));
    }

    @Test
    void shouldCallTheClientBackSignedInOrderOnEveryStatusChangeAndNeverAfterTheEnd() {
        String subject = newSubject();
        String hook = "cb-" + subject;
        String scenario = "client-flaky-" + subject;
        // The client system fails the first callback once: it is delivered again.
        TargetStubs.client.stubFor(post(urlPathEqualTo("/hooks/" + hook))
                .atPriority(1)
                .inScenario(scenario)
                .whenScenarioStateIs(STARTED)
                .willSetStateTo("ok")
                .willReturn(aResponse().withStatus(500)));
        TargetStubs.client.stubFor(post(urlPathEqualTo("/hooks/" + hook))
                .atPriority(1)
                .inScenario(scenario)
                .whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(204)));
        Map<String, Object> body = intake("USE_STOP", subject);
        body.put("callbackUrl", TargetStubs.hook(hook));
        body.put("externalId", "crm-" + subject);
        String id = create("tenant-a", body);
        verified("tenant-a", id);
        approved("tenant-a", id);
        awaitStatus("tenant-a", id, "COMPLETED");
        JsonPath delivered = awaitRequest("tenant-a", id, WAIT, r -> r.getList("callbacks.status").stream()
                .allMatch("DONE"::equals));
        assertEquals(List.of(1, 2, 3, 4), delivered.getList("callbacks.seq"));

        List<LoggedRequest> sent = TargetStubs.client.findAll(postRequestedFor(urlPathEqualTo("/hooks/" + hook)));
        assertEquals(5, sent.size(), "four events, the first sent twice");
        for (LoggedRequest callback : sent) {
            FulfilmentTest.assertSignedForTenantA(callback);
        }
        assertEquals(sent.get(0).getBodyAsString(), sent.get(1).getBodyAsString(), "a retry resends the same bytes");
        List<JsonPath> events = sent.subList(1, 5).stream()
                .map(r -> JsonPath.from(r.getBodyAsString()))
                .toList();
        assertEquals(
                List.of("RECEIVED", "IDENTITY_VERIFIED", "APPROVED", "COMPLETED"),
                events.stream().map(e -> e.getString("event")).toList());
        assertEquals(
                List.of("IDENTITY_UNVERIFIED", "PENDING_DECISION", "IN_PROGRESS", "COMPLETED"),
                events.stream().map(e -> e.getString("status")).toList());
        assertEquals("crm-" + subject, events.get(3).getString("externalId"));
        assertTrue(events.get(3).getBoolean("terminal"));

        // After the terminal callback nothing more is sent.
        as("tenant-a", "operator")
                .body(Map.of("reason", "too late"))
                .post("/v1/requests/" + id + "/cancel")
                .then()
                .statusCode(409);
        as("tenant-a", "operator")
                .body(Map.of("additionalBusinessDays", 3, "reason", "x"))
                .post("/v1/requests/" + id + "/extension")
                .then()
                .statusCode(409);
        Workflow.sleep(1000);
        assertEquals(
                5,
                TargetStubs.client
                        .findAll(postRequestedFor(urlPathEqualTo("/hooks/" + hook)))
                        .size());
    }
}
