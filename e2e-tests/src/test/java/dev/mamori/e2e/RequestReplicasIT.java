package dev.mamori.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mamori.launcher.Database;
import dev.mamori.launcher.Part;
import dev.mamori.launcher.Suite;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two replicas of request-service on one database, as a cluster runs them (issue 7: scheduled jobs must be safe
 * with several replicas). Both run the outbox that carries decided requests out to the other services; tasks are
 * claimed with FOR UPDATE SKIP LOCKED and a lease, so every call must go out exactly once, whichever replica sends
 * it.
 *
 * <p>The targets cannot show a second send: every call carries an Idempotency-Key and a repeat is answered from the
 * stored reply. So the test looks where a second send would show: each claim counts in the task's {@code attempts},
 * and replica B reaches consent-service through a relay in this test that records every call B sends. Replica A is
 * the suite's own request-service (calls consent-service directly).
 */
@ExtendWith(SuiteExtension.class)
class RequestReplicasIT {

    private static final int SECOND_PORT = 8092;
    private static final int RELAY_PORT = 8093;
    private static final int REQUESTS = 12;
    private static final String TENANT = "tenant-a";
    private static final String SECOND_NAME = "request-service-replica-2";

    private static ServiceReplica second;
    private static HttpServer relay;
    private static ExecutorService relayThreads;
    /** "METHOD path Idempotency-Key" of every call replica B sent to consent-service. */
    private static final Queue<String> sentByB = new ConcurrentLinkedQueue<>();

    private static String replicaA;
    private static final String replicaB = "http://localhost:" + SECOND_PORT;

    @BeforeAll
    static void startSecondReplica() throws Exception {
        Suite suite = SuiteExtension.suite();
        replicaA = suite.url(Part.REQUEST).toString();
        for (int port : new int[] {SECOND_PORT, RELAY_PORT}) {
            assertFalse(listening(port), "port " + port + " is already in use; this test needs it");
        }
        relay = relay(suite.url(Part.CONSENT), RELAY_PORT);

        // The environment the launcher gives request-service (Suite.startServices), with the secrets it generated for
        // this data folder: the replicas must share the contact-encryption key to read each other's requests.
        Map<String, String> env = new java.util.HashMap<>();
        for (String name : List.of("MAMORI_REQUEST_CONTACT_KEY", "MAMORI_CALLBACK_SECRET", "OIDC_CLIENT_SECRET")) {
            env.put(name, keptSecret(suite, name));
        }
        env.put("CONSENT_SERVICE_URL", "http://127.0.0.1:" + RELAY_PORT);
        second = ServiceReplica.start(suite, Part.REQUEST, SECOND_PORT, env);
    }

    @AfterAll
    static void stopSecondReplica() throws Exception {
        if (second != null) {
            second.close();
        }
        if (relay != null) {
            relay.stop(0);
            relayThreads.shutdownNow();
        }
    }

