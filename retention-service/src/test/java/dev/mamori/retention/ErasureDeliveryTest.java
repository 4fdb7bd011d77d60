package dev.mamori.retention;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.mamori.retention.Ledger.addCategory;
import static dev.mamori.retention.Ledger.addDueHoldings;
import static dev.mamori.retention.Ledger.as;
import static dev.mamori.retention.Ledger.uniqueCode;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.mamori.platform.signing.SignatureVerifier;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The owning system is a WireMock stub; the deliverer runs every second in tests with 3 attempts. */
@QuarkusTest
class ErasureDeliveryTest {

    private static final String SECRET = "s3cr3t-shared-with-the-crm-0123456789abcdef";
    private static WireMockServer system;

    @BeforeAll
    static void startSystem() {
        system = new WireMockServer(options().dynamicPort());
        system.start();
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.stop();
        }
    }

    private static void registerSystem(String tenant, String code, String path) {
        as(tenant, "privacy-officer")
                .body(Map.of(
                        "code",
                        code,
                        "name",
                        "CRM " + code,
                        "erasureUrl",
                        "http://localhost:" + system.port() + path,
                        "secret",
                        SECRET))
                .post("/v1/owning-systems")
                .then()
                .statusCode(201)
                .body("code", equalTo(code))
                .body("secret", org.hamcrest.Matchers.nullValue());
    }

    /** Polls the tenant's erasure requests until one has the status, for up to 15 s. */
    private static JsonPath awaitRequest(String tenant, String status) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (true) {
            JsonPath page = as(tenant, "privacy-officer")
                    .get("/v1/erasure-requests?status=" + status)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            if (!page.getList("items").isEmpty()) {
                return page;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no erasure request of " + tenant + " became " + status + ": "
                        + as(tenant, "privacy-officer")
                                .get("/v1/erasure-requests")
                                .asString());
            }
            Thread.sleep(200);
        }
    }

    /** As an owning system computes it: HMAC-SHA256 over the signed timestamp's prefix and the raw body. */
    private static String hmac(String secret, byte[] prefix, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(prefix);
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void shouldAskTheOwningSystemToEraseWithASignedCallAndRecordItsConfirmation() throws Exception {
        // A tenant whose allow-list names localhost (application.properties), where the stub system listens.
        String tenant = "outbound-deliver";
        String path = "/erase/" + tenant;
        system.stubFor(post(urlEqualTo(path))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"erased\": 2}")));
        registerSystem(tenant, "crm", path);
        String category = addCategory(tenant, uniqueCode("rec"), "");
        addDueHoldings(tenant, category, "d", 2, "crm");

        as(tenant, "privacy-officer")
                .post("/v1/purge-runs")
                .then()
                .statusCode(200)
                .body("erased", equalTo(2));
        JsonPath confirmed = awaitRequest(tenant, "CONFIRMED");
        assertEquals("crm", confirmed.getString("items[0].confirmedBy"));
        assertEquals(2, confirmed.getInt("items[0].erasedCount"));
        assertEquals(1, confirmed.getInt("items[0].attempts"));

        List<LoggedRequest> calls = system.findAll(postRequestedFor(urlEqualTo(path)));
        assertEquals(1, calls.size());
        LoggedRequest call = calls.get(0);
        String timestamp = call.getHeader("X-Mamori-Timestamp");
        assertNotNull(timestamp);
        assertEquals(
                hmac(SECRET, (timestamp + ".").getBytes(StandardCharsets.US_ASCII), call.getBody()),
                call.getHeader("X-Mamori-Signature"),
                "the signature is HMAC-SHA256 of the timestamp, a dot and the raw body under the system's secret");
        SignatureVerifier.withDefaultWindow()
                .verify(SECRET, timestamp, call.getHeader("X-Mamori-Signature"), call.getBody());
        String body = call.getBodyAsString();
        assertTrue(body.contains("\"erasureRequestId\":\"" + confirmed.getString("items[0].id") + "\""), body);
        assertTrue(body.contains("\"locator\":\"due/0\"") && body.contains("\"locator\":\"due/1\""), body);
        assertTrue(
                body.contains("\"sentAt\":\"" + Instant.ofEpochSecond(Long.parseLong(timestamp)) + "\""),
                "the body's sentAt is the signed time: " + body);
        // A receiver refuses the same call replayed after the window, and the same body under a fresh timestamp.
        long later = Long.parseLong(timestamp) + 301;
        assertThrows(SignatureVerifier.Refused.class, () -> new SignatureVerifier(
                        Duration.ofMinutes(5), Clock.fixed(Instant.ofEpochSecond(later), ZoneOffset.UTC))
                .verify(SECRET, timestamp, call.getHeader("X-Mamori-Signature"), call.getBody()));
        assertThrows(SignatureVerifier.Refused.class, () -> SignatureVerifier.withDefaultWindow()
                .verify(
                        SECRET,
                        Long.toString(Long.parseLong(timestamp) + 1),
                        call.getHeader("X-Mamori-Signature"),
                        call.getBody()));

        // The secret is stored encrypted and never shown.
        String stored = Db.text("SELECT secret_cipher FROM owning_system WHERE tenant_id = ?", tenant);
        assertFalse(stored.contains(SECRET));
        assertFalse(as(tenant, "auditor").get("/v1/owning-systems").asString().contains(SECRET));
        // The deletion certificate shows who confirmed.
        as(tenant, "auditor")
                .body(Map.of("from", "2026-01-01", "to", "2099-12-31"))
                .post("/v1/deletion-certificates")
                .then()
                .statusCode(201)
                .body("items", hasSize(2))
                .body("items[0].confirmedBy", equalTo("crm"));
        // Another tenant sees none of it.
        String other = Db.uniqueTenant("other");
        as(other, "privacy-officer").get("/v1/erasure-requests").then().body("items", hasSize(0));
        as(other, "privacy-officer")
                .get("/v1/erasure-requests/" + confirmed.getString("items[0].id"))
                .then()
                .statusCode(404);
        as(other, "auditor").get("/v1/owning-systems/crm").then().statusCode(404);
    }

    @Test
    void shouldRetryWithBackoffThenFailVisiblyAndSendAgainWhenAskedToRetry() throws Exception {
        String tenant = "outbound-flaky";
        String path = "/erase/" + tenant;
        system.stubFor(
                post(urlEqualTo(path)).willReturn(aResponse().withStatus(503).withBody("down for maintenance")));
        registerSystem(tenant, "flaky", path);
        String category = addCategory(tenant, uniqueCode("rec"), "");
        addDueHoldings(tenant, category, "f", 1, "flaky");
        as(tenant, "privacy-officer")
                .post("/v1/purge-runs")
                .then()
                .statusCode(200)
                .body("erased", equalTo(1));

        JsonPath failed = awaitRequest(tenant, "FAILED");
        String id = failed.getString("items[0].id");
        assertEquals(3, failed.getInt("items[0].attempts"));
        org.hamcrest.MatcherAssert.assertThat(failed.getString("items[0].lastError"), containsString("HTTP 503"));
        assertEquals(3, system.findAll(postRequestedFor(urlEqualTo(path))).size());

        // The system is back and accepts without a count: it will confirm later.
        system.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(202)));
        as(tenant, "privacy-officer")
                .post("/v1/erasure-requests/" + id + "/retry")
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("attempts", equalTo(0));
        awaitRequest(tenant, "SENT");

        String other = Db.uniqueTenant("intruder");
        as(other, "client-system")
                .body(Map.of("erasureRequestId", id, "erased", 1))
                .post("/v1/erasure-confirmations")
                .then()
                .statusCode(404);
        as(tenant, "client-system")
                .body(Map.of("erasureRequestId", id, "erased", 1))
                .post("/v1/erasure-confirmations")
                .then()
                .statusCode(200)
                .body("status", equalTo("CONFIRMED"))
                .body("confirmedBy", equalTo("flaky (service-account-" + tenant + "-client-system)"))
                .body("erasedCount", equalTo(1));
        as(tenant, "privacy-officer")
                .post("/v1/erasure-requests/" + id + "/retry")
                .then()
                .statusCode(409);
    }

    @Test
    void shouldKeepARequestPendingWhileItsSystemIsNotRegistered() throws Exception {
        String tenant = Db.uniqueTenant("unregistered");
        String category = addCategory(tenant, uniqueCode("rec"), "");
        addDueHoldings(tenant, category, "u", 1, "unknown-system");
        as(tenant, "privacy-officer")
                .post("/v1/purge-runs")
                .then()
                .statusCode(200)
                .body("erased", equalTo(1));
        JsonPath failed = awaitRequest(tenant, "FAILED");
        org.hamcrest.MatcherAssert.assertThat(
                failed.getString("items[0].lastError"),
                containsString("owning system unknown-system is not registered"));
    }
}
