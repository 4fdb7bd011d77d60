package dev.mamori.e2e.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.launcher.Suite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Each service's image is built by its src/main/docker/Dockerfile.jvm from the packaged application, runs as the
 * user the manifests expect and on the port they probe, and every overlay deploys the image named in one place:
 * the images: of k8s/base/kustomization.yaml.
 */
class ContainerImagesTest {

    static final List<String> PAGES = K8s.PAGES;

    static final List<String> SERVICES = K8s.SERVICES;

    @ParameterizedTest
    @FieldSource("SERVICES")
    void dockerfileBuildsTheQuarkusAppOnAJava17RuntimeAsAnUnprivilegedUser(String service) {
        Path dockerfile = K8s.ROOT.resolve(service).resolve("src/main/docker/Dockerfile.jvm");
        assertTrue(Files.exists(dockerfile), dockerfile + " is missing");
        String text = K8s.read(dockerfile);
        assertTrue(
                Pattern.compile(
                                "(?m)^FROM (registry\\.access\\.redhat\\.com/ubi\\d/openjdk-17-runtime|(docker\\.io/)?eclipse-temurin):[^\\s]+$")
                        .matcher(text)
                        .find(),
                service + " is based on a Java 17 runtime image with a pinned tag");
        for (String part : List.of("lib/", "app/", "quarkus/", "*.jar")) {
            assertTrue(text.contains("target/quarkus-app/" + part), service + " copies target/quarkus-app/" + part);
        }
        assertTrue(text.contains("quarkus-run.jar"), service + " runs quarkus-run.jar");
        K8s.Workload w = K8s.overlay("prod").workload(service);
        assertEquals(
                String.valueOf(w.template().getSpec().getSecurityContext().getRunAsUser()),
                last(text, "(?m)^USER (\\d+)$"),
                service + ": the image's user is the one the pod runs as");
        assertEquals(
                String.valueOf(w.main().getPorts().get(0).getContainerPort()),
                last(text, "(?m)^EXPOSE (\\d+)$"),
                service + ": the image exposes the port the pod probes");
    }

    /**
     * Start-up (issue 18): every image starts the JVM with the launcher's flags ({@code Suite.IMAGE_JVM}: serial
     * collector, small stacks, code cache, a heap of half the container's limit, which the JVM reads itself, starting
     * at an eighth, metaspace's first collection at 128 MiB) and a class-data archive written by the image's own JVM,
     * from the jar's directory, where the archive's relative class path resolves; the Jib build starts it with the
     * same flags. The image trains its archive as the build trains the launcher's (bin/train-class-archive): a full
     * start with those flags and a pod's memory, without migrating. So the bench's start-up figures, taken with the
     * launcher's flags and archive, are those of a pod.
     */
    @ParameterizedTest
    @FieldSource("SERVICES")
    void theImageStartsTheJvmAsTheLauncherDoesWithAnArchiveItsOwnJvmWrote(String service) {
        String text = K8s.read(K8s.ROOT.resolve(service).resolve("src/main/docker/Dockerfile.jvm"));
        String entrypoint = last(text, "(?m)^ENTRYPOINT (.+)$");
        assertTrue(entrypoint != null, service + ": the image has an entrypoint");
        for (String flag : Suite.IMAGE_JVM) {
            assertTrue(entrypoint.contains(" " + flag + " "), service + ": the image's JVM starts with " + flag);
        }
        assertTrue(entrypoint.contains(" -XX:SharedArchiveFile=app-cds.jsa "), service + " maps its archive");
        assertTrue(entrypoint.contains(" -jar quarkus-run.jar"), service + " runs the jar by its relative path");
        assertFalse(entrypoint.contains("MaxRAM="), service + ": in a pod the container's limit sizes the heap");
        assertEquals("/deployments", last(text, "(?m)^WORKDIR (\\S+)$"), service + " runs in the jar's directory");
        String training = text.replace("\\\n", "");
        training =
                training.substring(training.indexOf("\nRUN "), training.indexOf('\n', training.indexOf("\nRUN ") + 1));
        assertTrue(
                training.contains(" -XX:ArchiveClassesAtExit=app-cds.jsa ")
                        && training.contains(" -jar quarkus-run.jar"),
                service + ": the archive is written by the image's JVM (one from the build's JDK would not map)");
        assertFalse(
                training.contains("quarkus.appcds.generate"),
                service + ": the archive is trained by a full start, not only Quarkus's static init");
        assertTrainedLikeTheLauncherStartsIt(service + "'s image", training);
        Map<String, String> platform = properties(
                K8s.read(K8s.ROOT.resolve("platform/src/main/resources/META-INF/microprofile-config.properties")));
        assertEquals("true", platform.get("quarkus.package.jar.appcds.enabled"), "the Jib image gets an archive");
        List<String> jib =
                List.of(platform.get("quarkus.jib.jvm-additional-arguments").split(","));
        assertTrue(jib.containsAll(Suite.IMAGE_JVM), "the Jib image's JVM starts with " + Suite.IMAGE_JVM);
    }