    @Test
    void twoReplicasCarryOutEveryDecidedRequestExactlyOnce() throws Exception {
        // A batch of use stops, taken, verified and decided through replica A and B in turn: a decision starts a
        // delivery run on the replica that took it, and both replicas' scheduled runs poll the same outbox.
        Map<String, String> subjectOf = new LinkedHashMap<>();
        for (int i = 0; i < REQUESTS; i++) {
            String replica = i % 2 == 0 ? replicaA : replicaB;
            String subject = "cust-" + UUID.randomUUID().toString().substring(0, 12);
            String id = call(replica, "operator")
                    .body("""
                    {"type": "USE_STOP", "subjectRef": "%s", "channel": "PHONE", "ground": "ART_35_5_A",
                     "requester": {"name": "山田 太郎", "relation": "SELF",
                                   "contact": {"email": "taro.yamada@example.jp", "phone": "090-1234-5678"}}}
                    """.formatted(subject))
                    .post("/v1/requests")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            call(replica, "operator")
                    .body("{\"method\": \"DOCUMENTS\", \"documents\": [{\"type\": \"DRIVERS_LICENSE\"}]}")
                    .post("/v1/requests/" + id + "/identity-verification")
                    .then()
                    .statusCode(200);
            call(replica, "privacy-officer")
                    .body("{\"outcome\": \"APPROVED\"}")
                    .post("/v1/requests/" + id + "/decision")
                    .then()
                    .statusCode(200);
            subjectOf.put(id, subject);
        }

        // Every request completes; each is read through the replica that did not take it.
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        int i = 0;
        for (String id : subjectOf.keySet()) {
            String other = i++ % 2 == 0 ? replicaB : replicaA;
            String status = null;
            while (!"COMPLETED".equals(status) && System.nanoTime() < deadline) {
                status = call(other, "operator")
                        .get("/v1/requests/" + id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("status");
                if (!"COMPLETED".equals(status)) {
                    Thread.sleep(200);
                }
            }
            assertEquals(
                    "COMPLETED",
                    status,
                    "request " + id + " did not complete; see request-service.log and " + SECOND_NAME
                            + ".log in the suite's logs folder");
        }

        // Each use stop happened once at consent-service, for the request that decided it.
        List<String> subjects = new ArrayList<>(subjectOf.values());
        Map<String, List<String>> stops = rows(
                "consent",
                "SELECT subject_ref, request_ref FROM use_stop "
                        + "WHERE tenant_id = ? AND subject_ref = ANY (?) AND lifted_at IS NULL",
                subjects);
        // Sealed or still waiting to be sealed (the sealer runs once a second), each line exactly once.
        Map<String, List<String>> audited = rows(
                "consent",
                "SELECT subject_ref, action FROM (SELECT tenant_id, "
                        + "subject_ref, action FROM audit_event UNION ALL SELECT tenant_id, subject_ref, action FROM audit_pending) "
                        + "a WHERE tenant_id = ? AND subject_ref = ANY (?) AND action = 'USE_STOPPED'",
                subjects);
        subjectOf.forEach((id, subject) -> {
            assertEquals(List.of(id), stops.getOrDefault(subject, List.of()), "use stops of " + subject);
            assertEquals(1, audited.getOrDefault(subject, List.of()).size(), "USE_STOPPED audit events of " + subject);
        });

        // A use stop also stops provision (Art. 35): one provision stop per request, carried out by either replica.
        Map<String, List<String>> provisionStops = rows(
                "request",
                "SELECT CAST(request_id AS text), status "
                        + "FROM fulfilment_task WHERE tenant_id = ? AND CAST(request_id AS text) = ANY (?) "
                        + "AND action = 'STOP_PROVISION'",
                new ArrayList<>(subjectOf.keySet()));
        subjectOf
                .keySet()
                .forEach(id ->
                        assertEquals(List.of("DONE"), provisionStops.get(id), "the provision stop of request " + id));

        // ... and was sent once: no task claimed twice, none sent twice by B.
        List<Task> tasks = tasks(subjectOf.keySet());
        assertEquals(REQUESTS, tasks.size(), "one use-stop task per request: " + tasks);
        for (Task t : tasks) {
            assertEquals("STOP_USE", t.action(), t.toString());
            assertEquals("DONE", t.status(), t.toString());
        }
        assertEquals(List.of(), doubleDeliveries(tasks), "tasks delivered more than once");

        // Both replicas did part of the work: B's share is what went through the relay, A's the rest.
        List<String> keys = tasks.stream().map(Task::idempotencyKey).toList();
        long byB = keys.stream().filter(k -> sendsByB(k) == 1).count();
        System.out.printf("[mamori] e2e: %d use stops delivered by replica A, %d by replica B%n", REQUESTS - byB, byB);
        assertTrue(
                byB >= 1 && byB <= REQUESTS - 1,
                "the outbox work was not shared: replica B sent " + byB + " of " + REQUESTS + " (relay saw " + sentByB
                        + ")");

        // Both replicas wrote to the tenant's hash-chained audit log; the chain is still whole.
        given().baseUri(replicaA)
                .auth()
                .oauth2(SuiteExtension.token(TENANT + "-auditor"))
                .get("/v1/audit-events/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(true));

        // The check is not vacuous: a task handed out a second time (as two replicas claiming the same row, or a
        // lease taken over while its holder still sends, would do) is caught, although consent-service's state
        // stays the same because it answers the repeat from its idempotency record.
        Task again = tasks.get(0);
        try (Connection c = connect("request");
                PreparedStatement ps = c.prepareStatement("UPDATE fulfilment_task SET status = 'QUEUED', "
                        + "next_attempt_at = now(), lease_until = NULL, leased_by = NULL WHERE id = ?::uuid")) {
            ps.setString(1, again.id());
            assertEquals(1, ps.executeUpdate());
        }
        long redoDeadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<Task> after = tasks(subjectOf.keySet());
        while (after.stream().anyMatch(t -> !"DONE".equals(t.status())) && System.nanoTime() < redoDeadline) {
            Thread.sleep(200);
            after = tasks(subjectOf.keySet());
        }
        List<String> caught = doubleDeliveries(after);
        assertEquals(1, caught.size(), "the second delivery of " + again + " is caught: " + caught);
        assertTrue(caught.get(0).contains(again.idempotencyKey()), caught.get(0));
        assertEquals(
                List.of(again.requestId()),
                rows(
                                "consent",
                                "SELECT subject_ref, request_ref FROM use_stop "
                                        + "WHERE tenant_id = ? AND subject_ref = ANY (?)",
                                List.of(subjectOf.get(again.requestId())))
                        .get(subjectOf.get(again.requestId())),
                "consent-service still holds one stop");
    }

    // ---- what a second delivery leaves behind ---------------------------------------------------------------------

    private record Task(
            String id, String requestId, String action, String status, int attempts, String idempotencyKey) {}

    /** Tasks claimed more than once (every claim counts an attempt) or sent more than once through B's relay. */
    private static List<String> doubleDeliveries(List<Task> tasks) {
        List<String> found = new ArrayList<>();
        for (Task t : tasks) {
            long viaB = sendsByB(t.idempotencyKey());
            if (t.attempts() != 1 || viaB > 1) {
                found.add(t.idempotencyKey() + ": claimed " + t.attempts() + " time(s), sent " + viaB
                        + " time(s) by replica B");
            }
        }
        return found;
    }

    private static long sendsByB(String idempotencyKey) {
        return sentByB.stream()
                .filter(s -> s.startsWith("POST ") && s.endsWith(" " + idempotencyKey))
                .count();
    }

    private static List<Task> tasks(java.util.Collection<String> requestIds) throws SQLException {
        try (Connection c = connect("request");
                PreparedStatement ps = c.prepareStatement("SELECT CAST(id AS text), CAST(request_id AS text), action, "
                        + "status, attempts, idempotency_key FROM fulfilment_task WHERE tenant_id = ? "
                        + "AND CAST(request_id AS text) = ANY (?) AND action = 'STOP_USE' ORDER BY created_at, id")) {
            ps.setString(1, TENANT);
            ps.setArray(2, c.createArrayOf("text", requestIds.toArray()));
            List<Task> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Task(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getInt(5),
                            rs.getString(6)));
                }
            }
            return found;
        }
    }

    /** Runs a query with parameters (tenant, array of subjects) and groups the second column by the first. */
    private static Map<String, List<String>> rows(String database, String sql, List<String> subjects)
            throws SQLException {
        try (Connection c = connect(database);
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, TENANT);
            ps.setArray(2, c.createArrayOf("text", subjects.toArray()));
            List<String[]> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            return found.stream()
                    .collect(Collectors.groupingBy(
                            r -> r[0], LinkedHashMap::new, Collectors.mapping(r -> r[1], Collectors.toList())));
        }
    }

    private static Connection connect(String database) throws SQLException {
        Database db = SuiteExtension.database();
        return DriverManager.getConnection(db.jdbcUrl(database), db.user(), db.password());
    }

    // ---- plumbing ---------------------------------------------------------------------------------------------------

    private static RequestSpecification call(String replica, String role) {
        return given().baseUri(replica)
                .auth()
                .oauth2(SuiteExtension.token(TENANT + "-" + role))
                .contentType(ContentType.JSON);
    }

    /** As the launcher finds it: the launcher's environment, else {@code <data>/secrets/<name>}. */
    private static String keptSecret(Suite suite, String name) throws IOException {
        String fromEnv = System.getenv(name);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        Path file = suite.dataDir().resolve("secrets").resolve(name);
        if (!Files.isRegularFile(file)) {
            fail(file + " is missing: the suite should have kept " + name + " there when it started request-service");
        }
        return Files.readString(file).trim();
    }

    /** Forwards every call to {@code target} and records it in {@link #sentByB}. */
    private static HttpServer relay(URI target, int port) throws IOException {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            try {
                forward(http, target, exchange);
            } finally {
                exchange.close();
            }
        });
        relayThreads = Executors.newCachedThreadPool();
        server.setExecutor(relayThreads);
        server.start();
        return server;
    }

    private static void forward(HttpClient http, URI target, HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String method = exchange.getRequestMethod();
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        sentByB.add(method + " " + exchange.getRequestURI().getRawPath() + (key == null ? "" : " " + key));
        HttpRequest.Builder out = HttpRequest.newBuilder(
                        URI.create(target + exchange.getRequestURI().toString()))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String h : List.of("Authorization", "Content-Type", "Accept", "X-Mamori-Tenant", "Idempotency-Key")) {
            String v = exchange.getRequestHeaders().getFirst(h);
            if (v != null) {
                out.header(h, v);
            }
        }
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(out.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(502, -1);
            return;
        } catch (IOException e) {
            exchange.sendResponseHeaders(502, -1);
            return;
        }
        for (String h : List.of("Content-Type", "Location", "Idempotent-Replayed")) {
            answer.headers().firstValue(h).ifPresent(v -> exchange.getResponseHeaders()
                    .set(h, v));
        }
        byte[] reply = answer.body();
        exchange.sendResponseHeaders(answer.statusCode(), reply.length == 0 ? -1 : reply.length);
        if (reply.length > 0) {
            exchange.getResponseBody().write(reply);
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
