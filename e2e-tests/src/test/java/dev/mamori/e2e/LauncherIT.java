package dev.mamori.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The README's first command as a newcomer types it: {@code bin/mamori up --detach}, then {@code status},
 * {@code token}, {@code down}. It runs the real script on ports and a data folder of its own, so it shares nothing
 * with the suite the other scenarios use.
 */
class LauncherIT {

    private static final Path ROOT =
            Path.of(System.getProperty("mamori.root", ".")).toAbsolutePath().normalize();
    private static final Path DATA = ROOT.resolve("e2e-tests").resolve("target").resolve("launcher-it");
    private static final int CONSENT_PORT = 28081;
    private static final List<String> PORTS = List.of(
            "--port",
            "postgres=25433",
            "--port",
            "keycloak=28180",
            "--port",
            "keycloak-management=29180",
            "--port",
            "mail=28025",
            "--port",
            "mail-imap=28143",
            "--port",
            "consent-service=" + CONSENT_PORT,
            "--port",
            "request-service=28082",
            "--port",
            "retention-service=28083",
            "--port",
            "thirdparty-service=28084",
            "--port",
            "incident-service=28085",
            "--port",
            "console=28090",
            "--port",
            "privacy-center=28091");

    private record Run(int exit, String output) {}

    @AfterAll
    static void stopWhateverIsLeft() throws Exception {
        mamori(Duration.ofMinutes(2), "down");
    }

    @Test
    void shouldStartTheSuiteInTheBackgroundReportItHandOutTokensAndStopIt() throws Exception {
        // A part whose port is taken: up --detach says which and exits non-zero, and leaves nothing running.
        try (ServerSocket taken = new ServerSocket(CONSENT_PORT)) {
            Run refused = mamori(Duration.ofMinutes(10), up("--fresh"));
            assertNotEquals(0, refused.exit(), refused.output());
            assertTrue(
                    refused.output().contains("Port " + CONSENT_PORT)
                            && refused.output().contains("already in use"),
                    refused.output());
        }
        try (ServerSocket postgres = new ServerSocket(25433)) {
            assertTrue(postgres.isBound(), "a refused start leaves no PostgreSQL running");
        }

        Run up = mamori(Duration.ofMinutes(15), up());
        assertEquals(0, up.exit(), up.output());
        assertTrue(up.output().contains("http://localhost:" + CONSENT_PORT + "/q/swagger-ui"), up.output());
        assertTrue(up.output().contains("bin/mamori token"), "the banner says how to get a token: " + up.output());

        Run status = mamori(Duration.ofMinutes(1), "status");
        assertEquals(0, status.exit(), status.output());
        for (String part : List.of(
                "postgres",
                "keycloak",
                "consent-service",
                "request-service",
                "retention-service",
                "thirdparty-service",
                "incident-service")) {
            assertTrue(status.output().contains(part), part + " missing from: " + status.output());
        }

        Run token = mamori(Duration.ofMinutes(1), "token", "tenant-a-auditor");
        assertEquals(0, token.exit(), token.output());
        String jwt = token.output().strip();
        assertTrue(jwt.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"), jwt);
        // The token is one the suite accepts: the auditor reads tenant-a's audit log.
        HttpResponse<String> audit = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://localhost:" + CONSENT_PORT + "/v1/audit-events/verification"))
                                .header("Authorization", "Bearer " + jwt)
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, audit.statusCode(), audit.body());

        Run down = mamori(Duration.ofMinutes(2), "down");
        assertEquals(0, down.exit(), down.output());
        Run after = mamori(Duration.ofMinutes(1), "status");
        assertNotEquals(0, after.exit(), "status after down: " + after.output());
        try (ServerSocket free = new ServerSocket(CONSENT_PORT)) {
            assertTrue(free.isBound(), "down released the service's port");
        }
    }

    private static String[] up(String... extra) {
        List<String> args = new ArrayList<>(List.of("up", "--detach"));
        args.addAll(List.of(extra));
        args.addAll(PORTS);
        return args.toArray(String[]::new);
    }

    private static Run mamori(Duration timeout, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of("bash", ROOT.resolve("bin").resolve("mamori").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--data", DATA.toString()));
        Files.createDirectories(DATA.getParent());
        Path out = Files.createTempFile("mamori-cli", ".log");
        Process p = new ProcessBuilder(command)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("bin/mamori " + String.join(" ", args) + " did not finish in " + timeout + ": "
                    + Files.readString(out, StandardCharsets.UTF_8));
        }
        String output = Files.readString(out, StandardCharsets.UTF_8);
        Files.deleteIfExists(out);
        System.out.println("[LauncherIT] bin/mamori " + String.join(" ", args) + " -> " + p.exitValue());
        return new Run(p.exitValue(), output);
    }
}
