package dev.mamori.retention;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.mamori.retention.Ledger.addCategory;
import static dev.mamori.retention.Ledger.addDueHoldings;
import static dev.mamori.retention.Ledger.as;
import static dev.mamori.retention.Ledger.uniqueCode;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.hamcrest.MatcherAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An owning system's erasureUrl makes this service connect somewhere on a tenant's word: internal addresses are
 * refused unless the tenant's allow-list (application.properties) names the host, the check is repeated before
 * each call, and a redirect is never followed.
 */
@QuarkusTest
class OutboundErasureUrlTest {

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

    private static Map<String, String> draft(String code, String url) {
        return Map.of("code", code, "name", "CRM " + code, "erasureUrl", url, "secret", SECRET);
    }

    @Test
    void shouldRefuseInternalErasureUrlsForATenantWithoutAnAllowList() {
        String tenant = Db.uniqueTenant("no-allow-list");
        for (String url : List.of(
                "http://127.0.0.1:8083/erase",
                "http://localhost/erase",
                "http://169.254.169.254/latest/meta-data/",
                "http://10.1.2.3/erase",
                "https://10.0.0.1/erase",
                "http://[::1]/erase",
                "http://192.168.1.10/erase",
                "http://0.0.0.0/erase")) {
            as(tenant, "privacy-officer")
                    .body(draft(uniqueCode("crm"), url))
                    .post("/v1/owning-systems")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://mamori.dev/problems/outbound-url-refused"))
                    .body("errors[0].field", equalTo("erasureUrl"));
        }
        assertEquals(0, Db.count("SELECT count(*) FROM owning_system WHERE tenant_id = ?", tenant));
        as(tenant, "auditor")
                .get("/v1/audit-events/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(true));
    }

    @Test
    void shouldAllowInternalHostsTheTenantsAllowListNames() {
        String tenant = "outbound-allowed";
        for (String url : List.of(
                "http://127.0.0.1:8083/erase",
                "http://169.254.169.254/erase",
                "http://10.1.2.3/erase",
                "http://localhost:1/erase")) {
            as(tenant, "privacy-officer")
                    .body(draft(uniqueCode("crm"), url))
                    .post("/v1/owning-systems")
                    .then()
                    .statusCode(201)
                    .body("erasureUrl", equalTo(url));
        }
        // Not named by the list, though it is the same kind of address.
        as(tenant, "privacy-officer")
                .body(draft(uniqueCode("crm"), "http://10.9.9.9/erase"))
                .post("/v1/owning-systems")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("erasureUrl"));
    }

    @Test
    void shouldNotFollowARedirectAndRecordTheAttemptAsFailed() throws Exception {
        String tenant = "outbound-redirect";
        String path = "/erase/" + tenant;
        system.stubFor(post(urlEqualTo(path))
                .willReturn(aResponse()
                        .withStatus(307)
                        .withHeader("Location", "http://localhost:" + system.port() + "/elsewhere/" + tenant)));
        system.stubFor(post(urlPathMatching("/elsewhere/.*"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"erased\": 1}")));
        as(tenant, "privacy-officer")
                .body(draft("crm", "http://localhost:" + system.port() + path))
                .post("/v1/owning-systems")
                .then()
                .statusCode(201);
        String category = addCategory(tenant, uniqueCode("rec"), "");
        addDueHoldings(tenant, category, "r", 1, "crm");
        as(tenant, "privacy-officer")
                .post("/v1/purge-runs")
                .then()
                .statusCode(200)
                .body("erased", equalTo(1));

        JsonPath failed = awaitRequest(tenant, "FAILED");
        MatcherAssert.assertThat(failed.getString("items[0].lastError"), containsString("HTTP 307"));
        assertEquals(3, system.findAll(postRequestedFor(urlEqualTo(path))).size());
        assertEquals(
                0,
                system.findAll(anyRequestedFor(urlPathMatching("/elsewhere/.*")))
                        .size(),
                "the redirect's target was never called");
    }

    @Test
    void shouldRecordARefusalAtSendTimeAsAFailedDeliveryAndCallNothing() throws Exception {
        // An erasureUrl that passed when registered but is refused now (here: its row moved to a tenant whose
        // allow-list does not name localhost, as if the list had changed or the name resolved elsewhere).
        String registeredBy = "outbound-allowed";
        String tenant = Db.uniqueTenant("moved");
        String path = "/erase/" + tenant;
        system.stubFor(post(urlEqualTo(path))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"erased\": 1}")));
        String code = uniqueCode("crm");
        as(registeredBy, "privacy-officer")
                .body(draft(code, "http://localhost:" + system.port() + path))
                .post("/v1/owning-systems")
                .then()
                .statusCode(201);
        Db.execute("UPDATE owning_system SET tenant_id = '" + tenant + "' WHERE tenant_id = '" + registeredBy
                + "' AND code = '" + code + "'");
        String category = addCategory(tenant, uniqueCode("rec"), "");
        addDueHoldings(tenant, category, "m", 1, code);
        as(tenant, "privacy-officer")
                .post("/v1/purge-runs")
                .then()
                .statusCode(200)
                .body("erased", equalTo(1));

        JsonPath failed = awaitRequest(tenant, "FAILED");
        MatcherAssert.assertThat(failed.getString("items[0].lastError"), containsString("erasureUrl not called"));
        MatcherAssert.assertThat(failed.getString("items[0].lastError"), containsString("internal address"));
        assertEquals(3, failed.getInt("items[0].attempts"));
        assertEquals(0, system.findAll(postRequestedFor(urlEqualTo(path))).size());
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
}
