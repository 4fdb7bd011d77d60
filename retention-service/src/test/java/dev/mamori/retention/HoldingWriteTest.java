package dev.mamori.retention;

import static dev.mamori.retention.Ledger.addCategory;
import static dev.mamori.retention.Ledger.addContract;
import static dev.mamori.retention.Ledger.as;
import static dev.mamori.retention.Ledger.holding;
import static dev.mamori.retention.Ledger.uniqueCode;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.sql.SQLException;
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
 * A holding registered one by one (the plain write, without the ORM) keeps what the ORM's write promised: an
 * identical holding is refused as 409 holding-exists even when the two race, a retry with the same key answers the
 * same and writes once, and a refusal or a failed statement leaves no row, no audit line and no key.
 */
@QuarkusTest
class HoldingWriteTest {

    private static final int RACERS = 6;

    private static String subject() {
        return "w-" + UUID.randomUUID().toString().substring(0, 12);
    }

    private static String recent() {
        return OffsetDateTime.now(ZoneOffset.ofHours(9))
                .minusDays(1)
                .withNano(0)
                .toString();
    }

    /** The person's rows: holdings, audit lines pending or sealed, and the key's stored answers. */
    private static long holdings(String subject) {
        return Db.count("SELECT count(*) FROM holding WHERE tenant_id = 'tenant-a' AND subject_ref = ?", subject);
    }

    /** Pending and sealed lines in one statement, so a line sealed meanwhile is counted once. */
    private static long registeredLines(String subject) {
        return Db.count(
                "SELECT (SELECT count(*) FROM audit_pending WHERE tenant_id = 'tenant-a' AND subject_ref = ? "
                        + "AND action = 'HOLDING_REGISTERED') + (SELECT count(*) FROM audit_event "
                        + "WHERE tenant_id = 'tenant-a' AND subject_ref = ? AND action = 'HOLDING_REGISTERED')",
                subject,
                subject);
    }

    private static long keys(String key) {
        return Db.count(
                "SELECT count(*) FROM idempotency_record WHERE tenant_id = 'tenant-a' AND operation = "
                        + "'registerHolding' AND idem_key = ?",
                key);
    }

    /** Sends the same registration {@value #RACERS} times at once, each from its own thread, released together. */
    private static List<Response> race(String body, String key) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Response>> calls = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                var call = as("tenant-a", "client-system").body(body);
                if (key != null) {
                    call.header("Idempotency-Key", key);
                }
                return call.post("/v1/holdings").andReturn();
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
    void shouldRegisterOneOfTwoIdenticalHoldingsThatRaceAndAnswerTheOtherHoldingExists() throws Exception {
        String category = addCategory("tenant-a", uniqueCode("race"), "");
        String subject = subject();
        List<Response> answers = race(holding(subject, category, recent(), "crm/race"), null);

        List<Response> created =
                answers.stream().filter(r -> r.statusCode() == 201).toList();
        List<Response> refused =
                answers.stream().filter(r -> r.statusCode() != 201).toList();
        assertEquals(
                1,
                created.size(),
                answers.stream().map(Response::asString).toList().toString());
        String id = created.get(0).jsonPath().getString("id");
        for (Response r : refused) {
            assertEquals(409, r.statusCode(), r.asString());
            assertEquals("application/problem+json", r.contentType());
            JsonPath problem = r.jsonPath();
            assertEquals("https://mamori.dev/problems/holding-exists", problem.getString("type"));
            assertEquals(
                    "This record of " + subject + " is already registered as holding " + id,
                    problem.getString("detail"));
        }
        assertEquals(1, holdings(subject));
        assertEquals(1, registeredLines(subject));
    }

    @Test
    void shouldRefuseARegisteredHoldingAgainWithTheSameProblemAndKeepNoKeyForTheRefusal() {
        String category = addCategory("tenant-a", uniqueCode("again"), "");
        String subject = subject();
        String body = holding(subject, category, recent(), "crm/again");
        String id = as("tenant-a", "client-system")
                .body(body)
                .post("/v1/holdings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String key = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 2; attempt++) {
            // Refused each time: the 409 was not stored as the key's answer (it rolled back with the row).
            as("tenant-a", "client-system")
                    .header("Idempotency-Key", key)
                    .body(body)
                    .post("/v1/holdings")
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .header("Idempotent-Replayed", (String) null)
                    .body("type", equalTo("https://mamori.dev/problems/holding-exists"))
                    .body("title", equalTo("Conflict"))
                    .body("detail", equalTo("This record of " + subject + " is already registered as holding " + id));
        }
        assertEquals(0, keys(key));
        assertEquals(1, holdings(subject));
        assertEquals(1, registeredLines(subject));
    }

    @Test
    void shouldWriteOnceAndReplayTheSameAnswerWhenCallsWithOneKeyRace() throws Exception {
        String category = addCategory("tenant-a", uniqueCode("keyrace"), "");
        String subject = subject();
        String key = UUID.randomUUID().toString();
        List<Response> answers = race(holding(subject, category, recent(), "crm/keyrace"), key);

        long replayed = 0;
        String first = answers.get(0).asString();
        for (Response r : answers) {
            assertEquals(201, r.statusCode(), r.asString());
            // The answer is written to JSON once and stored as sent: a replay is the same text, as the same type.
            assertEquals(first, r.asString());
            assertEquals(answers.get(0).contentType(), r.contentType());
            assertEquals(
                    "/v1/subjects/" + subject + "/holdings",
                    java.net.URI.create(r.header("Location")).getPath());
            if ("true".equals(r.header("Idempotent-Replayed"))) {
                replayed++;
            }
        }
        assertEquals(RACERS - 1, replayed);
        assertEquals(1, holdings(subject));
        assertEquals(1, registeredLines(subject));
        assertEquals(1, keys(key));
    }

