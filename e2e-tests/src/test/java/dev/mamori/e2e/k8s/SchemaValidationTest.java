package dev.mamori.e2e.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every object of every overlay is a valid Kubernetes object (strict schema validation offline, see
 * {@link StrictModel}), and everything namespaced lands in the overlay's one namespace.
 */
class SchemaValidationTest {

    static final List<String> OVERLAYS = K8s.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyObjectIsValidAgainstTheKubernetesApiSchemas(String overlay) {
        List<HasMetadata> objects = K8s.overlay(overlay).objects();
        assertFalse(objects.isEmpty());
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everythingIsInTheOverlaysNamespace(String overlay) {
        K8s.Overlay o = K8s.overlay(overlay);
        assertEquals(1, o.all(Namespace.class).size(), "one Namespace per overlay");
        String namespace = o.namespace();
        for (HasMetadata object : o.objects()) {
            if (!(object instanceof Namespace)) {
                assertEquals(
                        namespace,
                        object.getMetadata().getNamespace(),
                        object.getKind() + "/" + object.getMetadata().getName());
            }
        }
    }

    @Test
    void strictModeRefusesAnUnknownField() {
        String yaml = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  replicas: 1
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers:
                        - name: x
                          image: x:1
                          securityContex: {runAsNonRoot: true}
                """;
        AssertionError e = assertThrows(AssertionError.class, () -> StrictModel.parseAll(yaml, "test"));
        assertTrue(e.getMessage().contains("securityContex"), e.getMessage());
    }

    @Test
    void strictModeRefusesAValueOfTheWrongTypeAnUnknownKindAndABadPercentage() {
        String yaml = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  replicas: two
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: y}
                spec:
                  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: "1"}}
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: c}}
                    spec:
                      containers:
                        - {name: x, image: "x:1", resources: {limits: {memory: lots}}}
                ---
                apiVersion: example.com/v1
                kind: Widget
                metadata: {name: z}
                """;
        AssertionError e = assertThrows(AssertionError.class, () -> StrictModel.parseAll(yaml, "test"));
        assertTrue(e.getMessage().contains("replicas"), e.getMessage());
        assertTrue(e.getMessage().contains("maxSurge"), e.getMessage());
        assertTrue(e.getMessage().contains("selector does not select"), e.getMessage());
        assertTrue(e.getMessage().contains("not a quantity"), e.getMessage());
        assertTrue(e.getMessage().contains("Widget is not a kind"), e.getMessage());
    }
}
