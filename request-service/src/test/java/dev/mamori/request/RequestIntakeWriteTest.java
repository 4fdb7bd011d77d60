package dev.mamori.request;

import static dev.mamori.request.Intakes.as;
import static dev.mamori.request.Intakes.intake;
import static dev.mamori.request.Intakes.newSubject;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mamori.testing.PostgresTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A request taken in one by one (the plain write, without the ORM and without a lock per person and type) keeps what
 * the ORM's intake promised: a second open request of the person and type is refused as 409 duplicate-request naming
 * the first even when the two race, a retry with the same key answers the same and writes once, and a refusal or a
 * failed statement leaves no request, no log line, no callback, no audit line and no key.
 */
@QuarkusTest
class RequestIntakeWriteTest {

    private static final int RACERS = 6;

    private static long count(String sql, Object... params) {
        return ((Number) first(sql, params)).longValue();
    }

    private static String text(String sql, Object... params) {
        return (String) first(sql, params);
    }

    /** The first column of the first row. */
    private static Object first(String sql, Object... params) {
        try (Connection c = PostgresTestResource.connect();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getObject(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(String... statements) throws SQLException {
        try (Connection c = PostgresTestResource.connect();
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static long requests(String tenant, String subject) {
        return count(
                "SELECT count(*) FROM data_subject_request WHERE tenant_id = ? AND subject_ref = ?", tenant, subject);
    }

    /** The person's requests' log lines and queued callbacks. */
    private static long logLines(String tenant, String subject) {
        return count(
                "SELECT count(*) FROM request_event e JOIN data_subject_request r ON r.id = e.request_id "
                        + "WHERE r.tenant_id = ? AND r.subject_ref = ?",
                tenant,
                subject);
    }

    private static long callbacks(String tenant, String subject) {
        return count(
                "SELECT count(*) FROM fulfilment_task t JOIN data_subject_request r ON r.id = t.request_id "
                        + "WHERE r.tenant_id = ? AND r.subject_ref = ? AND t.action = 'STATUS_CALLBACK'",
                tenant,
                subject);
    }

    /** Pending and sealed lines in one statement, so a line sealed meanwhile is counted once. */
    private static long receivedLines(String tenant, String subject) {
        return count(
                "SELECT (SELECT count(*) FROM audit_pending WHERE tenant_id = ? AND subject_ref = ? "
                        + "AND action = 'REQUEST_RECEIVED') + (SELECT count(*) FROM audit_event "
                        + "WHERE tenant_id = ? AND subject_ref = ? AND action = 'REQUEST_RECEIVED')",
                tenant,
                subject,
                tenant,
                subject);
    }

    private static long keys(String tenant, String key) {
        return count(
                "SELECT count(*) FROM idempotency_record WHERE tenant_id = ? AND operation = 'createRequest' "
                        + "AND idem_key = ?",
                tenant,
                key);
    }

    /** Sends the same intake {@value #RACERS} times at once, each from its own thread, released together. */
    private static List<Response> race(Map<String, Object> body, String key) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Response>> calls = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                var call = as("tenant-a", "operator").body(body);
                if (key != null) {
                    call.header("Idempotency-Key", key);
                }
                return call.post("/v1/requests").andReturn();
            }));
        }
        start.countDown();
        List<Response> answers = new ArrayList<>();
        for (CompletableFuture<Response> call : calls) {
            answers.add(call.get(60, TimeUnit.SECONDS));
        }
        return answers;
    }

    @Test
    void shouldTakeOneOfIdenticalIntakesThatRaceAndAnswerTheOthersDuplicateRequestNamingIt() throws Exception {
        String subject = newSubject();
        List<Response> answers = race(intake("ERASURE", subject), null);

        List<Response> created =
                answers.stream().filter(r -> r.statusCode() == 201).toList();
        assertEquals(
                1,
                created.size(),
                answers.stream().map(Response::asString).toList().toString());
        String id = created.get(0).jsonPath().getString("id");
        for (Response r : answers) {
            if (r.statusCode() == 201) {
                continue;
            }
            assertEquals(409, r.statusCode(), r.asString());
            assertEquals("application/problem+json", r.contentType());
            JsonPath problem = r.jsonPath();
            assertEquals("https://mamori.dev/problems/duplicate-request", problem.getString("type"));
            assertEquals("Conflict", problem.getString("title"));
            assertEquals(
                    "Request " + id + " (ERASURE) for this person is still open (IDENTITY_UNVERIFIED); continue it "
                            + "instead of opening another",
                    problem.getString("detail"));
        }
        assertEquals(1, requests("tenant-a", subject));
        assertEquals(1, logLines("tenant-a", subject));
        assertEquals(1, receivedLines("tenant-a", subject));
    }

