package dev.mamori.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The manifests under k8s/base are what quarkus-kubernetes generates from each service's configuration. When a
 * configuration change alters the generated set, this fails until bin/regen-k8s is run and the result committed,
 * so the committed manifests never drift from the services.
 */
class GeneratedManifestsTest {

    private static final Path ROOT = Path.of(System.getProperty("mamori.root", ".."));

    @ParameterizedTest
    @ValueSource(strings = {"consent-service", "request-service", "retention-service", "thirdparty-service"})
    void committedManifestsMatchWhatTheServiceGenerates(String service) throws IOException {
        Path generated = ROOT.resolve(service).resolve("target/kubernetes/kubernetes.yml");
        Path committed = ROOT.resolve("k8s/base").resolve(service + ".yml");
        assertTrue(Files.exists(generated), generated + " is missing: package " + service + " first");
        assertTrue(Files.exists(committed), committed + " is missing: run bin/regen-k8s");
        assertEquals(withoutComments(Files.readAllLines(generated)), withoutComments(Files.readAllLines(committed)),
                committed + " is stale: run bin/regen-k8s and commit the result");
    }

    @ParameterizedTest
    @ValueSource(strings = {"consent-service", "request-service", "retention-service", "thirdparty-service"})
    void everyDeploymentProbesHealthAndTakesCredentialsFromASecret(String service) throws IOException {
        String manifest = Files.readString(ROOT.resolve("k8s/base").resolve(service + ".yml"));
        assertTrue(manifest.contains("path: /q/health/live"), service + " has no liveness probe");
        assertTrue(manifest.contains("path: /q/health/ready"), service + " has no readiness probe");
        assertTrue(manifest.contains("name: mamori-database"), service + " does not read DB credentials from the Secret");
    }

    private static String withoutComments(List<String> lines) {
        return lines.stream().filter(l -> !l.startsWith("#")).collect(Collectors.joining("\n")).strip();
    }
}
