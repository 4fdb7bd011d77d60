package dev.mamori.e2e.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every service, and the staff console, can run as several replicas and survives node drains and rollouts: a PodDisruptionBudget, a
 * HorizontalPodAutoscaler, replicas spread over nodes, rollouts that never take a ready pod away first, and a
 * Service in front. Production never runs fewer than two replicas of anything.
 */
class AvailabilityTest {

    /**
     * The services, the console and the privacy center: the staff and the public pages must survive a drain and a
     * rollout like the APIs they show.
     */
    static Stream<Arguments> services() {
        List<Arguments> list = new ArrayList<>();
        for (String overlay : K8s.OVERLAYS) {
            for (String service : K8s.DEPLOYMENTS) {
                list.add(Arguments.of(overlay, service));
            }
        }
        return list.stream();
    }

    @Test
    void everyOverlayRunsEveryServiceAsADeployment() {
        for (String overlay : K8s.OVERLAYS) {
            assertEquals(
                    K8s.SERVICES,
                    K8s.overlay(overlay).services().stream()
                            .map(K8s.Workload::name)
                            .sorted()
                            .toList(),
                    overlay);
            assertTrue(
                    K8s.overlay(overlay).services().stream()
                            .allMatch(w -> w.kind().equals("Deployment")),
                    overlay);
            assertEquals(
                    K8s.DEPLOYMENTS,
                    K8s.overlay(overlay).deploymentsOfTheSuite().stream()
                            .map(K8s.Workload::name)
                            .sorted()
                            .toList(),
                    overlay + " runs the services, the console and the privacy center, and nothing else as a"
                            + " Deployment of the suite");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("services")
    void everyServiceHasADisruptionBudgetForItsOwnPodsThatLetsANodeDrain(String overlay, String service) {
        K8s.Overlay o = K8s.overlay(overlay);
        K8s.Workload w = o.workload(service);
        List<PodDisruptionBudget> budgets = o.all(PodDisruptionBudget.class).stream()
                .filter(p -> K8s.selects(p.getSpec().getSelector(), w.podLabels()))
                .toList();
        assertEquals(1, budgets.size(), w + " is covered by exactly one PodDisruptionBudget");
        PodDisruptionBudget pdb = budgets.get(0);
        for (K8s.Workload other : o.workloads()) {
            if (!other.name().equals(w.name())) {
                assertFalse(
                        K8s.selects(pdb.getSpec().getSelector(), other.podLabels()),
                        pdb.getMetadata().getName() + " also selects " + other);
            }
        }
        assertNotNull(
                pdb.getSpec().getMaxUnavailable(),
                "maxUnavailable (a minAvailable equal to the replicas would block drains)");
        assertEquals(
                1,
                pdb.getSpec().getMaxUnavailable().getIntVal(),
                pdb.getMetadata().getName());
        assertEquals(
                "AlwaysAllow",
                pdb.getSpec().getUnhealthyPodEvictionPolicy(),
                "a pod that is not ready never blocks a drain");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("services")
    void everyServiceHasAnAutoscalerOnCpu(String overlay, String service) {
        K8s.Overlay o = K8s.overlay(overlay);
        List<HorizontalPodAutoscaler> hpas = o.all(HorizontalPodAutoscaler.class).stream()
                .filter(h -> h.getSpec().getScaleTargetRef().getKind().equals("Deployment")
                        && h.getSpec().getScaleTargetRef().getName().equals(service))
                .toList();
        assertEquals(1, hpas.size(), service + " has exactly one HorizontalPodAutoscaler");
        var spec = hpas.get(0).getSpec();
        assertEquals("apps/v1", spec.getScaleTargetRef().getApiVersion());
        assertTrue(
                spec.getMinReplicas() >= 1 && spec.getMinReplicas() < spec.getMaxReplicas(),
                "min " + spec.getMinReplicas() + " < max " + spec.getMaxReplicas());
        assertTrue(
                spec.getMetrics().stream()
                        .anyMatch(m -> m.getResource() != null
                                && m.getResource().getName().equals("cpu")
                                && m.getResource().getTarget().getAverageUtilization() != null),
                service + " scales on CPU utilisation");
        assertNull(
                o.workload(service).replicas(),
                service + ": the autoscaler owns the replica count, so the Deployment "
                        + "sets none (a replicas field would reset the autoscaler's choice at every kubectl apply)");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("services")
    void everyServicePrefersItsReplicasOnDifferentNodes(String overlay, String service) {
        K8s.Overlay o = K8s.overlay(overlay);
        K8s.Workload w = o.workload(service);
        var affinity = w.template().getSpec().getAffinity();
        assertNotNull(affinity, w + " has no affinity");
        assertNotNull(affinity.getPodAntiAffinity(), w + " has no pod anti-affinity");
        List<PodAffinityTerm> terms =
                new ArrayList<>(affinity.getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution());
        affinity.getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution().stream()
                .map(WeightedPodAffinityTerm::getPodAffinityTerm)
                .forEach(terms::add);
        PodAffinityTerm term = terms.stream()
                .filter(t -> "kubernetes.io/hostname".equals(t.getTopologyKey()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(w + " has no anti-affinity across nodes"));
        assertTrue(
                K8s.selects(term.getLabelSelector(), w.podLabels()),
                w + "'s anti-affinity does not select its own pods");
        for (K8s.Workload other : o.workloads()) {
            if (!other.name().equals(w.name())) {
                assertFalse(
                        K8s.selects(term.getLabelSelector(), other.podLabels()),
                        w + "'s anti-affinity also repels " + other);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("services")
    void everyRolloutStartsANewPodBeforeItStopsAnOldOne(String overlay, String service) {
        Deployment d = K8s.overlay(overlay).find(Deployment.class, service).orElseThrow();
        assertEquals("RollingUpdate", d.getSpec().getStrategy().getType());
        var unavailable = d.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable();
        assertTrue(
                unavailable.getIntVal() != null
                        ? unavailable.getIntVal() == 0
                        : unavailable.getStrVal().equals("0%"),
                service + " maxUnavailable is 0");
        var surge = d.getSpec().getStrategy().getRollingUpdate().getMaxSurge();
        assertFalse(
                surge.getIntVal() != null
                        ? surge.getIntVal() == 0
                        : surge.getStrVal().equals("0%"),
                service + " maxSurge is above 0");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("services")
    void everyServiceIsReachableThroughAServiceOnItsHttpPort(String overlay, String service) {
        K8s.Overlay o = K8s.overlay(overlay);
        K8s.Workload w = o.workload(service);
        Service svc = o.find(Service.class, service).orElseThrow(() -> new AssertionError("no Service " + service));
        assertTrue(K8s.selects(
                new io.fabric8.kubernetes.api.model.LabelSelector(
                        null, svc.getSpec().getSelector()),
                w.podLabels()));
        var port = svc.getSpec().getPorts().stream()
                .filter(p -> "http".equals(p.getName()))
                .findFirst()
                .orElseThrow();
        assertEquals(80, port.getPort(), "the services call each other at http://<service> (port 80)");
        int target =
                port.getTargetPort().getIntVal() != null ? port.getTargetPort().getIntVal() : -1;
        assertTrue(
                w.main().getPorts().stream()
                        .anyMatch(p -> p.getContainerPort() == target
                                || p.getName().equals(port.getTargetPort().getStrVal())),
                service + "'s Service targets a port the container has");
    }

    @Test
    void productionNeverAutoscalesBelowTwoReplicas() {
        K8s.Overlay prod = K8s.overlay("prod");
        assertEquals(
                K8s.DEPLOYMENTS.size(), prod.all(HorizontalPodAutoscaler.class).size());
        for (HorizontalPodAutoscaler h : prod.all(HorizontalPodAutoscaler.class)) {
            assertEquals(2, h.getSpec().getMinReplicas(), h.getMetadata().getName());
        }
    }

    /**
     * A pod being deleted leaves the Service's endpoints while it receives SIGTERM; kube-proxies and ingress
     * controllers notice a few seconds later. A preStop pause keeps it serving meanwhile, within its grace period.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("services")
    void everyServiceKeepsServingWhileItIsTakenOutOfItsEndpoints(String overlay, String service) {
        K8s.Workload w = K8s.overlay(overlay).workload(service);
        var lifecycle = w.main().getLifecycle();
        assertNotNull(lifecycle, w + " has no lifecycle hooks");
        assertNotNull(lifecycle.getPreStop(), w + " has no preStop hook");
        assertNotNull(lifecycle.getPreStop().getExec(), w + " preStop runs a command");
        List<String> command = lifecycle.getPreStop().getExec().getCommand();
        assertEquals("sleep", command.get(0), w + " preStop pauses");
        int pause = Integer.parseInt(command.get(1));
        long grace = w.template().getSpec().getTerminationGracePeriodSeconds();
        assertTrue(
                pause >= 3 && pause + 15 <= grace,
                w + ": a pause of " + pause + " s leaves time for a graceful " + "shutdown within the " + grace
                        + " s grace period");
    }

    @Test
    void productionHasNoDatabaseOrIdentityProviderOfItsOwn() {
        K8s.Overlay prod = K8s.overlay("prod");
        assertEquals(
                K8s.DEPLOYMENTS,
                prod.workloads().stream()
                        .filter(w -> !w.isMigration())
                        .map(K8s.Workload::name)
                        .sorted()
                        .toList(),
                "prod runs only the five services, the console and the privacy center; the database and the OIDC"
                        + " provider are the company's");
    }

    @Test
    void developmentRunsOneOfEachAndItsSingleInstanceDatabaseAndKeycloak() {
        K8s.Overlay dev = K8s.overlay("dev");
        for (HorizontalPodAutoscaler h : dev.all(HorizontalPodAutoscaler.class)) {
            assertEquals(1, h.getSpec().getMinReplicas(), h.getMetadata().getName());
        }
        assertEquals("StatefulSet", dev.workload("postgres").kind());
        assertEquals(1, dev.workload("postgres").replicas());
        Deployment keycloak = dev.find(Deployment.class, "keycloak").orElseThrow();
        assertEquals(1, keycloak.getSpec().getReplicas(), "one Keycloak: a second would have its own realm keys");
        assertEquals(
                "Recreate",
                keycloak.getSpec().getStrategy().getType(),
                "never two Keycloaks at once, not even during a rollout");
    }
}
