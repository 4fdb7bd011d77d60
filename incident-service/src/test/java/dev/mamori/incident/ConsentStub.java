package dev.mamori.incident;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Stands in for consent-service on a random port: a use stop for any person is set, except for the person
 * {@code broken} (consent-service failing).
 */
public class ConsentStub implements QuarkusTestResourceLifecycleManager {

    static final String PORT_PROPERTY = "mamori.test.consent-stub-port";
    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        WireMock wm = new WireMock("localhost", server.port());
        wm.register(post(urlPathMatching("/v1/subjects/[^/]+/use-stops"))
                .atPriority(10)
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("[{\"id\": \"7a1d2c3b-0000-4000-8000-000000000001\", \"subjectRef\": \"any\", "
                                + "\"purposes\": [], \"requestRef\": \"x\", \"ground\": \"ART_35_5_LEAK\", "
                                + "\"stoppedAt\": \"2026-01-01T00:00:00Z\"}]")));
        wm.register(post(urlEqualTo("/v1/subjects/broken/use-stops"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(500)));
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
}
