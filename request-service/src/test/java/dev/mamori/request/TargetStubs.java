package dev.mamori.request;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.mamori.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * WireMock servers standing in for consent-, retention- and thirdparty-service and for a client company's system
 * (HTTPS with a certificate only the test trust store trusts, and plain HTTP, for callbacks), plus the token endpoint of the client-credentials grant. The token is signed like the
 * realm's ({@link TestTokens#service}) when it is asked for. Default stubs answer every person as empty; a test
 * adds its own stubs for the subjects it uses (higher priority) and checks the calls made.
 */
public class TargetStubs implements QuarkusTestResourceLifecycleManager {

    public static final String REALM = "/realms/mamori";
    public static final String TOKEN_PATH = REALM + "/protocol/openid-connect/token";
    static final String TENANT_A_SECRET = "tenant-a-callback-secret";

    static WireMockServer consent;
    static WireMockServer retention;
    static WireMockServer thirdparty;
    static WireMockServer client;

    /** Signs a service token at request time, when the test JVM's signing key is configured. */
    public static class ServiceToken implements ResponseDefinitionTransformerV2 {
        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            return aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"access_token\":\"" + TestTokens.service("request-service")
                            + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}")
                    .build();
        }

        @Override
        public String getName() {
            return "service-token";
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }
    }

    @Override
    public Map<String, String> start() {
        consent = new WireMockServer(wireMockConfig().dynamicPort().extensions(new ServiceToken()));
        retention = new WireMockServer(wireMockConfig().dynamicPort());
        thirdparty = new WireMockServer(wireMockConfig().dynamicPort());
        // https with the self-signed localhost certificate the %test trust store holds; plain http for the tests of
        // a local client system (allowed in the test profile only).
        client = new WireMockServer(wireMockConfig()
                .dynamicPort()
                .dynamicHttpsPort()
                .keystorePath(resource("/tls/client-system.p12"))
                .keystoreType("PKCS12")
                .keystorePassword("test-only-password")
                .keyManagerPassword("test-only-password"));
        consent.start();
        retention.start();
        thirdparty.start();
        client.start();
        defaults();
        return Map.of(
                "quarkus.rest-client.consent.url", consent.baseUrl(),
                "quarkus.rest-client.retention.url", retention.baseUrl(),
                "quarkus.rest-client.thirdparty.url", thirdparty.baseUrl(),
                "quarkus.oidc-client.auth-server-url", consent.baseUrl() + REALM);
    }

    /** Every person answers empty or OK, but only to a bearer token naming a tenant; anything else is 401. */
    static void defaults() {
        consent.stubFor(post(urlPathMatching(TOKEN_PATH))
                .withRequestBody(matching(".*grant_type=client_credentials.*"))
                .willReturn(aResponse().withTransformers("service-token")));
        for (WireMockServer target : new WireMockServer[] {consent, retention, thirdparty}) {
            target.stubFor(any(urlPathMatching("/v1/.*"))
                    .atPriority(100)
                    .willReturn(aResponse().withStatus(401).withBody("no token or tenant")));
        }
        consent.stubFor(authorized(get(urlPathMatching("/v1/subjects/[^/]+/consents")))
                .willReturn(okJson("{\"consents\":[],\"useStops\":[]}")));
        consent.stubFor(authorized(post(urlPathMatching("/v1/subjects/[^/]+/use-stops")))
                .willReturn(okJson("[]").withStatus(201)));
        retention.stubFor(authorized(get(urlPathMatching("/v1/subjects/[^/]+/holdings")))
                .willReturn(okJson("{\"items\":[],\"limit\":500}")));
        consent.stubFor(
                authorized(get(urlPathMatching("/v1/purposes"))).willReturn(okJson("{\"items\":[],\"limit\":500}")));
        retention.stubFor(authorized(get(urlPathMatching("/v1/data-categories/[^/]+")))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\":\"https://mamori.dev/problems/not-found\",\"status\":404}")));
        retention.stubFor(authorized(post(urlPathMatching("/v1/subjects/[^/]+/erasure")))
                .willReturn(okJson("{\"erased\":0,\"certificateId\":\"cert-default\"}")));
        thirdparty.stubFor(authorized(get(urlPathMatching("/v1/subjects/[^/]+/(provisions|receipts)")))
                .willReturn(okJson("{\"items\":[],\"limit\":500}")));
        thirdparty.stubFor(authorized(post(urlPathMatching("/v1/subjects/[^/]+/provision-stops")))
                .willReturn(okJson("{}").withStatus(201)));
        client.stubFor(post(urlPathMatching("/hooks/.*"))
                .atPriority(50)
                .willReturn(aResponse().withStatus(204)));
    }

    static com.github.tomakehurst.wiremock.client.MappingBuilder authorized(
            com.github.tomakehurst.wiremock.client.MappingBuilder builder) {
        return builder.atPriority(50)
                .withHeader("Authorization", matching("Bearer [A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"))
                .withHeader("X-Mamori-Tenant", matching("[a-z0-9-]+"));
    }

    /** The https URL of the client system's hook for one test. */
    static String hook(String name) {
        return "https://localhost:" + client.httpsPort() + "/hooks/" + name;
    }

    /** The plain http URL of the client system's hook for one test. */
    static String httpHook(String name) {
        return "http://localhost:" + client.port() + "/hooks/" + name;
    }

    private static String resource(String name) {
        try {
            return java.nio.file.Path.of(TargetStubs.class.getResource(name).toURI())
                    .toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        for (WireMockServer server : new WireMockServer[] {consent, retention, thirdparty, client}) {
            if (server != null) {
                server.stop();
            }
        }
    }
}
