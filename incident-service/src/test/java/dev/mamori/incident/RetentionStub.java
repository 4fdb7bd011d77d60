package dev.mamori.incident;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Stands in for retention-service on a random port: any category code is a plain contact-data category, except
 * {@code health-record} (sensitive), {@code card-number} (items a card number), {@code unknown-category} (not in
 * the ledger) and {@code broken} (retention-service failing); a holdings count answers 1,500 holdings of 1,234
 * persons.
 */
public class RetentionStub implements QuarkusTestResourceLifecycleManager {

    static final String PORT_PROPERTY = "mamori.test.retention-stub-port";
    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        WireMock wm = new WireMock("localhost", server.port());
        wm.register(get(urlPathMatching("/v1/data-categories/.*"))
                .atPriority(10)
                .willReturn(category("contact", "顧客連絡先", "[\"氏名\", \"電話番号\"]", false)));
        wm.register(get(urlEqualTo("/v1/data-categories/health-record"))
                .atPriority(1)
                .willReturn(category("health-record", "健康相談記録", "[\"氏名\", \"病歴\"]", true)));
        wm.register(get(urlEqualTo("/v1/data-categories/card-number"))
                .atPriority(1)
                .willReturn(category("card-number", "決済情報", "[\"氏名\", \"クレジットカード番号\"]", false)));
        wm.register(get(urlEqualTo("/v1/data-categories/unknown-category"))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\": \"https://mamori.dev/problems/not-found\", \"status\": 404}")));
        wm.register(get(urlEqualTo("/v1/data-categories/broken"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(500)));
        wm.register(post(urlEqualTo("/v1/legal-holds"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\": \"6f1d2c3b-0000-4000-8000-000000000001\", \"categoryCode\": \"any\", "
                                + "\"reason\": \"x\", \"setAt\": \"2026-01-01T00:00:00Z\"}")));
        wm.register(get(urlPathEqualTo("/v1/holdings/count"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"holdings\": 1500, \"persons\": 1234}")));
        return Map.of(
                "quarkus.rest-client.retention.url",
                "http://localhost:" + server.port(),
                PORT_PROPERTY,
                Integer.toString(server.port()));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder category(
            String code, String nameJa, String items, boolean sensitive) {
        return aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"code": "%s", "nameJa": "%s", "nameEn": "x", "items": %s, "purposeCodes": ["support"],
                         "storageLocation": "東京", "storageMethod": "暗号化", "accessibleBy": ["SV"],
                         "sensitive": %s, "acquisitionForm": "DIRECT_WRITTEN", "retentionDays": 92}""".formatted(
                        code, nameJa, items, sensitive));
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
}
