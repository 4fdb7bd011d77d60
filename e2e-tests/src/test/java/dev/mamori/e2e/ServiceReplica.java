package dev.mamori.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.launcher.Database;
import dev.mamori.launcher.Part;
import dev.mamori.launcher.Suite;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One more process of a service against the suite's database, as a cluster runs a second replica: the same jar,
 * JVM options and environment the launcher gives the service, on a port of its own, with a pid file so that a run
 * whose JVM dies leaves nothing the next suite start does not clean up.
 */
final class ServiceReplica implements AutoCloseable {

    private final Process process;
    private final Path pidFile;
    private final String url;

    private ServiceReplica(Process process, Path pidFile, String url) {
        this.process = process;
        this.pidFile = pidFile;
        this.url = url;
    }

    /** Starts the replica and returns once it answers ready; {@code extraEnv} adds to (or overrides) the launcher's. */
    static ServiceReplica start(Suite suite, Part service, int port, Map<String, String> extraEnv) throws Exception {
        String name = service.id() + "-replica-2";
        Database db = suite.database();
        Path jar = suite.root().resolve(service.id() + "/target/quarkus-app/quarkus-run.jar");
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Dmamori.suite=" + suite.dataDir()));
        cmd.addAll(Suite.leanJvm(jar));
        String opts = System.getenv("MAMORI_SERVICE_JAVA_OPTS");
        if (opts != null && !opts.isBlank()) {
            cmd.addAll(List.of(opts.trim().split("\\s+")));
        }
        cmd.addAll(List.of("-jar", jar.toString()));
        // The launcher's working directory too: the build's class-data archive maps only from the jar's directory.
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(Suite.workDir(jar).toFile())
                .redirectErrorStream(true)
                .redirectOutput(suite.dataDir().resolve("logs/" + name + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.put("DB_HOST", db.host());
        env.put("DB_PORT", Integer.toString(db.port()));
        env.put("DB_NAME", service.database());
        env.put("DB_USER", db.user());
        env.put("DB_PASSWORD", db.password());
        env.put("OIDC_AUTH_SERVER_URL", suite.issuer());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.putAll(extraEnv);
        Process process = pb.start();
        Path pidFile = suite.dataDir().resolve("run").resolve(name + ".pid");
        Files.createDirectories(pidFile.getParent());
        Files.writeString(pidFile, process.pid() + "\n");
        ServiceReplica replica = new ServiceReplica(process, pidFile, "http://localhost:" + port);

        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> ready = http.send(
                        HttpRequest.newBuilder(URI.create(replica.url + "/q/health/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return replica;
                }
            } catch (IOException notYet) {
                // still starting
            }
            assertTrue(
                    process.isAlive(),
                    "the second " + service.id() + " replica exited; see logs/" + name
                            + ".log in the suite's data folder");
            Thread.sleep(250);
        }
        replica.close();
        throw new AssertionError("the second " + service.id() + " replica did not become ready");
    }

    String url() {
        return url;
    }

    @Override
    public void close() throws InterruptedException, IOException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
        Files.deleteIfExists(pidFile);
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : ""))
                .toString();
    }
}
