package dev.mamori.request;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.mamori.request.Intakes.as;
import static dev.mamori.request.Intakes.create;
import static dev.mamori.request.Intakes.idsFor;
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

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.mamori.request.client.Delivery;
import dev.mamori.request.client.Envelope;
import dev.mamori.request.client.TargetServices;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every target gets the person's ref exactly as taken in; an erasure and a use stop also stop use and provision;
 * client systems are called only at URLs the outbound rule allows, with the configured trust, never redirected.
 */
@QuarkusTest
class FulfilmentTargetsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    /** The calls {@code server} got whose path, read as RFC 3986 (no '+' as space), is exactly {@code path}. */
    private static List<LoggedRequest> callsTo(WireMockServer server, String path) {
        return server.findAll(anyRequestedFor(urlPathMatching("/v1/subjects/.*"))).stream()
                .filter(call -> path.equals(decodedPath(call.getUrl())))
                .toList();
    }

    private static String decodedPath(String rawUrl) {
        try {
            return new URI(rawUrl).getPath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(rawUrl, e);
        }
    }

    @Test
    void shouldPutEveryAcceptedRefIntoTheTargetsPathsExactly() {
        String suffix = newSubject().substring(5);
        for (String ref : List.of("顧客-" + suffix, "a+b=c-" + suffix, "山田@example.jp:" + suffix, "ヤマダ・タロー~" + suffix)) {
            String disclosure = create("tenant-a", "DISCLOSURE", ref);
            verified("tenant-a", disclosure);
            approved("tenant-a", disclosure);
            awaitStatus("tenant-a", disclosure, "COMPLETED");
            String erasure = create("tenant-a", "ERASURE", ref);
            verified("tenant-a", erasure);
            approved("tenant-a", erasure);
            awaitStatus("tenant-a", erasure, "COMPLETED");

            String base = "/v1/subjects/" + ref;
            assertEquals(1, callsTo(TargetStubs.consent, base + "/consents").size(), ref);
            assertEquals(1, callsTo(TargetStubs.retention, base + "/holdings").size(), ref);
            assertEquals(
                    1, callsTo(TargetStubs.thirdparty, base + "/provisions").size(), ref);
            assertEquals(1, callsTo(TargetStubs.thirdparty, base + "/receipts").size(), ref);
            assertEquals(1, callsTo(TargetStubs.retention, base + "/erasure").size(), ref);
            assertEquals(1, callsTo(TargetStubs.consent, base + "/use-stops").size(), ref);
            assertEquals(
                    1,
                    callsTo(TargetStubs.thirdparty, base + "/provision-stops").size(),
                    ref);
            String raw = callsTo(TargetStubs.consent, base + "/consents").get(0).getUrl();
            assertTrue(!raw.contains("+"), "'+' goes as %2B, never as a character a server may read as space: " + raw);
        }
    }

    @Test
    void shouldStopUseAndProvisionWhenErasing() {
        String subject = newSubject();
        String id = create("tenant-a", "ERASURE", subject);
        verified("tenant-a", id);
        approved("tenant-a", id);
        JsonPath done = awaitStatus("tenant-a", id, "COMPLETED");
        assertEquals(
                List.of("CONSENT:STOP_USE", "RETENTION:ERASE", "THIRDPARTY:STOP_PROVISION"),
                done.getList("fulfilment").stream()
                        .map(t -> ((Map<?, ?>) t).get("target") + ":" + ((Map<?, ?>) t).get("action"))
                        .sorted()
                        .toList());

        List<LoggedRequest> stops =
                TargetStubs.consent.findAll(postRequestedFor(urlPathEqualTo("/v1/subjects/" + subject + "/use-stops")));
        assertEquals(1, stops.size());
        assertTrue(
                equalToJson("{\"purposes\":[],\"requestRef\":\"" + id + "\",\"ground\":\"ERASURE\"}")
                        .match(stops.get(0).getBodyAsString())
                        .isExactMatch(),
                stops.get(0).getBodyAsString());
        assertEquals("mamori-req-" + id + "-consent-stop-use", stops.get(0).getHeader("Idempotency-Key"));
        List<LoggedRequest> provision = TargetStubs.thirdparty.findAll(
                postRequestedFor(urlPathEqualTo("/v1/subjects/" + subject + "/provision-stops")));
        assertEquals(1, provision.size());
        assertTrue(
                equalToJson("{\"ground\":\"ART_35_5_NO_LONGER_NEEDED\",\"requestRef\":\"" + id + "\"}")
                        .match(provision.get(0).getBodyAsString())
                        .isExactMatch(),
                provision.get(0).getBodyAsString());
        assertEquals("tenant-a", provision.get(0).getHeader("X-Mamori-Tenant"));
        as("tenant-a", "operator")
                .get("/v1/requests/" + id + "/result")
                .then()
                .statusCode(200)
                .body("notice.ja", containsString("消去しました"))
                .body("notice.ja", containsString("利用および第三者への提供を停止しました"))
                .body("notice.en", containsString("also stopped using your retained personal data and providing"));

        // The person may still ask what is held about them afterwards.
        String disclosure = create("tenant-a", "DISCLOSURE", subject);
        verified("tenant-a", disclosure);
        approved("tenant-a", disclosure);
        awaitStatus("tenant-a", disclosure, "COMPLETED");
        as("tenant-a", "privacy-officer")
                .get("/v1/requests/" + disclosure + "/result")
                .then()
                .statusCode(200)
                .body("disclosure.consents", org.hamcrest.Matchers.hasSize(0));
    }

    @Test
    void shouldCompleteAnErasureWhenAProvisionStopIsAlreadyInForce() {
        String subject = newSubject();
        TargetStubs.thirdparty.stubFor(authorized(post(urlPathEqualTo("/v1/subjects/" + subject + "/provision-stops")))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(409)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\":\"https://mamori.dev/problems/provision-stop-exists\",\"status\":409,"
                                + "\"detail\":\"already stopped\"}")));
        String id = create("tenant-a", "ERASURE", subject);
        verified("tenant-a", id);
        approved("tenant-a", id);
        JsonPath done = awaitStatus("tenant-a", id, "COMPLETED");
        assertEquals(
                "a provision stop was already in force: already stopped",
                done.getString("fulfilment.find { it.action == 'STOP_PROVISION' }.note"));
    }

    @Test
    void shouldStopProvisionWhenStoppingUse() {
        String subject = newSubject();
        String id = create("tenant-a", "USE_STOP", subject);
        verified("tenant-a", id);
        approved("tenant-a", id);
        awaitStatus("tenant-a", id, "COMPLETED");
        List<LoggedRequest> provision = TargetStubs.thirdparty.findAll(
                postRequestedFor(urlPathEqualTo("/v1/subjects/" + subject + "/provision-stops")));
        assertEquals(1, provision.size());
        assertTrue(
                equalToJson("{\"ground\":\"ART_35_5_NO_LONGER_NEEDED\",\"requestRef\":\"" + id + "\"}")
                        .match(provision.get(0).getBodyAsString())
                        .isExactMatch(),
                provision.get(0).getBodyAsString());
        assertEquals(
                1,
                TargetStubs.consent
                        .findAll(postRequestedFor(urlPathEqualTo("/v1/subjects/" + subject + "/use-stops")))
                        .size());
        as("tenant-a", "operator")
                .get("/v1/requests/" + id + "/result")
                .then()
                .statusCode(200)
                .body("notice.ja", containsString("第三者への提供も停止しました"))
                .body("notice.en", containsString("also stopped providing it to third parties"));
    }

    /** An approved correction whose claim says what the content should be, called back to {@code url}. */
    private static String approvedCorrection(String tenant, String subject, String url) {
        Map<String, Object> body = intake("CORRECTION", subject);
        body.put("callbackUrl", url);
        String id = create(tenant, body);
        verified(tenant, id);
        approved(tenant, id);
        return id;
    }

    @Test
    void shouldPassACorrectionToALocalHttpClientSystemInTheTestProfile() {
        String subject = newSubject();
        String id = approvedCorrection("tenant-a", subject, TargetStubs.httpHook("plain-" + subject));
        awaitStatus("tenant-a", id, "COMPLETED");
        List<LoggedRequest> sent =
                TargetStubs.client.findAll(postRequestedFor(urlPathEqualTo("/hooks/plain-" + subject))
                        .withHeader(
                                "X-Mamori-Event",
                                com.github.tomakehurst.wiremock.client.WireMock.equalTo("request.correction")));
        assertEquals(1, sent.size());
        assertEquals("http", URI.create(sent.get(0).getAbsoluteUrl()).getScheme());
    }

    @Test
    void shouldRefuseAnInternalCallbackUrlOfATenantWithoutAnAllowList() {
        String subject = newSubject();
        for (String url : List.of(
                "https://127.0.0.1/hooks/x",
                "https://169.254.169.254/latest/meta-data",
                "https://10.1.2.3/hooks/x",
                "https://localhost/hooks/x")) {
            Map<String, Object> body = intake("CORRECTION", subject);
            body.put("callbackUrl", url);
            as("tenant-b", "operator")
                    .body(body)
                    .post("/v1/requests")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://mamori.dev/problems/outbound-url-refused"))
                    .body("errors.field", hasItem("callbackUrl"));
            as("tenant-b", "privacy-officer")
                    .body(Map.of("businessDaysToDue", 10, "clientCallbackUrl", url))
                    .put("/v1/request-settings")
                    .then()
                    .statusCode(422)
                    .body("type", equalTo("https://mamori.dev/problems/outbound-url-refused"))
                    .body("errors.field", hasItem("clientCallbackUrl"));
        }
        assertEquals(List.of(), idsFor("tenant-b", subject), "nothing stored");
        as("tenant-b", "operator")
                .get("/v1/request-settings")
                .then()
                .statusCode(200)
                .body("clientCallbackUrl", org.hamcrest.Matchers.nullValue());
        as("tenant-b", "auditor")
                .get("/v1/audit-events/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(true));
    }

    @Inject
    TargetServices targets;

    @Test
    void shouldRecordACallRefusedAtSendTimeAsAFailureNotRetried() {
        // A URL that passed once (here: never registered for this tenant) is checked again right before the call.
        String hook = "late-" + newSubject();
        Delivery d = targets.send(
                        "tenant-b",
                        TaskAction.STATUS_CALLBACK,
                        "key-" + hook,
                        new Envelope(null, TargetStubs.hook(hook), "{}"))
                .await()
                .atMost(WAIT);
        assertEquals(false, d.ok());
        assertEquals(false, d.retryable(), "a refused URL does not become callable by waiting");
        assertTrue(
                d.error().startsWith("refused to call the client system: the URL resolves to an internal " + "address"),
                d.error());
        assertEquals(
                0,
                TargetStubs.client
                        .findAll(anyRequestedFor(urlPathEqualTo("/hooks/" + hook)))
                        .size());
    }

    @Test
    void shouldNotFollowARedirectOfTheClientSystem() {
        String subject = newSubject();
        String hook = "moved-" + subject;
        TargetStubs.client.stubFor(post(urlPathEqualTo("/hooks/" + hook))
                .atPriority(1)
                .willReturn(
                        aResponse().withStatus(307).withHeader("Location", TargetStubs.hook("elsewhere-" + subject))));
        String id = approvedCorrection("tenant-a", subject, TargetStubs.hook(hook));
        JsonPath failed = awaitRequest("tenant-a", id, WAIT, r -> "FAILED"
                .equals(r.getString("fulfilment.find { it.action == 'PASS_CORRECTION' }.status")));
        assertEquals(307, failed.getInt("fulfilment.find { it.action == 'PASS_CORRECTION' }.lastHttpStatus"));
        assertEquals("IN_PROGRESS", failed.getString("status"));
        assertEquals(
                0,
                TargetStubs.client
                        .findAll(anyRequestedFor(urlPathEqualTo("/hooks/elsewhere-" + subject)))
                        .size());
    }

    @Test
    void shouldNotTrustAClientSystemWhoseCertificateIsNotInTheTrustStore() {
        // WireMock's own self-signed certificate: neither in the configured trust store nor the JVM's.
        WireMockServer stranger =
                new WireMockServer(com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig()
                        .httpDisabled(true)
                        .dynamicHttpsPort());
        stranger.start();
        try {
            stranger.stubFor(
                    post(urlPathMatching("/hooks/.*")).willReturn(aResponse().withStatus(204)));
            String subject = newSubject();
            String id = approvedCorrection(
                    "tenant-a", subject, "https://localhost:" + stranger.httpsPort() + "/hooks/stranger");
            JsonPath failed = awaitRequest("tenant-a", id, WAIT, r -> "FAILED"
                    .equals(r.getString("fulfilment.find { it.action == 'PASS_CORRECTION' }.status")));
            org.junit.jupiter.api.Assertions.assertNull(
                    failed.get("fulfilment.find { it.action == 'PASS_CORRECTION' }.lastHttpStatus"));
            assertEquals(
                    0,
                    stranger.findAll(anyRequestedFor(urlPathMatching("/hooks/.*")))
                            .size());
        } finally {
            stranger.stop();
        }
    }
}
