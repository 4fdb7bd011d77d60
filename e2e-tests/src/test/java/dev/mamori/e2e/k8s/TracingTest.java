package dev.mamori.e2e.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mamori.e2e.k8s.NetworkPolicies.Endpoint;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * OpenTelemetry tracing is off in every overlay as shipped (no spans leave a pod, no collector is reachable), and
 * the optional component k8s/components/tracing turns it on: the SDK enabled, spans sent to the collector that
 * mamori-config names, and exactly that one network flow opened.
 */
class TracingTest {

    static final List<String> OVERLAYS = K8s.OVERLAYS;
    private static final Endpoint COLLECTOR = Endpoint.podElsewhere(
            "the OTLP collector", "observability", Map.of("app.kubernetes.io/name", "opentelemetry-collector"));
    private static final Endpoint ANYWHERE = Endpoint.outside("an arbitrary Internet address", "203.0.113.99");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void openTelemetryIsOffByDefault(String overlay) {
        String platform =
                K8s.read(K8s.ROOT.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"));
        assertTrue(
                platform.lines().anyMatch(l -> l.equals("quarkus.otel.sdk.disabled=${MAMORI_TRACING_DISABLED:true}")),
                "the services' SDK is off unless MAMORI_TRACING_DISABLED=false");
        K8s.Overlay o = K8s.overlay(overlay);
        NetworkPolicies net = new NetworkPolicies(o);
        for (K8s.Workload w : o.services()) {
            Map<String, String> env = ConfigurationTest.environment(o, w.name());
            assertEquals("true", env.getOrDefault("MAMORI_TRACING_DISABLED", "true"), w + " traces");
            assertFalse(env.containsKey("QUARKUS_OTEL_SDK_DISABLED"), w + " sets the SDK switch directly");
            assertFalse(
                    net.allows(net.pod(o, w.name()), COLLECTOR, 4317),
                    w + " may reach a collector while tracing is off");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theTracingComponentTurnsItOnAndOpensOnlyTheWayToTheCollector(String overlay) throws Exception {
        K8s.Overlay o = withTracing(overlay);
        NetworkPolicies net = new NetworkPolicies(o);
        for (K8s.Workload w : o.services()) {
            Map<String, String> env = ConfigurationTest.environment(o, w.name());
            assertEquals("false", env.get("MAMORI_TRACING_DISABLED"), w + " traces with the component");
            URI endpoint = URI.create(env.get("OTEL_EXPORTER_OTLP_ENDPOINT"));
            assertEquals(
                    COLLECTOR.namespace(),
                    endpoint.getHost().split("\\.")[1],
                    w + " sends spans to the collector's namespace");
            Endpoint pod = net.pod(o, w.name());
            assertTrue(net.allows(pod, COLLECTOR, endpoint.getPort()), w + " -> " + endpoint);
            assertFalse(net.allows(pod, ANYWHERE, endpoint.getPort()), w + " -> any address on the collector's port");
            assertFalse(
                    net.allows(
                            pod,
                            Endpoint.podElsewhere("a pod of another team", "other-team", Map.of("app", "x")),
                            endpoint.getPort()),
                    w + " -> another namespace on the collector's port");
        }
        for (String pages : K8s.PAGES) {
            assertFalse(
                    net.allows(net.pod(o, pages), COLLECTOR, 4317), pages + " -> the collector (it records no spans)");
        }
        // Everything else is as in the overlay without the component.
        K8s.Overlay plain = K8s.overlay(overlay);
        assertEquals(plain.objects().size() + 1, o.objects().size(), "the component adds one NetworkPolicy");
        assertNotEquals(
                plain.all(io.fabric8.kubernetes.api.model.ConfigMap.class).stream()
                        .map(c -> c.getMetadata().getName())
                        .toList(),
                o.all(io.fabric8.kubernetes.api.model.ConfigMap.class).stream()
                        .map(c -> c.getMetadata().getName())
                        .toList(),
                "the changed mamori-config gets a new name, so the pods restart with tracing on");
    }

    /** The overlay with the tracing component added, rendered by kustomize as a user's kustomization would. */
    private static K8s.Overlay withTracing(String overlay) throws Exception {
        Optional<List<String>> renderer = RenderedOverlaysTest.renderer();
        assumeTrue(renderer.isPresent(), "neither kustomize nor kubectl is on the PATH");
        // kustomize reads only relative paths, so the kustomization lives inside the repository (under target/).
        Path dir = K8s.ROOT.resolve("e2e-tests/target/k8s-with-tracing").resolve(overlay);
        Files.createDirectories(dir);
        Path relativeRoot = dir.relativize(K8s.ROOT);
        Files.writeString(
                dir.resolve("kustomization.yaml"),
                """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - %s
                components:
                  - %s
                """.formatted(
                                relativeRoot.resolve("k8s/overlays").resolve(overlay),
                                relativeRoot.resolve("k8s/components/tracing")),
                StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(renderer.get());
        command.add(dir.toString());
        Path out = dir.resolve("rendered.yaml");
        Process p = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "rendering took too long");
        assertEquals(0, p.exitValue(), String.join(" ", command) + " failed");
        return new K8s.Overlay(
                overlay + "+tracing",
                StrictModel.parseAll(Files.readString(out, StandardCharsets.UTF_8), out.toString()));
    }
}