    @Test
    void shouldWriteOnceAndReplayTheSameAnswerWhenIntakesWithOneKeyRace() throws Exception {
        String subject = newSubject();
        String key = UUID.randomUUID().toString();
        List<Response> answers = race(intake("DISCLOSURE", subject), key);

        long replayed = 0;
        String first = answers.get(0).asString();
        String id = answers.get(0).jsonPath().getString("id");
        for (Response r : answers) {
            assertEquals(201, r.statusCode(), r.asString());
            assertEquals(first, r.asString());
            assertEquals("/v1/requests/" + id, URI.create(r.header("Location")).getPath());
            if ("true".equals(r.header("Idempotent-Replayed"))) {
                replayed++;
            }
        }
        assertEquals(RACERS - 1, replayed);
        assertEquals(1, requests("tenant-a", subject));
        assertEquals(1, receivedLines("tenant-a", subject));
        assertEquals(1, keys("tenant-a", key));

        // The same key with another body is refused as before, and writes nothing.
        Map<String, Object> other = intake("DISCLOSURE", subject);
        other.put("deliveryMethod", "PAPER");
        as("tenant-a", "operator")
                .header("Idempotency-Key", key)
                .body(other)
                .post("/v1/requests")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/idempotency-key-reused"))
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertEquals(1, requests("tenant-a", subject));
    }

