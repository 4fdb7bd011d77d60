package dev.mamori.e2e.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every container of every overlay runs like a production pod should: health probes, resource requests and limits,
 * not root, no privilege escalation, no capabilities, seccomp RuntimeDefault, a read-only root filesystem with a
 * writable /tmp, no service-account token and nothing of the host. (These are the "restricted" Pod Security
 * Standard and then some; the overlays' namespaces also enforce "restricted" at admission.)
 */
class PodSecurityTest {

    /**
     * The one container allowed a writable root filesystem: the development overlay's Keycloak, whose `start-dev`
     * rebuilds its Quarkus application under /opt/keycloak at start. It is in no other overlay.
     */
    private static final Set<String> WRITABLE_ROOT_FILESYSTEM = Set.of("dev:Deployment/keycloak:keycloak");

    static Stream<Arguments> containers() {
        List<Arguments> list = new ArrayList<>();
        for (String overlay : K8s.OVERLAYS) {
            for (K8s.Workload w : K8s.overlay(overlay).workloads()) {
                for (Container c : w.allContainers()) {
                    list.add(Arguments.of(overlay, w, c.getName()));
                }
            }
        }
        return list.stream();
    }

    static Stream<Arguments> workloads() {
        return K8s.OVERLAYS.stream()
                .flatMap(o -> K8s.overlay(o).workloads().stream().map(w -> Arguments.of(o, w)));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("containers")
    void everyContainerHasStartupLivenessAndReadinessProbesOnItsOwnPorts(String overlay, K8s.Workload w, String name) {
        Container c = container(w, name);
        if (w.kind().equals("Job") || w.isInit(c)) {
            // Runs to completion: nothing serves, and a liveness probe would kill a long migration halfway.
            assertTrue(
                    c.getStartupProbe() == null && c.getLivenessProbe() == null && c.getReadinessProbe() == null,
                    w + " " + name + " runs to completion and has no probes");
            assertNotNull(
                    w.kind().equals("Job") ? w.template().getSpec().getRestartPolicy() : "init",
                    w + " says how it restarts");
            return;
        }
        for (Probe probe : new Probe[] {c.getStartupProbe(), c.getLivenessProbe(), c.getReadinessProbe()}) {
            assertNotNull(probe, w + " " + name + " lacks a startup, liveness or readiness probe");
            if (probe.getHttpGet() != null) {
                assertPortOf(c, probe.getHttpGet().getPort(), w + " " + name + " probes a port it does not have");
            } else {
                assertTrue(
                        probe.getExec() != null || probe.getTcpSocket() != null || probe.getGrpc() != null,
                        w + " " + name);
            }
            assertTrue(
                    probe.getPeriodSeconds() != null
                            && probe.getTimeoutSeconds() != null
                            && probe.getTimeoutSeconds() < probe.getPeriodSeconds(),
                    w + " " + name + ": a probe times out within its period");
        }
        if (c.getLivenessProbe().getHttpGet() != null && c.getReadinessProbe().getHttpGet() != null) {
            assertNotEquals(
                    c.getLivenessProbe().getHttpGet().getPath(),
                    c.getReadinessProbe().getHttpGet().getPath(),
                    w + " " + name + ": liveness (is it stuck?) and readiness (can it serve?) are different checks");
        }
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("containers")
    void everyContainerRequestsAndIsLimitedInCpuAndMemory(String overlay, K8s.Workload w, String name) {
        var resources = container(w, name).getResources();
        assertNotNull(resources, w + " " + name);
        for (String r : List.of("cpu", "memory")) {
            assertNotNull(resources.getRequests().get(r), w + " " + name + " requests no " + r);
            assertNotNull(resources.getLimits().get(r), w + " " + name + " has no " + r + " limit");
            assertTrue(
                    resources
                                    .getRequests()
                                    .get(r)
                                    .getNumericalAmount()
                                    .compareTo(resources.getLimits().get(r).getNumericalAmount())
                            <= 0,
                    w + " " + name + ": " + r + " request above its limit");
        }
        assertEquals(
                resources.getRequests().get("memory").getNumericalAmount(),
                resources.getLimits().get("memory").getNumericalAmount(),
                w + " " + name
                        + ": memory request equals the limit (no overcommitted memory, no OOM kill under node pressure)");
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("containers")
    void everyContainerRunsAsNonRootWithoutPrivilegesOrCapabilities(String overlay, K8s.Workload w, String name) {
        Container c = container(w, name);
        PodSecurityContext pod =
                Objects.requireNonNullElse(w.template().getSpec().getSecurityContext(), new PodSecurityContext());
        SecurityContext sc = c.getSecurityContext();
        assertNotNull(sc, w + " " + name + " has no security context");
        assertTrue(
                Boolean.TRUE.equals(sc.getRunAsNonRoot()) || Boolean.TRUE.equals(pod.getRunAsNonRoot()),
                w + " " + name + " may run as root");
        Long uid = sc.getRunAsUser() != null ? sc.getRunAsUser() : pod.getRunAsUser();
        assertTrue(
                uid != null && uid > 0,
                w + " " + name + " names no non-root user (runAsNonRoot alone fails for images whose user is a name)");
        assertEquals(Boolean.FALSE, sc.getAllowPrivilegeEscalation(), w + " " + name + " may escalate privileges");
        assertFalse(Boolean.TRUE.equals(sc.getPrivileged()), w + " " + name + " is privileged");
        assertNotNull(sc.getCapabilities(), w + " " + name + " keeps the default capabilities");
        assertEquals(
                List.of("ALL"), sc.getCapabilities().getDrop(), w + " " + name + " does not drop ALL capabilities");
        assertTrue(
                sc.getCapabilities().getAdd() == null
                        || sc.getCapabilities().getAdd().isEmpty(),
                w + " " + name + " adds capabilities");
        var seccomp = sc.getSeccompProfile() != null ? sc.getSeccompProfile() : pod.getSeccompProfile();
        assertNotNull(seccomp, w + " " + name + " has no seccomp profile");
        assertEquals("RuntimeDefault", seccomp.getType(), w + " " + name);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("containers")
    void everyContainerHasAReadOnlyRootFilesystemAndWritesOnlyToItsOwnVolumes(
            String overlay, K8s.Workload w, String name) {
        Container c = container(w, name);
        String id = overlay + ":" + w + ":" + name;
        if (WRITABLE_ROOT_FILESYSTEM.contains(id)) {
            assertEquals(Boolean.FALSE, c.getSecurityContext().getReadOnlyRootFilesystem(), id);
            return;
        }
        assertEquals(
                Boolean.TRUE,
                c.getSecurityContext().getReadOnlyRootFilesystem(),
                w + " " + name + " can write to its root filesystem");
        VolumeMount tmp = c.getVolumeMounts().stream()
                .filter(m -> m.getMountPath().equals("/tmp"))
                .findFirst()
                .orElseThrow(() ->
                        new AssertionError(w + " " + name + " has no writable /tmp (Quarkus and the JVM need one)"));
        Volume volume = volume(w.template().getSpec(), tmp.getName());
        assertNotNull(volume.getEmptyDir(), w + " " + name + ": /tmp is an emptyDir");
        assertFalse(Boolean.TRUE.equals(tmp.getReadOnly()), w + " " + name + ": /tmp is writable");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("workloads")
    void noPodMountsAServiceAccountTokenOrTouchesTheHost(String overlay, K8s.Workload w) {
        PodSpec spec = w.template().getSpec();
        assertEquals(
                Boolean.FALSE,
                spec.getAutomountServiceAccountToken(),
                w + " mounts a service-account token it never uses");
        assertFalse(
                Boolean.TRUE.equals(spec.getHostNetwork())
                        || Boolean.TRUE.equals(spec.getHostPID())
                        || Boolean.TRUE.equals(spec.getHostIPC()),
                w + " shares a host namespace");
        for (Volume v : spec.getVolumes()) {
            assertTrue(v.getHostPath() == null, w + " mounts a host path");
        }
        for (Container c : w.allContainers()) {
            for (ContainerPort p : c.getPorts()) {
                assertTrue(p.getHostPort() == null, w + " binds a host port");
            }
            assertTrue(
                    c.getImage().matches("[^:@]+(:[^:@/]+|@sha256:[0-9a-f]{64})")
                            && !c.getImage().endsWith(":latest"),
                    w + " " + c.getName() + " image " + c.getImage() + " is not pinned to a tag");
        }
        assertEquals(
                Boolean.FALSE,
                spec.getEnableServiceLinks(),
                w + ": other Services' addresses do not leak into the environment");
        // The one container that needs the Kubernetes API is a service's wait-for init container (it reads its
        // migration Job); it alone mounts a token, through a projected volume, and the service itself never does.
        Set<String> tokenVolumes = new java.util.HashSet<>();
        for (Volume v : spec.getVolumes()) {
            if (v.getProjected() != null
                    && v.getProjected().getSources().stream().anyMatch(src -> src.getServiceAccountToken() != null)) {
                tokenVolumes.add(v.getName());
            }
            assertTrue(
                    v.getSecret() == null || !v.getSecret().getSecretName().contains("token"),
                    w + " mounts a token Secret");
        }
        for (Container c : w.allContainers()) {
            boolean mounts = c.getVolumeMounts().stream().anyMatch(m -> tokenVolumes.contains(m.getName()));
            if (mounts) {
                assertTrue(w.isService() && w.isInit(c), w + " " + c.getName() + " mounts a service-account token");
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("workloads")
    void servicesRunAsTheUserTheirImageDeclares(String overlay, K8s.Workload w) {
        if (w.isDeploymentOfTheSuite() || w.isMigration()) {
            assertEquals(
                    185L,
                    w.template().getSpec().getSecurityContext().getRunAsUser(),
                    w + ": src/main/docker/Dockerfile.jvm says USER 185");
        }
        if (w.isDeploymentOfTheSuite()) {
            assertEquals(
                    w.name(), w.template().getSpec().getServiceAccountName(), w + " runs under its own ServiceAccount");
        }
    }

    /**
     * The console and the privacy center are written by hand, not generated: the checks above apply to them only if
     * they are among the workloads they walk, in every overlay, each with its one container.
     */
    @org.junit.jupiter.api.Test
    void theHandWrittenConsoleAndPrivacyCenterAreCheckedLikeEveryGeneratedService() {
        for (String overlay : K8s.OVERLAYS) {
            for (String pages : K8s.PAGES) {
                K8s.Workload w = K8s.overlay(overlay).workload(pages);
                assertTrue(
                        w.isDeploymentOfTheSuite() && !w.isService(),
                        overlay + ": " + pages + " is a Deployment of the suite without a database");
                assertEquals(
                        List.of(pages),
                        w.allContainers().stream().map(Container::getName).toList(),
                        overlay + ": " + pages + " runs one container and no init container");
                assertTrue(
                        containers()
                                .anyMatch(a ->
                                        a.get()[0].equals(overlay) && a.get()[1].equals(w) && a.get()[2].equals(pages)),
                        overlay + ": the container of " + pages + " is among those checked");
            }
        }
        assertTrue(K8s.overlay("dev").workload(K8s.CONSOLE).isConsole());
        assertTrue(K8s.overlay("dev").workload(K8s.PRIVACY_CENTER).isPrivacyCenter());
    }

    private static Container container(K8s.Workload w, String name) {
        return w.allContainers().stream()
                .filter(c -> c.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static Volume volume(PodSpec spec, String name) {
        return spec.getVolumes().stream()
                .filter(v -> v.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + name));
    }

    private static void assertPortOf(Container c, IntOrString port, String message) {
        boolean found = c.getPorts().stream()
                .anyMatch(p -> port.getIntVal() != null
                        ? port.getIntVal().equals(p.getContainerPort())
                        : port.getStrVal().equals(p.getName()));
        assertTrue(found, message + ": " + (port.getIntVal() != null ? port.getIntVal() : port.getStrVal()));
    }
}
