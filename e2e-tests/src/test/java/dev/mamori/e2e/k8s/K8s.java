package dev.mamori.e2e.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The repository's Kubernetes files as the tests see them: the committed rendering of each overlay
 * (k8s/rendered/&lt;overlay&gt;.yaml, written by bin/regen-k8s), parsed with the Kubernetes API model in strict mode.
 */
final class K8s {

    static final Path ROOT =
            Path.of(System.getProperty("mamori.root", "..")).toAbsolutePath().normalize();
    static final List<String> SERVICES = List.of(
            "consent-service", "incident-service", "request-service", "retention-service", "thirdparty-service");
    /**
     * The staff console: a Deployment of the suite like the services, but with no database (so no migration Job, no
     * wait-for init container, no Role) and written by hand (k8s/base/console), not generated.
     */
    static final String CONSOLE = "console";
    /** The services the console calls (its pages are answers of their public APIs). */
    static final List<String> CONSOLE_CALLS = List.of(
            "consent-service", "incident-service", "request-service", "retention-service", "thirdparty-service");
    /**
     * The privacy center: the public pages of each client company, facing the internet. Like the console a
     * hand-written Deployment (k8s/base/privacy-center) with no database; it calls two services with its own
     * client-credentials token.
     */
    static final String PRIVACY_CENTER = "privacy-center";
    /** The services the privacy center calls: online filings and request settings; tenant policy and purposes. */
    static final List<String> PRIVACY_CENTER_CALLS = List.of("consent-service", "request-service");
    /** The Deployments of the suite that hold no data (no database, migration Job, wait-for or Role). */
    static final List<String> PAGES = List.of(CONSOLE, PRIVACY_CENTER);
    /** Every Deployment of the suite: the services, the console and the privacy center. */
    static final List<String> DEPLOYMENTS =
            Stream.concat(SERVICES.stream(), PAGES.stream()).sorted().toList();

    static final List<String> OVERLAYS = List.of("dev", "prod");
    /** The label quarkus-kubernetes puts on every object of the suite (quarkus.kubernetes.part-of). */
    static final String PART_OF = "app.kubernetes.io/part-of";

    static final String NAME = "app.kubernetes.io/name";

    private static final Map<String, Overlay> CACHE = new ConcurrentHashMap<>();

    private K8s() {}

    static Path rendered(String overlay) {
        return ROOT.resolve("k8s/rendered").resolve(overlay + ".yaml");
    }

