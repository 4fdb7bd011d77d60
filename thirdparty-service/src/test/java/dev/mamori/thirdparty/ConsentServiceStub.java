package dev.mamori.thirdparty;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.mamori.thirdparty.client.TenantBreakers;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Stands in for consent-service on a random port. Tests stub it through WireMock's admin API ({@link #client()}),
 * so the stubs reach the server whatever class loader the test runs in.
 */
public class ConsentServiceStub implements QuarkusTestResourceLifecycleManager {

    static final String PORT_PROPERTY = "mamori.test.consent-stub-port";
    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        return Map.of(
                "quarkus.rest-client.consent.url",
                "http://localhost:" + server.port(),
                PORT_PROPERTY,
                Integer.toString(server.port()));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    static WireMock client() {
        return new WireMock("localhost", ConfigProvider.getConfig().getValue(PORT_PROPERTY, Integer.class));
    }

    /** Closes every circuit breaker, so one test's outage does not leak into the next. */
    static void resetBreakers() {
        Arc.container().instance(TenantBreakers.class).get().resetAll();
    }

    /** A purpose as consent-service describes it. */
    static void purpose(
            String code,
            boolean thirdPartyProvision,
            List<String> crossBorderCountries,
            List<String> sensitiveCategories) {
        String body = """
                {"code": "%s", "currentVersion": 2, "createdAt": "2025-01-01T00:00:00Z",
                 "current": {"version": 2, "changeType": "RELATED", "titleJa": "紹介", "titleEn": "Referral",
                   "dataItems": ["name"], "sensitiveCategories": %s, "thirdPartyProvision": %s,
                   "recipientTypes": ["BUSINESS_PARTNER"], "crossBorderCountries": %s,
                   "publishedAt": "2025-01-01T00:00:00Z", "publishedBy": "po"}}""".formatted(code, json(sensitiveCategories), thirdPartyProvision, json(crossBorderCountries));
        client().register(get(urlEqualTo("/v1/purposes/" + code))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body)));
    }

    /**
     * consent-service's decisions for these principals: CONSENT_GIVEN allows (consent given on version 1 of the
     * purpose, now at version 2), any other reason refuses.
     */
    static void decisions(String code, Map<String, String> reasonBySubject) {
        String decisions = reasonBySubject.entrySet().stream()
                .map(e -> """
                {"subjectRef": "%s", "purpose": "%s", "allowed": %s, "reason": "%s", "purposeVersion": 2,
                 "consentedVersion": %s, "message": "%s"}""".formatted(
                                e.getKey(),
                                code,
                                e.getValue().equals("CONSENT_GIVEN"),
                                e.getValue(),
                                e.getValue().equals("CONSENT_GIVEN") ? "1" : "null",
                                e.getValue().equals("CONSENT_GIVEN")
                                        ? "consented"
                                        : "the person " + e.getValue().toLowerCase()))
                .collect(Collectors.joining(","));
        answer(reasonBySubject.keySet().iterator().next(), decisions);
    }

    /** Consent given by each principal, on the version of the purpose given for it. */
    static void consentedOn(String code, Map<String, Integer> versionBySubject) {
        String decisions = versionBySubject.entrySet().stream()
                .map(e -> """
                {"subjectRef": "%s", "purpose": "%s", "allowed": true, "reason": "CONSENT_GIVEN", "purposeVersion": 2,
                 "consentedVersion": %d, "message": "consented"}""".formatted(e.getKey(), code, e.getValue()))
                .collect(Collectors.joining(","));
        answer(versionBySubject.keySet().iterator().next(), decisions);
    }

    private static void answer(String firstSubject, String decisions) {
        client().register(post(urlEqualTo("/v1/decisions/batch"))
                .withRequestBody(containing("\"" + firstSubject + "\""))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"decisions\": [" + decisions + "]}")));
    }

    private static String json(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]"));
    }
}