    /**
     * The build trains the archive beside each service's jar, which the launcher, the bench and the e2e tests map,
     * the same way the images train theirs.
     */
    @Test
    void theBuildTrainsTheLaunchersArchiveWithTheLaunchersFlags() {
        String script = K8s.read(K8s.ROOT.resolve("bin/train-class-archive")).replace("\\\n", "");
        assertTrue(script.contains(" -XX:ArchiveClassesAtExit=\"$trained\" "), "bin/train-class-archive archives");
        assertTrainedLikeTheLauncherStartsIt("bin/train-class-archive", script);
        String pom = K8s.read(K8s.ROOT.resolve("pom.xml"));
        assertTrue(pom.contains("bin/train-class-archive"), "the package phase trains the archive");
        for (String service : SERVICES) {
            assertTrue(
                    K8s.read(K8s.ROOT.resolve(service).resolve("pom.xml")).contains("maven-antrun-plugin"),
                    service + " trains its archive at package time");
        }
    }

    /**
     * A training start: the launcher's JVM flags and a pod's memory (an archive maps only into a JVM started with
     * matching settings), no migration (the Job migrates; no database at build time), a closed database port.
     */
    private static void assertTrainedLikeTheLauncherStartsIt(String who, String command) {
        for (String flag : Suite.IMAGE_JVM) {
            assertTrue(command.contains(" " + flag + " "), who + ": the training JVM starts with " + flag);
        }
        assertTrue(command.contains(" -XX:MaxRAM=" + Suite.POD_MEMORY + " "), who + ": trained with a pod's memory");
        assertTrue(command.contains("QUARKUS_FLYWAY_ACTIVE=false"), who + ": the training start does not migrate");
        assertTrue(command.contains("DB_PORT=9 "), who + ": the training start has no database to reach");
    }

    /**
     * The launcher gives each service the memory of its pod, so the heap bound, the decision cache's bound (a
     * quarter of the heap) and the footprint measured locally are a pod's; and the heap (MaxRAMPercentage of the
     * limit) leaves room for what is not heap: metaspace (about 90 MiB for a service), the code cache (64 MiB at
     * most), thread stacks (512 KiB each), the class archive and Netty's buffers.
     */
    @ParameterizedTest
    @FieldSource("SERVICES")
    void theLauncherGivesEachServiceItsPodsMemoryAndTheHeapLeavesRoomForTheRest(String service) {
        for (String overlay : K8s.OVERLAYS) {
            long limit = K8s.overlay(overlay)
                    .workload(service)
                    .main()
                    .getResources()
                    .getLimits()
                    .get("memory")
                    .getNumericalAmount()
                    .longValueExact();
            assertEquals(bytes(Suite.POD_MEMORY), limit, overlay + " " + service + ": the launcher's -XX:MaxRAM");
            int percent = Suite.IMAGE_JVM.stream()
                    .filter(f -> f.startsWith("-XX:MaxRAMPercentage="))
                    .map(f -> Integer.parseInt(f.substring(f.indexOf('=') + 1)))
                    .findFirst()
                    .orElseThrow();
            long heap = limit * percent / 100;
            assertTrue(
                    limit - heap >= 224L << 20,
                    overlay + " " + service + ": a heap of " + (heap >> 20) + " MiB leaves less than 224 MiB of the "
                            + (limit >> 20) + " MiB limit for metaspace, code cache, stacks and buffers");
        }
    }