    @Test
    void shouldLeaveNoHoldingNoAuditLineAndNoKeyWhenAHoldingIsRefused() {
        String category = addCategory("tenant-a", uniqueCode("refused"), "");
        String subject = subject();
        String key = UUID.randomUUID().toString();
        // Each rule the write checks after its reads: an unknown contract, an unknown category, a future date.
        as("tenant-a", "client-system")
                .header("Idempotency-Key", key)
                .body(holding(subject, category, recent(), "crm/refused", "ivr-recorder", uniqueCode("no-contract")))
                .post("/v1/holdings")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/unknown-contract"))
                .body("errors[0].field", equalTo("contractRef"));
        as("tenant-a", "client-system")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(holding(subject, uniqueCode("no-category"), recent(), "crm/refused"))
                .post("/v1/holdings")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/unknown-category"));
        as("tenant-a", "client-system")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(holding(
                        subject,
                        category,
                        OffsetDateTime.now(ZoneOffset.UTC)
                                .plusDays(1)
                                .withNano(0)
                                .toString(),
                        "crm/refused"))
                .post("/v1/holdings")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/collected-in-future"));

        assertEquals(0, holdings(subject));
        assertEquals(0, registeredLines(subject));
        assertEquals(0, keys(key));

        // The refusal claimed nothing: the corrected holding with the same key is registered.
        String contract = addContract("tenant-a", uniqueCode("contract"), "2025-04-01");
        as("tenant-a", "client-system")
                .header("Idempotency-Key", key)
                .body(holding(subject, category, recent(), "crm/refused", "ivr-recorder", contract))
                .post("/v1/holdings")
                .then()
                .statusCode(201)
                .body("contractRef", equalTo(contract))
                .body("rule", equalTo("CATEGORY"));
        assertEquals(1, holdings(subject));
        assertEquals(1, registeredLines(subject));
        assertEquals(1, keys(key));
    }

    @Test
    void shouldLeaveNothingWhenAStatementOfTheWriteFails() throws SQLException {
        String category = addCategory("tenant-a", uniqueCode("fails"), "");
        String subject = subject();
        String key = UUID.randomUUID().toString();
        String trigger = "fail_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        // The audit line is sent after the key's claim and the holding's row: failing it must roll both back.
        Db.execute(
                "CREATE FUNCTION " + trigger + "() RETURNS trigger AS $$ BEGIN "
                        + "IF NEW.subject_ref = '" + subject + "' THEN RAISE EXCEPTION 'test: audit line refused'; "
                        + "END IF; RETURN NEW; END; $$ LANGUAGE plpgsql",
                "CREATE TRIGGER " + trigger + " BEFORE INSERT ON audit_pending FOR EACH ROW EXECUTE FUNCTION " + trigger
                        + "()");
        try {
            as("tenant-a", "client-system")
                    .header("Idempotency-Key", key)
                    .body(holding(subject, category, recent(), "crm/fails"))
                    .post("/v1/holdings")
                    .then()
                    .statusCode(500)
                    .body("type", equalTo("https://mamori.dev/problems/internal"));
            assertEquals(0, holdings(subject));
            assertEquals(0, registeredLines(subject));
            assertEquals(0, keys(key));
        } finally {
            Db.execute("DROP TRIGGER " + trigger + " ON audit_pending", "DROP FUNCTION " + trigger + "()");
        }

        // Nothing was claimed, so the same key now registers the holding, and the pool's connections still work.
        Map<String, Object> registered = as("tenant-a", "client-system")
                .header("Idempotency-Key", key)
                .body(holding(subject, category, recent(), "crm/fails"))
                .post("/v1/holdings")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getMap("");
        assertEquals(1, holdings(subject));
        assertEquals(1, registeredLines(subject));
        assertEquals(1, keys(key));
        // The row reads back as the answer said it was written, to the microsecond.
        Map<String, Object> read = as("tenant-a", "operator")
                .get("/v1/subjects/" + subject + "/holdings")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .extract()
                .jsonPath()
                .getMap("items[0]");
        assertEquals(registered, read);
        // Its audit line names the caller, as the ORM's write did.
        as("tenant-a", "auditor")
                .get("/v1/audit-events?limit=500&subjectRef=" + subject)
                .then()
                .statusCode(200)
                .body("items.findAll { it.action == 'HOLDING_REGISTERED' }", hasSize(1))
                .body("items.find { it.action == 'HOLDING_REGISTERED' }.resourceId", equalTo(registered.get("id")))
                .body("items.find { it.action == 'HOLDING_REGISTERED' }.actorClient", equalTo("tenant-a-client-system"))
                .body(
                        "items.find { it.action == 'HOLDING_REGISTERED' }.actorSubject",
                        equalTo(registered.get("registeredBy")));
    }
}
