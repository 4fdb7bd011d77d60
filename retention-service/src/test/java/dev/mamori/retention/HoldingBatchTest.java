package dev.mamori.retention;

import static dev.mamori.retention.Ledger.addCategory;
import static dev.mamori.retention.Ledger.as;
import static dev.mamori.retention.Ledger.holding;
import static dev.mamori.retention.Ledger.uniqueCode;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mamori.testing.PostgresTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HoldingBatchTest {

    private static final Logger LOG = Logger.getLogger(HoldingBatchTest.class);

    private static String batch(List<String> rows) {
        return "{\"holdings\": [" + String.join(",", rows) + "]}";
    }

    private static String recent() {
        return OffsetDateTime.now(ZoneOffset.ofHours(9))
                .minusDays(3)
                .withNano(0)
                .toString();
    }

    private static long count(String sql, String... params) throws SQLException {
        try (Connection c = PostgresTestResource.connect();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static String fiveThousand(String run, String recordings, String contracts) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            rows.add(holding(
                    run + "-" + i,
                    i % 10 == 0 ? contracts : recordings,
                    "2026-01-01T00:00:00+09:00",
                    "rec/" + i + ".wav"));
        }
        return batch(rows);
    }

    @Test
    void shouldRegisterFiveThousandHoldingsInOneBatchWithAnAuditLinePerPerson() throws SQLException {
        String recordings = addCategory("tenant-a", uniqueCode("bulk-rec"), "");
        String contracts =
                addCategory("tenant-a", uniqueCode("bulk-contract"), "\"retentionBasis\": \"CONTRACT_END\",");
        String run = "bulk-" + UUID.randomUUID().toString().substring(0, 8);
        String body = fiveThousand(run, recordings, contracts);

        // Timed: the HTTP exchange only (the assertions below parse the answer slowly). Logged, never asserted.
        long started = System.nanoTime();
        Response response = as("tenant-a", "client-system").body(body).post("/v1/holdings/batch");
        long firstMillis = (System.nanoTime() - started) / 1_000_000;
        String warmRun = "warm-" + UUID.randomUUID().toString().substring(0, 8);
        String warmBody = fiveThousand(warmRun, recordings, contracts);
        started = System.nanoTime();
        as("tenant-a", "client-system")
                .body(warmBody)
                .post("/v1/holdings/batch")
                .then()
                .statusCode(201);
        long warmMillis = (System.nanoTime() - started) / 1_000_000;
        LOG.infof(
                "POST /v1/holdings/batch with 5,000 holdings (%d KB): %d ms on first use, %d ms warm (HTTP round "
                        + "trip incl. validation, 5 multi-row inserts, 5,000 audit lines, commit)",
                body.length() / 1024, firstMillis, warmMillis);

        // A summary, not an echo: the ids in request order, and when the batch falls due, overall and per category.
        JsonPath result = response.then()
                .statusCode(201)
                .body("registered", equalTo(5000))
                .body("ids", hasSize(5000))
                .body("holdings", nullValue())
                .body("deletion.earliest", equalTo("2026-04-03T00:00:00+09:00"))
                .body("deletion.latest", equalTo("2026-04-03T00:00:00+09:00"))
                .body("deletion.firstDeleteOn", equalTo("2026-04-03"))
                .body("deletion.lastDeleteOn", equalTo("2026-04-03"))
                .body("deletion.waitingForContractEnd", equalTo(500))
                .body("categories.categoryCode", equalTo(List.of(contracts, recordings)))
                .body("categories.retentionBasis", equalTo(List.of("CONTRACT_END", "COLLECTION")))
                .body("categories.count", equalTo(List.of(500, 4500)))
                .body("categories[0].deletion.earliest", nullValue())
                .body("categories[0].deletion.waitingForContractEnd", equalTo(500))
                .body("categories[1].deletion.firstDeleteOn", equalTo("2026-04-03"))
                .body("categories[1].deletion.waitingForContractEnd", equalTo(0))
                .extract()
                .jsonPath();
        // ids[i] is the holding registered from row i: checked for every row against what was stored.
        List<String> ids = result.getList("ids", String.class);
        assertEquals(5000, new java.util.HashSet<>(ids).size());
        Map<String, String> subjectById = new java.util.HashMap<>();
        try (Connection c = PostgresTestResource.connect();
                PreparedStatement s = c.prepareStatement(
                        "SELECT CAST(id AS text), subject_ref FROM holding WHERE tenant_id = 'tenant-a' AND subject_ref LIKE ?")) {
            s.setString(1, run + "-%");
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    subjectById.put(r.getString(1), r.getString(2));
                }
            }
        }
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(run + "-" + i, subjectById.get(ids.get(i)), "ids[" + i + "]");
        }
        assertEquals(
                5000,
                count("SELECT count(*) FROM holding WHERE tenant_id = 'tenant-a' AND subject_ref LIKE ?", run + "-%"));
        as("tenant-a", "auditor").get("/v1/audit-events/verification").then().statusCode(200); // seals
        assertEquals(
                5000,
                count(
                        "SELECT count(*) FROM audit_event WHERE tenant_id = 'tenant-a' "
                                + "AND action = 'HOLDING_REGISTERED' AND subject_ref LIKE ?",
                        run + "-%"));
        as("tenant-a", "operator")
                .get("/v1/subjects/" + run + "-4999/holdings")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(result.getString("ids[4999]")))
                .body("items[0].deleteOn", equalTo("2026-04-03"))
                .body("items[0].explanation", containsString("keeps data 92 days from collection"));
        as("tenant-a", "auditor")
                .get("/v1/audit-events?limit=500&subjectRef=" + run + "-7")
                .then()
                .statusCode(200)
                .body("items.action", equalTo(List.of("HOLDING_REGISTERED")))
                .body("items[0].resourceId", equalTo(result.getString("ids[7]")));
        // The bulk-appended lines are links of the same hash chain as every other audit line.
        as("tenant-a", "auditor")
                .get("/v1/audit-events/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(true));
    }

    @Test
    void shouldWriteNothingAndListEveryRowErrorWhenAnyRowIsBad() throws SQLException {
        String category = addCategory("tenant-a", uniqueCode("batch"), "");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String future = OffsetDateTime.now(ZoneOffset.ofHours(9))
                .plusDays(2)
                .withNano(0)
                .toString();
        List<String> rows = List.of(
                holding("ok-" + run + "-0", category, recent(), "a/0"),
                holding("ok-" + run + "-1", "not-in-ledger", recent(), "a/1"),
                holding("ok-" + run + "-2", category, recent(), "a/2"),
                holding("ok-" + run + "-3", category, future, "a/3"),
                holding("ok-" + run + "-4", category, "last tuesday", "a/4"),
                holding("ok-" + run + "-5", category, "2026-02-30T10:00:00+09:00", "a/5"),
                holding("ok-" + run + "-0", category, recent(), "a/0"),
                "{\"subjectRef\": \"ok-" + run + "-7\", \"collectedAt\": \"" + recent() + "\"}");

        as("tenant-a", "client-system")
                .body(batch(rows))
                .post("/v1/holdings/batch")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/batch-rejected"))
                .body("detail", equalTo("6 of 8 rows are not valid (8 errors); nothing was written"))
                .body(
                        "errors.field",
                        equalTo(List.of(
                                "holdings[1].categoryCode",
                                "holdings[3].collectedAt",
                                "holdings[4].collectedAt",
                                "holdings[5].collectedAt",
                                "holdings[6].locator",
                                "holdings[7].categoryCode",
                                "holdings[7].locator",
                                "holdings[7].owningSystem")))
                .body("errors[0].message", containsString("not-in-ledger is not in the ledger"))
                .body("errors[1].message", equalTo("must not be in the future"))
                .body(
                        "errors[4].message",
                        equalTo("repeats row 0 (same subjectRef, categoryCode, owningSystem and locator)"));

        // A null row is not a holding: the platform's JSON refuses it before any row is read.
        as("tenant-a", "client-system")
                .body(batch(List.of(rows.get(0), "null")))
                .post("/v1/holdings/batch")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", containsString("holdings"));

        assertEquals(0, count("SELECT count(*) FROM holding WHERE subject_ref LIKE ?", "ok-" + run + "-%"));
        assertEquals(0, count("SELECT count(*) FROM audit_event WHERE subject_ref LIKE ?", "ok-" + run + "-%"));
    }

    @Test
    void shouldRefuseTheWholeBatchWhenOneRowIsAlreadyRegistered() throws SQLException {
        String category = addCategory("tenant-a", uniqueCode("again"), "");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String existing = holding("again-" + run + "-1", category, "2026-01-02T00:00:00+09:00", "a/1");
        as("tenant-a", "client-system")
                .body(existing)
                .post("/v1/holdings")
                .then()
                .statusCode(201);

        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            rows.add(i == 1200 ? existing : holding("again-" + run + "-new-" + i, category, recent(), "b/" + i));
        }
        as("tenant-a", "client-system")
                .body(batch(rows))
                .post("/v1/holdings/batch")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/batch-rejected"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("holdings[1200].locator"))
                .body("errors[0].message", containsString("already registered"));
        // The first chunk of 1,000 rows had been inserted before the duplicate in the second was found: rolled back.
        assertEquals(0, count("SELECT count(*) FROM holding WHERE subject_ref LIKE ?", "again-" + run + "-new-%"));
        assertEquals(1, count("SELECT count(*) FROM holding WHERE subject_ref = ?", "again-" + run + "-1"));
    }

    @Test
    void shouldListAtMostAThousandRowErrorsAndCountThemAllInTheDetail() throws SQLException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            rows.add(holding("many-" + run + "-" + i, "not-in-ledger", recent(), "m/" + i));
        }
        as("tenant-a", "client-system")
                .body(batch(rows))
                .post("/v1/holdings/batch")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/batch-rejected"))
                .body("errors", hasSize(1000))
                .body("errors[999].field", equalTo("holdings[999].categoryCode"))
                .body(
                        "detail",
                        equalTo("1500 of 1500 rows are not valid (1500 errors, the first 1000 listed); "
                                + "nothing was written"));
        assertEquals(0, count("SELECT count(*) FROM holding WHERE subject_ref LIKE ?", "many-" + run + "-%"));
    }

    @Test
    void shouldRefuseAnEmptyOrOversizedBatchNamingHoldings() {
        as("tenant-a", "client-system")
                .body("{\"holdings\": []}")
                .post("/v1/holdings/batch")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("holdings"));
        as("tenant-a", "client-system")
                .body("{}")
                .post("/v1/holdings/batch")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("holdings"));
        String row = holding("too-many", "whatever", "2026-01-01T00:00:00+09:00", "x");
        as("tenant-a", "client-system")
                .body(batch(Collections.nCopies(5001, row)))
                .post("/v1/holdings/batch")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("holdings"))
                .body("errors[0].message", containsString("5000"));
    }

    @Test
    void shouldKeepBatchesWithinTheCallersTenant() throws SQLException {
        String category = addCategory("tenant-a", uniqueCode("mine"), "");
        String run = UUID.randomUUID().toString().substring(0, 8);
        as("tenant-b", "client-system")
                .body(batch(List.of(holding("iso-" + run, category, recent(), "x/1"))))
                .post("/v1/holdings/batch")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("holdings[0].categoryCode"));
        as("tenant-b", "client-system")
                .body("{\"holdings\": ["
                        + holding("iso-" + run, addCategory("tenant-b", uniqueCode("theirs"), ""), recent(), "x/1")
                        + "]}")
                .post("/v1/holdings/batch")
                .then()
                .statusCode(201);
        as("tenant-a", "operator")
                .get("/v1/subjects/iso-" + run + "/holdings")
                .then()
                .body("items", hasSize(0));
        assertEquals(
                1,
                count("SELECT count(*) FROM holding WHERE tenant_id = 'tenant-b' AND subject_ref = ?", "iso-" + run));
        as("tenant-b", "auditor")
                .get("/v1/audit-events?limit=500&subjectRef=iso-" + run)
                .then()
                .body("items.tenantId", everyItem(equalTo("tenant-b")));
    }

    @Test
    void shouldReplayARetriedBatchWithTheSameIdempotencyKey() throws SQLException {
        String category = addCategory("tenant-a", uniqueCode("retry"), "");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String body = batch(List.of(
                holding("retry-" + run + "-0", category, recent(), "r/0"),
                holding("retry-" + run + "-1", category, recent(), "r/1")));
        String key = UUID.randomUUID().toString();
        String first = as("tenant-a", "client-system")
                .header("Idempotency-Key", key)
                .body(body)
                .post("/v1/holdings/batch")
                .then()
                .statusCode(201)
                .extract()
                .asString();
        as("tenant-a", "client-system")
                .header("Idempotency-Key", key)
                .body(body)
                .post("/v1/holdings/batch")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"))
                .body(equalTo(first));
        assertEquals(2, count("SELECT count(*) FROM holding WHERE subject_ref LIKE ?", "retry-" + run + "-%"));
        as("tenant-a", "auditor").get("/v1/audit-events/verification").then().statusCode(200); // seals
        assertEquals(2, count("SELECT count(*) FROM audit_event WHERE subject_ref LIKE ?", "retry-" + run + "-%"));
        // Replays answer the stored result without re-running: no error even though the rows now exist.
        JsonPath replay = as("tenant-a", "client-system")
                .header("Idempotency-Key", key)
                .body(body)
                .post("/v1/holdings/batch")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        assertEquals(2, replay.getInt("registered"));
        assertEquals(
                List.of(id("retry-" + run + "-0"), id("retry-" + run + "-1")), replay.getList("ids", String.class));
        assertEquals(2, count("SELECT count(*) FROM holding WHERE subject_ref LIKE ?", "retry-" + run + "-%"));
        as("tenant-a", "auditor").get("/v1/audit-events/verification").then().statusCode(200); // seals
        assertEquals(2, count("SELECT count(*) FROM audit_event WHERE subject_ref LIKE ?", "retry-" + run + "-%"));
        // The stored answer is the summary, not thousands of echoed rows.
        assertEquals(first.length(), count("SELECT length(body) FROM idempotency_record WHERE idem_key = ?", key));
    }

    private static String id(String subjectRef) throws SQLException {
        try (Connection c = PostgresTestResource.connect();
                PreparedStatement s =
                        c.prepareStatement("SELECT CAST(id AS text) FROM holding WHERE subject_ref = ?")) {
            s.setString(1, subjectRef);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    @Test
    void shouldAcceptUnusualValidRowsAndNameEveryConstraintBroken() throws SQLException {
        // Unusual but valid values (non-ASCII locators, every punctuation a subjectRef allows, the longest locator)
        // are registered; wrong rows get the validator's own messages and field names, as before the quick check.
        String category = addCategory("tenant-a", uniqueCode("odd"), "");
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> rows = List.of(
                holding("Odd." + run + "_a:b@c+d=e~f-0", category, recent(), "録音　ファイル"),
                holding("odd-" + run + "-1", category, recent(), "\u3000x"),
                holding("odd-" + run + "-2", category, recent(), "y".repeat(400)));
        JsonPath ok = as("tenant-a", "client-system")
                .body(batch(rows))
                .post("/v1/holdings/batch")
                .then()
                .statusCode(201)
                .body("registered", equalTo(3))
                .body("ids", hasSize(3))
                .extract()
                .jsonPath();
        assertEquals(id("Odd." + run + "_a:b@c+d=e~f-0"), ok.getString("ids[0]"));
        assertEquals(id("odd-" + run + "-2"), ok.getString("ids[2]"));

        List<String> bad = List.of(
                holding("bad-" + run + "-0", category, recent(), "z".repeat(401)),
                holding("-bad-" + run, category, recent(), "z/1"),
                holding("bad-" + run + "-2", category, " ", "z/2"),
                holding("bad-" + run + "-3", "Upper", recent(), " \\t "));
        as("tenant-a", "client-system")
                .body(batch(bad))
                .post("/v1/holdings/batch")
                .then()
                .statusCode(422)
                .body(
                        "errors.field",
                        equalTo(List.of(
                                "holdings[0].locator",
                                "holdings[1].subjectRef",
                                "holdings[2].collectedAt",
                                "holdings[3].categoryCode",
                                "holdings[3].locator")))
                .body("errors[0].message", equalTo("size must be between 0 and 400"))
                .body("errors[1].message", equalTo(dev.mamori.platform.subject.SubjectRef.MESSAGE))
                .body("errors[2].message", equalTo("must not be blank"))
                .body("errors[4].message", equalTo("must not be blank"));
        assertEquals(0, count("SELECT count(*) FROM holding WHERE subject_ref LIKE ?", "bad-" + run + "-%"));
    }
}