    /** The committed rendering of an overlay, every object validated by {@link StrictModel}. */
    static Overlay overlay(String overlay) {
        return CACHE.computeIfAbsent(
                overlay,
                o -> new Overlay(
                        o, StrictModel.parseAll(read(rendered(o)), rendered(o).toString())));
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The digest bin/regen-k8s writes into each rendering: for each file under k8s/base, k8s/components and
     * k8s/overlays (an overlay may use a component), in byte
     * order of its path relative to the repository, a line with the path and a line with the hex SHA-256 of its
     * content; the hex SHA-256 of all those lines.
     */
    static String inputsDigest() {
        try (Stream<Path> files =
                Stream.of("k8s/base", "k8s/components", "k8s/overlays").flatMap(K8s::walk)) {
            List<String> paths = files.filter(Files::isRegularFile)
                    .map(p -> ROOT.relativize(p).toString().replace('\\', '/'))
                    .sorted(K8s::compareBytes)
                    .toList();
            StringBuilder lines = new StringBuilder();
            for (String path : paths) {
                lines.append(path)
                        .append('\n')
                        .append(sha256(Files.readAllBytes(ROOT.resolve(path))))
                        .append('\n');
            }
            return sha256(lines.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Path> walk(String dir) {
        try {
            return Files.walk(ROOT.resolve(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int compareBytes(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a label selector selects an object with these labels (matchLabels and matchExpressions). */
    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, String> have = labels == null ? Map.of() : labels;
        if (selector.getMatchLabels() != null) {
            for (var e : selector.getMatchLabels().entrySet()) {
                if (!e.getValue().equals(have.get(e.getKey()))) {
                    return false;
                }
            }
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
                String value = have.get(r.getKey());
                boolean ok =
                        switch (r.getOperator()) {
                            case "In" -> value != null && r.getValues().contains(value);
                            case "NotIn" -> value == null || !r.getValues().contains(value);
                            case "Exists" -> value != null;
                            case "DoesNotExist" -> value == null;
                            default -> throw new AssertionError("unknown selector operator " + r.getOperator());
                        };
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A Deployment, StatefulSet or Job with its pod template. */
    record Workload(
            String kind,
            String name,
            Map<String, String> labels,
            PodTemplateSpec template,
            Integer replicas,
            LabelSelector selector) {

        /**
         * One of the five services (a Deployment of the suite other than the console and the privacy center: each
         * has a database).
         */
        boolean isService() {
            return isDeploymentOfTheSuite() && !PAGES.contains(name);
        }

        /** The staff console's Deployment. */
        boolean isConsole() {
            return isDeploymentOfTheSuite() && name.equals(CONSOLE);
        }

        /** The privacy center's Deployment. */
        boolean isPrivacyCenter() {
            return isDeploymentOfTheSuite() && name.equals(PRIVACY_CENTER);
        }

        /** A service, the console or the privacy center. */
        boolean isDeploymentOfTheSuite() {
            return "mamori".equals(labels.get(PART_OF)) && kind.equals("Deployment");
        }

        /** A service's database migration Job (generated by quarkus-kubernetes from its Flyway init task). */
        boolean isMigration() {
            return "mamori".equals(labels.get(PART_OF)) && kind.equals("Job");
        }

        /** Whether the container runs to completion before the others start (an init container). */
        boolean isInit(Container c) {
            return Objects.requireNonNullElse(template.getSpec().getInitContainers(), List.<Container>of())
                    .contains(c);
        }

        List<Container> allContainers() {
            List<Container> all = new ArrayList<>(template.getSpec().getContainers());
            all.addAll(Objects.requireNonNullElse(template.getSpec().getInitContainers(), List.of()));
            return all;
        }

        Container main() {
            return template.getSpec().getContainers().get(0);
        }

        Map<String, String> podLabels() {
            return template.getMetadata().getLabels();
        }

        @Override
        public String toString() {
            return kind + "/" + name;
        }
    }

    /** The objects of one rendered overlay. */
    record Overlay(String name, List<HasMetadata> objects) {

        <T extends HasMetadata> List<T> all(Class<T> type) {
            return objects.stream().filter(type::isInstance).map(type::cast).toList();
        }

        <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
            return all(type).stream()
                    .filter(o -> o.getMetadata().getName().equals(name))
                    .findFirst();
        }

        /** The object a generated name (kustomize appends -&lt;hash&gt; to generated ConfigMaps and Secrets) refers to. */
        <T extends HasMetadata> Optional<T> findGenerated(Class<T> type, String name) {
            return all(type).stream()
                    .filter(o -> o.getMetadata().getName().equals(name)
                            || o.getMetadata().getName().matches(java.util.regex.Pattern.quote(name) + "-[a-z0-9]{10}"))
                    .findFirst();
        }

        String namespace() {
            return objects.stream()
                    .filter(o -> "Namespace".equals(o.getKind()))
                    .map(o -> o.getMetadata().getName())
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(name + " has no Namespace"));
        }

        List<Workload> workloads() {
            List<Workload> list = new ArrayList<>();
            for (Deployment d : all(Deployment.class)) {
                list.add(new Workload(
                        "Deployment",
                        d.getMetadata().getName(),
                        labels(d),
                        d.getSpec().getTemplate(),
                        d.getSpec().getReplicas(),
                        d.getSpec().getSelector()));
            }
            for (StatefulSet s : all(StatefulSet.class)) {
                list.add(new Workload(
                        "StatefulSet",
                        s.getMetadata().getName(),
                        labels(s),
                        s.getSpec().getTemplate(),
                        s.getSpec().getReplicas(),
                        s.getSpec().getSelector()));
            }
            for (Job j : all(Job.class)) {
                list.add(new Workload(
                        "Job",
                        j.getMetadata().getName(),
                        labels(j),
                        j.getSpec().getTemplate(),
                        null,
                        j.getSpec().getSelector()));
            }
            return list;
        }

        List<Workload> services() {
            return workloads().stream().filter(Workload::isService).toList();
        }

        /** The services, the console and the privacy center. */
        List<Workload> deploymentsOfTheSuite() {
            return workloads().stream().filter(Workload::isDeploymentOfTheSuite).toList();
        }

        List<Workload> migrations() {
            return workloads().stream().filter(Workload::isMigration).toList();
        }

        Workload workload(String name) {
            return workloads().stream()
                    .filter(w -> w.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(this.name + " has no workload " + name));
        }

        private static Map<String, String> labels(HasMetadata o) {
            return o.getMetadata().getLabels() == null
                    ? Map.of()
                    : o.getMetadata().getLabels();
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