    @Test
    void shouldLeaveNoRequestNoAuditLineAndNoKeyWhenAnIntakeIsRefused() {
        String subject = newSubject();
        String key = UUID.randomUUID().toString();
        // Each rule intake checks: the type's details, how it arrived, when it arrived, where it calls back.
        Map<String, Object> noCorrection = intake("CORRECTION", subject);
        noCorrection.remove("correction");
        as("tenant-a", "operator")
                .header("Idempotency-Key", key)
                .body(noCorrection)
                .post("/v1/requests")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("correction"));
        Map<String, Object> noChannel = intake("CORRECTION", subject);
        noChannel.remove("channel");
        as("tenant-a", "operator")
                .header("Idempotency-Key", key)
                .body(noChannel)
                .post("/v1/requests")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("channel"));
        Map<String, Object> longAgo = intake("CORRECTION", subject);
        longAgo.put(
                "receivedAt", OffsetDateTime.now(ZoneOffset.UTC).minusYears(2).toString());
        as("tenant-a", "operator")
                .header("Idempotency-Key", key)
                .body(longAgo)
                .post("/v1/requests")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/received-at-out-of-range"));
        assertEquals(0, requests("tenant-a", subject));
        assertEquals(0, receivedLines("tenant-a", subject));
        assertEquals(0, keys("tenant-a", key));

        Map<String, Object> internal = intake("CORRECTION", subject);
        internal.put("callbackUrl", "https://10.1.2.3/hooks/x");
        String keyB = UUID.randomUUID().toString();
        as("tenant-b", "operator")
                .header("Idempotency-Key", keyB)
                .body(internal)
                .post("/v1/requests")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/outbound-url-refused"))
                .body("errors.field", hasItem("callbackUrl"));
        assertEquals(0, requests("tenant-b", subject));
        assertEquals(0, receivedLines("tenant-b", subject));
        assertEquals(0, keys("tenant-b", keyB));

        // The refusals claimed nothing: the corrected intake with the same key is taken.
        String id = as("tenant-a", "operator")
                .header("Idempotency-Key", key)
                .body(intake("CORRECTION", subject))
                .post("/v1/requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // A duplicate with a new key is refused and keeps no key either (it rolled back with the row).
        String again = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 2; attempt++) {
            as("tenant-a", "operator")
                    .header("Idempotency-Key", again)
                    .body(intake("CORRECTION", subject))
                    .post("/v1/requests")
                    .then()
                    .statusCode(409)
                    .header("Idempotent-Replayed", (String) null)
                    .body("type", equalTo("https://mamori.dev/problems/duplicate-request"))
                    .body(
                            "detail",
                            equalTo("Request " + id + " (CORRECTION) for this person is still open "
                                    + "(IDENTITY_UNVERIFIED); continue it instead of opening another"));
        }
        assertEquals(0, keys("tenant-a", again));
        assertEquals(1, keys("tenant-a", key));
        assertEquals(1, requests("tenant-a", subject));
        assertEquals(1, logLines("tenant-a", subject));
        assertEquals(1, receivedLines("tenant-a", subject));
    }

    @Test
    void shouldLeaveNothingWhenAStatementOfTheIntakeFails() throws SQLException {
        String subject = newSubject();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = intake("USE_STOP", subject);
        body.put("callbackUrl", TargetStubs.hook("write-" + subject));
        body.put("externalId", "crm-" + subject);
        String trigger = "fail_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        // The audit line is sent last, after the claim, the request, its log line and its callback: failing it must
        // roll them all back.
        execute(
                "CREATE FUNCTION " + trigger + "() RETURNS trigger AS $$ BEGIN "
                        + "IF NEW.subject_ref = '" + subject + "' THEN RAISE EXCEPTION 'test: audit line refused'; "
                        + "END IF; RETURN NEW; END; $$ LANGUAGE plpgsql",
                "CREATE TRIGGER " + trigger + " BEFORE INSERT ON audit_pending FOR EACH ROW EXECUTE FUNCTION " + trigger
                        + "()");
        try {
            as("tenant-a", "operator")
                    .header("Idempotency-Key", key)
                    .body(body)
                    .post("/v1/requests")
                    .then()
                    .statusCode(500)
                    .body("type", equalTo("https://mamori.dev/problems/internal"));
            assertEquals(0, requests("tenant-a", subject));
            assertEquals(0, logLines("tenant-a", subject));
            assertEquals(0, callbacks("tenant-a", subject));
            assertEquals(0, receivedLines("tenant-a", subject));
            assertEquals(0, keys("tenant-a", key));
        } finally {
            execute("DROP TRIGGER " + trigger + " ON audit_pending", "DROP FUNCTION " + trigger + "()");
        }

        // Nothing was claimed, so the same key now takes the request, and the pool's connections still work.
        Map<String, Object> taken = as("tenant-a", "operator")
                .header("Idempotency-Key", key)
                .body(body)
                .post("/v1/requests")
                .then()
                .statusCode(201)
                .body("status", equalTo("IDENTITY_UNVERIFIED"))
                .extract()
                .jsonPath()
                .getMap("");
        String id = (String) taken.get("id");
        assertEquals(1, requests("tenant-a", subject));
        assertEquals(1, callbacks("tenant-a", subject));
        assertEquals(1, receivedLines("tenant-a", subject));
        assertEquals(1, keys("tenant-a", key));
        // The row reads back as the answer said it was written, to the microsecond.
        JsonPath read = as("tenant-a", "operator")
                .get("/v1/requests/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        for (String field : List.of(
                "type", "status", "subjectRef", "channel", "receivedAt", "dueOn", "statutoryMarkerOn", "externalId")) {
            Object stored = read.get(field);
            assertEquals(String.valueOf(taken.get(field)), String.valueOf(stored), field);
        }
        // Its first log line, by the caller, as the ORM's intake wrote it.
        as("tenant-a", "operator")
                .get("/v1/requests/" + id + "/events")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].seq", equalTo(1))
                .body("items[0].kind", equalTo("RECEIVED"))
                .body("items[0].statusAfter", equalTo("IDENTITY_UNVERIFIED"))
                .body("items[0].detail", equalTo("received by PHONE"));
        // Its audit line names the caller.
        as("tenant-a", "auditor")
                .get("/v1/audit-events?limit=500&subjectRef=" + subject)
                .then()
                .statusCode(200)
                .body("items.findAll { it.action == 'REQUEST_RECEIVED' }", hasSize(1))
                .body("items.find { it.action == 'REQUEST_RECEIVED' }.resourceId", equalTo(id));
    }

    @Test
    void shouldAnswerTheIntakeWithTheReceiptOfWhatWasStoredAndReplayItByteForByte() {
        String subject = newSubject();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = intake("DISCLOSURE", subject);
        body.put("requester", Intakes.requester("APPOINTED_AGENT"));
        body.put("agent", Intakes.agent("POWER_OF_ATTORNEY", "委任状（本人の実印押印）"));
        // Stored trimmed, and a blank part not at all: the receipt masks what was stored, not what was sent.
        Map<String, Object> contact = Intakes.contactOf(body);
        contact.put("phone", "090-1234-5678   ");
        contact.put("postalAddress", "   ");
        Response first = as("tenant-a", "operator")
                .header("Idempotency-Key", key)
                .body(body)
                .post("/v1/requests")
                .andReturn();
        assertEquals(201, first.statusCode(), first.asString());
        JsonPath receipt = first.jsonPath();
        assertEquals("RECEIPT", receipt.getString("personalDataView"));
        assertEquals("山***", receipt.getString("requester.name"));
        assertEquals("t***@example.jp", receipt.getString("requester.contact.email"));
        assertEquals("***-****-5678", receipt.getString("requester.contact.phone"));
        assertEquals(null, receipt.getString("requester.contact.postalAddress"));
        assertEquals(null, receipt.getString("agent.evidenceDescription"));
        assertEquals("POWER_OF_ATTORNEY", receipt.getString("agent.type"));
        String id = receipt.getString("id");

        // What the privacy officer reads back is what the receipt masked.
        as("tenant-a", "privacy-officer")
                .get("/v1/requests/" + id)
                .then()
                .statusCode(200)
                .body("requester.name", equalTo(Intakes.NAME))
                .body("requester.contact.email", equalTo(Intakes.EMAIL))
                .body("requester.contact.phone", equalTo("090-1234-5678"))
                .body("requester.contact.postalAddress", equalTo(null))
                .body("agent.evidenceDescription", equalTo("委任状（本人の実印押印）"));

        // The text sent is the text stored with the key: a retry replays it byte for byte, as the same media type.
        Response retry = as("tenant-a", "operator")
                .header("Idempotency-Key", key)
                .body(body)
                .post("/v1/requests")
                .andReturn();
        assertEquals(201, retry.statusCode(), retry.asString());
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(first.asString(), retry.asString());
        assertEquals(first.contentType(), retry.contentType());
        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals(
                first.asString(),
                text(
                        "SELECT body FROM idempotency_record WHERE tenant_id = ? AND operation = 'createRequest' "
                                + "AND idem_key = ?",
                        "tenant-a",
                        key));
        assertEquals(1, requests("tenant-a", subject));
    }
}