    private static long bytes(String jvmSize) {
        char unit = Character.toLowerCase(jvmSize.charAt(jvmSize.length() - 1));
        long n = Long.parseLong(jvmSize.substring(0, jvmSize.length() - 1));
        return switch (unit) {
            case 'k' -> n << 10;
            case 'm' -> n << 20;
            case 'g' -> n << 30;
            default -> Long.parseLong(jvmSize);
        };
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void everyOverlayDeploysTheImageNamedInTheBase(String service) {
        Map<String, Object> kustomization = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(K8s.read(K8s.ROOT.resolve("k8s/base/kustomization.yaml")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> images = (List<Map<String, Object>>) kustomization.get("images");
        Map<String, Object> entry = images.stream()
                .filter(i -> i.get("name").equals("docker.io/mamori/" + service))
                .findFirst()
                .orElseThrow(() -> new AssertionError("k8s/base/kustomization.yaml names no image for " + service));
        String expected = entry.get("newName") + ":" + entry.get("newTag");
        for (String overlay : K8s.OVERLAYS) {
            assertEquals(expected, K8s.overlay(overlay).workload(service).main().getImage(), overlay + " " + service);
        }
        String generated =
                K8s.read(K8s.ROOT.resolve("k8s/base").resolve(service).resolve(service + ".yml"));
        assertTrue(
                generated.contains("image: docker.io/mamori/" + service + ":"),
                "quarkus.container-image.* names the image docker.io/mamori/" + service
                        + ", as the base's images: expects");
    }

    /**
     * The console's and the privacy center's images: named in the base's images: like the services' (deployed by
     * every overlay), and built under that name by the module's Jib profile (registry and group set there, as
     * neither has a platform configuration; the name is the application's, the tag the project's version).
     */
    @ParameterizedTest
    @FieldSource("PAGES")
    void everyOverlayDeploysTheImageTheJibBuildOfTheConsoleAndThePrivacyCenterNames(String module) {
        Map<String, Object> kustomization = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(K8s.read(K8s.ROOT.resolve("k8s/base/kustomization.yaml")));
        @SuppressWarnings("unchecked")
        Map<String, Object> entry = ((List<Map<String, Object>>) kustomization.get("images"))
                .stream()
                        .filter(i -> i.get("name").equals("docker.io/mamori/" + module))
                        .findFirst()
                        .orElseThrow(
                                () -> new AssertionError("k8s/base/kustomization.yaml names no image of " + module));
        String expected = entry.get("newName") + ":" + entry.get("newTag");
        for (String overlay : K8s.OVERLAYS) {
            assertEquals(expected, K8s.overlay(overlay).workload(module).main().getImage(), overlay);
        }
        String pom = K8s.read(K8s.ROOT.resolve(module + "/pom.xml"));
        Matcher profile =
                Pattern.compile("(?s)<profile>\\s*<id>jib</id>(.*?)</profile>").matcher(pom);
        assertTrue(profile.find(), module + "/pom.xml has no jib profile");
        String jib = profile.group(1);
        assertTrue(jib.contains("<artifactId>quarkus-container-image-jib</artifactId>"), "the jib profile adds Jib");
        String registry = last(jib, "<quarkus.container-image.registry>([^<]+)<");
        String group = last(jib, "<quarkus.container-image.group>([^<]+)<");
        String props = K8s.read(K8s.ROOT.resolve(module + "/src/main/resources/application.properties"));
        String name = properties(props).get("quarkus.application.name");
        assertFalse(
                props.contains("quarkus.container-image.")
                        || jib.contains("quarkus.container-image.name")
                        || jib.contains("quarkus.container-image.tag"),
                module + "'s image keeps its default name and tag");
        assertEquals(expected, registry + "/" + group + "/" + name + ":" + projectVersion(), "the image Jib builds");
    }

    /**
     * The image a Jib build (-Pjib) produces is the image the manifests deploy: quarkus.container-image.* of the
     * platform configuration (registry, group, the service's name, the project's version as tag) against the
     * images: of k8s/base/kustomization.yaml, and the profile does not rename it.
     */
    @ParameterizedTest
    @FieldSource("SERVICES")
    void theJibBuildAndTheManifestsNameTheSameImage(String service) {
        Map<String, String> platform = properties(
                K8s.read(K8s.ROOT.resolve("platform/src/main/resources/META-INF/microprofile-config.properties")));
        String version = projectVersion();
        String tag = platform.get("quarkus.container-image.tag").replace("${quarkus.application.version}", version);
        String built = platform.get("quarkus.container-image.registry") + "/"
                + platform.get("quarkus.container-image.group") + "/" + service + ":" + tag;
        Map<String, Object> kustomization = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(K8s.read(K8s.ROOT.resolve("k8s/base/kustomization.yaml")));
        @SuppressWarnings("unchecked")
        Map<String, Object> entry = ((List<Map<String, Object>>) kustomization.get("images"))
                .stream()
                        .filter(i -> i.get("name").equals("docker.io/mamori/" + service))
                        .findFirst()
                        .orElseThrow();
        assertEquals(
                entry.get("newName") + ":" + entry.get("newTag"),
                built,
                "the Jib build names " + built + "; k8s/base/kustomization.yaml deploys another image");
        String pom = K8s.read(K8s.ROOT.resolve(service).resolve("pom.xml"));
        Matcher profile =
                Pattern.compile("(?s)<profile>\\s*<id>jib</id>(.*?)</profile>").matcher(pom);
        assertTrue(profile.find(), service + "/pom.xml has no jib profile");
        assertTrue(
                profile.group(1).contains("<artifactId>quarkus-container-image-jib</artifactId>"),
                service + ": the jib profile adds Jib");
        assertFalse(
                profile.group(1).contains("quarkus.container-image.name")
                        || profile.group(1).contains("quarkus.container-image.tag")
                        || profile.group(1).contains("quarkus.container-image.registry")
                        || profile.group(1).contains("quarkus.container-image.group"),
                service + ": the jib profile renames the image");
        String props = K8s.read(K8s.ROOT.resolve(service).resolve("src/main/resources/application.properties"));
        assertFalse(props.contains("quarkus.container-image."), service + " names its image itself");
    }

    private static String projectVersion() {
        String pom = K8s.read(K8s.ROOT.resolve("pom.xml"));
        Matcher m = Pattern.compile("(?s)<artifactId>mamori-parent</artifactId>.*?<version>([^<]+)</version>")
                .matcher(pom);
        assertTrue(m.find(), "the parent pom's version");
        return m.group(1).strip();
    }

    static Map<String, String> properties(String text) {
        Map<String, String> map = new java.util.HashMap<>();
        for (String line : text.lines().toList()) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                map.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return map;
    }

    private static String last(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        String found = null;
        while (m.find()) {
            found = m.group(1);
        }
        return found;
    }
}
