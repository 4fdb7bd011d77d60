package dev.mamori.e2e.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The example Ingress of the privacy center (k8s/overlays/prod/examples/privacy-center-ingress.yaml), the one part
 * of the suite meant for the internet: a valid object that, once added to the overlay, routes its host, over TLS,
 * to the privacy center's Service and to nothing else, through the ingress controller the NetworkPolicies admit.
 * Not applied by the overlay as shipped (the host and certificate are the company's): add it to its resources.
 */
class IngressExampleTest {

    private static final Path EXAMPLE = K8s.ROOT.resolve("k8s/overlays/prod/examples/privacy-center-ingress.yaml");

    @Test
    void theExampleRoutesItsHostOverTlsToThePrivacyCenterAndNothingElse() {
        List<HasMetadata> objects = StrictModel.parseAll(K8s.read(EXAMPLE), EXAMPLE.toString());
        assertEquals(1, objects.size(), "one object");
        Ingress ingress = (Ingress) objects.get(0);
        var spec = ingress.getSpec();
        assertEquals(1, spec.getRules().size(), "one host");
        String host = spec.getRules().get(0).getHost();
        assertEquals(1, spec.getTls().size());
        assertEquals(List.of(host), spec.getTls().get(0).getHosts(), "the host is served over TLS");
        assertFalse(spec.getTls().get(0).getSecretName().isBlank(), "a TLS Secret is named");
        assertEquals(null, spec.getDefaultBackend(), "no default backend: only the privacy center's host");
        List<HTTPIngressPath> paths = spec.getRules().get(0).getHttp().getPaths();
        assertEquals(1, paths.size());
        assertEquals("/", paths.get(0).getPath());
        assertEquals("Prefix", paths.get(0).getPathType());
        var backend = paths.get(0).getBackend().getService();
        assertEquals(K8s.PRIVACY_CENTER, backend.getName());
        Service service = K8s.overlay("prod")
                .find(Service.class, backend.getName())
                .orElseThrow(() -> new AssertionError("prod has no Service " + backend.getName()));
        assertTrue(
                service.getSpec().getPorts().stream()
                        .anyMatch(p -> p.getName().equals(backend.getPort().getName())),
                "the Service has the port the Ingress names");
        assertEquals(
                "true",
                ingress.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/force-ssl-redirect"),
                "plain HTTP is redirected to HTTPS");
        assertTrue(K8s.read(EXAMPLE).contains("FACES THE INTERNET"), "the example says that it faces the internet");
    }

    /** The example's controller is the one mamori-allow-ingress-controller lets reach the pods. */
    @Test
    void theExamplesIngressControllerIsTheOneTheNetworkPoliciesAdmit() {
        Ingress ingress = (Ingress)
                StrictModel.parseAll(K8s.read(EXAMPLE), EXAMPLE.toString()).get(0);
        assertEquals("nginx", ingress.getSpec().getIngressClassName());
        NetworkPolicy allow = K8s.overlay("prod")
                .find(NetworkPolicy.class, "mamori-allow-ingress-controller")
                .orElseThrow();
        assertEquals(
                "ingress-nginx",
                allow.getSpec()
                        .getIngress()
                        .get(0)
                        .getFrom()
                        .get(0)
                        .getNamespaceSelector()
                        .getMatchLabels()
                        .get("kubernetes.io/metadata.name"));
    }
}
