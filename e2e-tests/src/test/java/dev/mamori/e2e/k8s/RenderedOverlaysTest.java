package dev.mamori.e2e.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * k8s/rendered/&lt;overlay&gt;.yaml is what `kubectl apply -k k8s/overlays/&lt;overlay&gt;` applies, rendered by
 * bin/regen-k8s so that the other tests can check it without kustomize. These tests fail when a rendering is stale:
 * always through the digest of the inputs it records, and, where kubectl or kustomize is installed, by rendering
 * the overlay again and comparing object by object.
 */
class RenderedOverlaysTest {

    static final List<String> OVERLAYS = K8s.OVERLAYS;
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    @Test
    void everyOverlayHasACommittedRendering() throws IOException {
        try (var dirs = Files.list(K8s.ROOT.resolve("k8s/overlays"))) {
            List<String> overlays = dirs.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
            assertEquals(OVERLAYS, overlays, "the tests cover exactly the overlays under k8s/overlays");
        }
        for (String overlay : OVERLAYS) {
            assertTrue(
                    Files.exists(K8s.rendered(overlay)),
                    K8s.rendered(overlay) + " is missing: run bin/regen-k8s --render-only");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void renderingWasMadeFromTheCommittedInputs(String overlay) {
        String recorded = K8s.read(K8s.rendered(overlay))
                .lines()
                .filter(l -> l.startsWith("# inputs-sha256: "))
                .findFirst()
                .map(l -> l.substring("# inputs-sha256: ".length()).strip())
                .orElseThrow(() -> new AssertionError(K8s.rendered(overlay) + " has no inputs-sha256 header"));
        assertEquals(
                K8s.inputsDigest(),
                recorded,
                "k8s/base or k8s/overlays changed after k8s/rendered/" + overlay
                        + ".yaml was rendered: run bin/regen-k8s --render-only and commit the result");
    }

    @Test
    void devOverlayImportsTheSameRealmAsTheLocalSuite() throws IOException {
        byte[] original = Files.readAllBytes(K8s.ROOT.resolve("dev/keycloak/mamori-realm.json"));
        byte[] copy = Files.readAllBytes(K8s.ROOT.resolve("k8s/overlays/dev/keycloak/mamori-realm.json"));
        assertTrue(
                Arrays.equals(original, copy),
                "k8s/overlays/dev/keycloak/mamori-realm.json differs from "
                        + "dev/keycloak/mamori-realm.json: run bin/regen-k8s --no-build");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void renderingIsWhatKustomizeRendersNow(String overlay) throws Exception {
        Optional<List<String>> renderer = renderer();
        assumeTrue(renderer.isPresent(), "neither kustomize nor kubectl is on the PATH: the inputs digest stands in");
        List<String> command = new java.util.ArrayList<>(renderer.get());
        command.add(K8s.ROOT.resolve("k8s/overlays").resolve(overlay).toString());
        Path out = Files.createTempFile("mamori-" + overlay, ".yaml");
        try {
            Process p = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            assertTrue(p.waitFor(2, TimeUnit.MINUTES), "rendering took too long");
            assertEquals(0, p.exitValue(), String.join(" ", command) + " failed");
            Map<String, String> fresh =
                    byId(StrictModel.parseAll(Files.readString(out, StandardCharsets.UTF_8), "fresh " + overlay));
            Map<String, String> committed = byId(K8s.overlay(overlay).objects());
            assertEquals(
                    fresh.keySet(),
                    committed.keySet(),
                    "k8s/rendered/" + overlay + ".yaml is stale: run bin/regen-k8s --render-only");
            for (String id : fresh.keySet()) {
                assertEquals(
                        fresh.get(id),
                        committed.get(id),
                        id + " in k8s/rendered/" + overlay + ".yaml is stale: run bin/regen-k8s --render-only");
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void renderingSaysHowToInstallAndRegenerateIt(String overlay) {
        String head = K8s.read(K8s.rendered(overlay)).lines().limit(3).reduce("", (a, b) -> a + b + "\n");
        assertTrue(head.contains("GENERATED by bin/regen-k8s"), head);
        assertTrue(head.contains("kubectl apply -k k8s/overlays/" + overlay), head);
        assertFalse(K8s.overlay(overlay).objects().isEmpty());
    }

    private static Map<String, String> byId(List<HasMetadata> objects) {
        Map<String, String> map = new TreeMap<>();
        for (HasMetadata o : objects) {
            map.put(
                    o.getApiVersion() + " " + o.getKind() + " "
                            + o.getMetadata().getNamespace() + "/"
                            + o.getMetadata().getName(),
                    SERIALIZATION.asJson(o));
        }
        return map;
    }

    static Optional<List<String>> renderer() {
        if (onPath("kustomize")) {
            return Optional.of(List.of("kustomize", "build"));
        }
        if (onPath("kubectl")) {
            return Optional.of(List.of("kubectl", "kustomize"));
        }
        return Optional.empty();
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null
                && Arrays.stream(path.split(File.pathSeparator))
                        .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, command)));
    }
}
