package dev.mamori.e2e.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Database migrations run once per rollout, before the new pods serve: quarkus-kubernetes generates, from each
 * service's Flyway init task, a Job that runs the service's own image only to migrate, an init container in the
 * service's pods that waits until that Job has completed, and the RBAC the wait needs. The service's pods then do
 * not migrate. Outside Kubernetes (bin/mamori, the tests) every service still migrates at start.
 */
class MigrationJobsTest {

    static Stream<Arguments> services() {
        List<Arguments> list = new ArrayList<>();
        for (String overlay : K8s.OVERLAYS) {
            for (String service : K8s.SERVICES) {
                list.add(Arguments.of(overlay, service));
            }
        }
        return list.stream();
    }

    static String jobName(String service) {
        return service + "-flyway-init";
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("services")
    void eachServiceHasAJobThatRunsItsOwnImageAgainstItsOwnDatabaseOnlyToMigrate(String overlay, String service) {
        K8s.Overlay o = K8s.overlay(overlay);
        Job job = o.find(Job.class, jobName(service))
                .orElseThrow(() -> new AssertionError(overlay + " has no Job " + jobName(service)));
        K8s.Workload migration = o.workload(jobName(service));
        Container app = o.workload(service).main();
        Container migrate = migration.main();
        assertEquals(
                app.getImage(), migrate.getImage(), "the Job migrates with the schema of the image being rolled out");
        assertEquals("true", env(migrate, "QUARKUS_INIT_AND_EXIT"), "the Job's process exits once migrated");
        assertEquals("true", env(migrate, "QUARKUS_FLYWAY_ACTIVE"), "the Job runs Flyway");
        assertEquals(env(app, "DB_NAME"), env(migrate, "DB_NAME"), "the Job migrates the service's database");
        assertEquals(
                new java.util.HashSet<>(app.getEnvFrom()),
                new java.util.HashSet<>(migrate.getEnvFrom()),
                "the Job reads the service's ConfigMap and Secret");
        assertTrue(List.of("OnFailure", "Never")
                .contains(migration.template().getSpec().getRestartPolicy()));
        assertNotNull(job.getSpec().getBackoffLimit(), "a migration that keeps failing stops being retried");
        assertEquals(
                "migration",
                job.getMetadata().getLabels().get("app.kubernetes.io/component"),
                "the label the upgrade instructions delete the completed Jobs by");
        // The Job's pod is none of the service's pods: no Service sends it requests, no budget or policy of the
        // service counts it.
        Service svc = o.find(Service.class, service).orElseThrow();
        assertFalse(
                K8s.selects(
                        new io.fabric8.kubernetes.api.model.LabelSelector(
                                null, svc.getSpec().getSelector()),
                        migration.podLabels()),
                "Service " + service + " selects its migration pod");
        assertEquals(
                "mamori",
                migration.podLabels().get(K8s.PART_OF),
                "the Job's pod is the suite's (default deny, DNS, database)");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("services")
    void theServicesPodsWaitForTheirJobAndDoNotMigrateThemselves(String overlay, String service) {
        K8s.Workload w = K8s.overlay(overlay).workload(service);
        List<Container> init = Objects.requireNonNullElse(w.template().getSpec().getInitContainers(), List.of());
        assertEquals(1, init.size(), w + " has one init container");
        Container wait = init.get(0);
        List<String> args = new ArrayList<>(Objects.requireNonNullElse(wait.getCommand(), List.of()));
        args.addAll(Objects.requireNonNullElse(wait.getArgs(), List.of()));
        assertTrue(
                args.containsAll(List.of("job", jobName(service))), w + " waits for " + jobName(service) + ": " + args);
        assertEquals("false", env(w.main(), "QUARKUS_FLYWAY_ACTIVE"), w + " does not migrate: its Job did");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("services")
    void theWaitMayReadOnlyTheServicesOwnJob(String overlay, String service) {
        K8s.Overlay o = K8s.overlay(overlay);
        String account = o.workload(service).template().getSpec().getServiceAccountName();
        List<RoleBinding> bindings = o.all(RoleBinding.class).stream()
                .filter(b -> b.getSubjects().stream()
                        .anyMatch(s -> s.getKind().equals("ServiceAccount")
                                && s.getName().equals(account)))
                .toList();
        assertEquals(1, bindings.size(), service + "'s account has one RoleBinding");
        RoleBinding binding = bindings.get(0);
        assertEquals("Role", binding.getRoleRef().getKind(), "namespaced, never a ClusterRole");
        binding.getSubjects()
                .forEach(s -> assertTrue(
                        s.getNamespace() == null || s.getNamespace().equals(o.namespace()),
                        "subject in " + s.getNamespace()));
        Role role = o.find(Role.class, binding.getRoleRef().getName())
                .orElseThrow(() ->
                        new AssertionError("no Role " + binding.getRoleRef().getName()));
        assertEquals(1, role.getRules().size(), role.getMetadata().getName());
        PolicyRule rule = role.getRules().get(0);
        assertEquals(List.of("batch"), rule.getApiGroups());
        assertEquals(List.of("jobs"), rule.getResources());
        assertEquals(List.of("get"), rule.getVerbs(), "read only");
        assertEquals(List.of(jobName(service)), rule.getResourceNames(), "only its own Job");
    }

    @Test
    void everyRoleOfTheSuiteIsBoundToExactlyOneService() {
        for (String overlay : K8s.OVERLAYS) {
            K8s.Overlay o = K8s.overlay(overlay);
            assertEquals(K8s.SERVICES.size(), o.all(Role.class).size(), overlay + ": one Role per service");
            assertTrue(
                    o.objects().stream().noneMatch(x -> x.getKind().startsWith("Cluster")),
                    overlay + " asks for no cluster-wide rights");
        }
    }

    /**
     * The console and the privacy center hold no data: no migration Job, no init container waiting for one, no Role
     * or RoleBinding, no database name, and no way to the Kubernetes API (the wait-for patch is the services' alone).
     */
    @Test
    void theConsoleAndThePrivacyCenterHaveNoDatabaseAndSoNoMigration() {
        for (String overlay : K8s.OVERLAYS) {
            for (String pages : K8s.PAGES) {
                K8s.Overlay o = K8s.overlay(overlay);
                K8s.Workload console = o.workload(pages);
                assertTrue(o.find(Job.class, jobName(pages)).isEmpty(), overlay + ": a migration Job of " + pages);
                assertTrue(
                        o.migrations().stream().noneMatch(j -> j.name().startsWith(pages)),
                        overlay + ": a migration of " + pages);
                assertTrue(
                        Objects.requireNonNullElse(console.template().getSpec().getInitContainers(), List.of())
                                .isEmpty(),
                        overlay + ": " + pages + " waits for nothing");
                String account = console.template().getSpec().getServiceAccountName();
                assertEquals(pages, account, overlay + ": " + pages + " runs under its own ServiceAccount");
                assertTrue(
                        o.all(RoleBinding.class).stream()
                                .flatMap(b -> b.getSubjects().stream())
                                .noneMatch(s -> s.getName().equals(account)),
                        overlay + ": the account of " + pages + " is bound to a Role");
                Container main = console.main();
                assertTrue(
                        main.getEnv().stream()
                                .noneMatch(e -> e.getName().startsWith("DB_")
                                        || e.getName().startsWith("QUARKUS_FLYWAY")
                                        || e.getName().startsWith("QUARKUS_DATASOURCE")),
                        overlay + ": " + pages + " is given database settings of its own");
            }
        }
    }

    /** Without Kubernetes nothing runs the Jobs: the services must still migrate at start there. */
    @Test
    void outsideKubernetesEveryServiceStillMigratesAtStart() {
        String platform =
                K8s.read(K8s.ROOT.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"));
        assertTrue(platform.lines().anyMatch(l -> l.equals("quarkus.flyway.migrate-at-start=true")));
        assertTrue(platform.lines().anyMatch(l -> l.equals("quarkus.kubernetes.init-task-defaults.enabled=true")));
        for (String service : K8s.SERVICES) {
            String props = K8s.read(K8s.ROOT.resolve(service).resolve("src/main/resources/application.properties"));
            assertTrue(
                    props.lines()
                            .noneMatch(l -> l.matches("^(%prod\\.)?quarkus\\.flyway\\.(active|migrate-at-start)=.*")),
                    service + " turns migration off outside Kubernetes");
        }
    }

    private static String env(Container c, String name) {
        return c.getEnv().stream()
                .filter(e -> e.getName().equals(name))
                .findFirst()
                .map(EnvVar::getValue)
                .orElseThrow(() -> new AssertionError(c.getName() + " has no env " + name));
    }
}
