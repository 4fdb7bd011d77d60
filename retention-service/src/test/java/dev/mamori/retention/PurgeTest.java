package dev.mamori.retention;

import static dev.mamori.retention.Ledger.addCategory;
import static dev.mamori.retention.Ledger.addContract;
import static dev.mamori.retention.Ledger.addDueHoldings;
import static dev.mamori.retention.Ledger.as;
import static dev.mamori.retention.Ledger.holding;
import static dev.mamori.retention.Ledger.uniqueCode;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The purge (batch size 50 in tests): erases what is due with evidence, skips what is held, survives faults. */
@QuarkusTest
class PurgeTest {

    private static String recent() {
        return OffsetDateTime.now(ZoneOffset.ofHours(9))
                .minusDays(3)
                .withNano(0)
                .toString();
    }

    private static JsonPath purge(String tenant) {
        return as(tenant, "privacy-officer")
                .post("/v1/purge-runs")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void shouldEraseEverythingPastItsDateWithOneEvidenceRowEachAndKeepWhatIsHeld() {
        String tenant = Db.uniqueTenant("purge");
        String category = addCategory(tenant, uniqueCode("rec"), "");
        addDueHoldings(tenant, category, "due", 120, "ivr");
        addDueHoldings(tenant, category, "in-court", 1, "ivr");
        as(tenant, "client-system")
                .body(holding("fresh", category, recent(), "fresh/1", "ivr", null))
                .post("/v1/holdings")
                .then()
                .statusCode(201);
        String hold = as(tenant, "privacy-officer")
                .body(Map.of("subjectRef", "in-court-0", "reason", "訴訟対応のため保全"))
                .post("/v1/legal-holds")
                .then()
                .statusCode(201)
                .body("active", equalTo(true))
                .body("setBy", equalTo("service-account-" + tenant + "-privacy-officer"))
                .extract()
                .path("id");

        JsonPath run = purge(tenant);
        assertEquals("COMPLETED", run.getString("status"));
        assertEquals(120, run.getInt("erased"));
        assertEquals(1, run.getInt("held"));
        assertEquals(0, run.getInt("failed"));
        assertEquals(
                120,
                Db.count(
                        "SELECT count(DISTINCT holding_id) FROM erasure_evidence WHERE tenant_id = ? "
                                + "AND run_id = CAST(? AS uuid) AND cause = 'RETENTION'",
                        tenant,
                        run.getString("runId")));
        assertEquals(2, Db.count("SELECT count(*) FROM holding WHERE tenant_id = ?", tenant));
        // One erasure request per batch of the one owning system: 50 + 50 + 20.
        assertEquals(
                "20,50,50",
                Db.text(
                        "SELECT string_agg(CAST(item_count AS text), ',' ORDER BY item_count) "
                                + "FROM erasure_request WHERE tenant_id = ?",
                        tenant));
        as(tenant, "auditor")
                .get("/v1/purge-runs/" + run.getString("runId"))
                .then()
                .statusCode(200)
                .body("erased", equalTo(120))
                .body("trigger", equalTo("ON_DEMAND"));
        as(tenant, "auditor")
                .get("/v1/audit-events?limit=500")
                .then()
                .body("items.action", hasItem("PURGE_BATCH_ERASED"));

        // Released, the held holding goes with the next run; a run with nothing due erases nothing.
        as(tenant, "privacy-officer")
                .body(Map.of("reason", "訴訟終結"))
                .post("/v1/legal-holds/" + hold + "/release")
                .then()
                .statusCode(200)
                .body("active", equalTo(false))
                .body("releaseReason", equalTo("訴訟終結"));
        as(tenant, "privacy-officer")
                .body(Map.of("reason", "again"))
                .post("/v1/legal-holds/" + hold + "/release")
                .then()
                .statusCode(409);
        JsonPath second = purge(tenant);
        assertEquals(1, second.getInt("erased"));
        assertEquals(0, second.getInt("held"));
        assertEquals(0, purge(tenant).getInt("erased"));
        as(tenant, "operator").get("/v1/subjects/fresh/holdings").then().body("items", hasSize(1));
    }

    @Test
    void shouldHoldByCategoryOrContractAndRefuseHoldsOnAnotherTenantsData() {
        String tenant = Db.uniqueTenant("holds");
        String kept = addCategory(tenant, uniqueCode("kept"), "");
        String contract = addContract(tenant, "under-audit", "2025-01-01");
        String plain = addCategory(tenant, uniqueCode("plain"), "");
        addDueHoldings(tenant, kept, "k", 3, "ivr");
        addDueHoldings(tenant, plain, "p", 2, "ivr");
        as(tenant, "client-system")
                .body(holding("c-0", plain, "2025-01-01T10:00:00+09:00", "c/0", "ivr", contract))
                .post("/v1/holdings")
                .then()
                .statusCode(201);
        as(tenant, "privacy-officer")
                .body(Map.of("categoryCode", kept, "reason", "監督官庁の調査"))
                .post("/v1/legal-holds")
                .then()
                .statusCode(201);
        as(tenant, "privacy-officer")
                .body(Map.of(
                        "contractRef",
                        contract,
                        "reason",
                        "契約監査",
                        "until",
                        OffsetDateTime.now(ZoneOffset.UTC).plusDays(30).toString()))
                .post("/v1/legal-holds")
                .then()
                .statusCode(201);

        JsonPath run = purge(tenant);
        assertEquals(2, run.getInt("erased"));
        assertEquals(4, run.getInt("held"));

        String other = Db.uniqueTenant("nosy");
        as(other, "privacy-officer")
                .body(Map.of("categoryCode", kept, "reason", "x"))
                .post("/v1/legal-holds")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/unknown-category"))
                .body("errors[0].field", equalTo("categoryCode"));
        as(other, "privacy-officer")
                .body(Map.of("contractRef", contract, "reason", "x"))
                .post("/v1/legal-holds")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("contractRef"));
        as(other, "privacy-officer")
                .body(Map.of("reason", "no scope"))
                .post("/v1/legal-holds")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/hold-scope-missing"));
        as(other, "privacy-officer")
                .body(Map.of("subjectRef", "k-0", "reason", "x", "until", "2020-01-01T00:00:00Z"))
                .post("/v1/legal-holds")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("until"));
        assertEquals(0, Db.count("SELECT count(*) FROM legal_hold WHERE tenant_id = ?", other));
        as(other, "auditor").get("/v1/legal-holds").then().statusCode(200).body("items", hasSize(0));
        String theirs = as(tenant, "auditor")
                .get("/v1/legal-holds?active=true")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .extract()
                .path("items[0].id");
        as(other, "privacy-officer")
                .body(Map.of("reason", "x"))
                .post("/v1/legal-holds/" + theirs + "/release")
                .then()
                .statusCode(404);
        as(other, "auditor").get("/v1/legal-holds/" + theirs).then().statusCode(404);
        as(other, "auditor")
                .get("/v1/purge-runs/" + run.getString("runId"))
                .then()
                .statusCode(404);
    }

    @Test
    void shouldNeverEraseAHoldingTwiceWhenReplicasPurgeAtOnce() throws Exception {
        String tenant = Db.uniqueTenant("replicas");
        String category = addCategory(tenant, uniqueCode("rec"), "");
        addDueHoldings(tenant, category, "r", 400, "ivr");

        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<JsonPath>> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(pool.submit(() -> purge(tenant)));
        }
        int erased = 0;
        for (Future<JsonPath> run : runs) {
            JsonPath result = run.get();
            assertEquals("COMPLETED", result.getString("status"));
            erased += result.getInt("erased");
        }
        pool.shutdown();
        assertEquals(400, erased, "the runs together erased every due holding exactly once");
        assertEquals(400, Db.count("SELECT count(*) FROM erasure_evidence WHERE tenant_id = ?", tenant));
        assertEquals(
                400, Db.count("SELECT count(DISTINCT holding_id) FROM erasure_evidence WHERE tenant_id = ?", tenant));
        assertEquals(0, Db.count("SELECT count(*) FROM holding WHERE tenant_id = ?", tenant));
    }

    @Test
    void shouldRollBackAFailedBatchWholeAndCompleteTheRunAfterARestartWithOneEvidenceRowPerHolding()
            throws SQLException {
        String tenant = Db.uniqueTenant("crash");
        String category = addCategory(tenant, uniqueCode("rec"), "");
        addDueHoldings(tenant, category, "x", 120, "ivr");
        String fn = "fault_" + tenant.replace('-', '_');
        // A fault in the second batch: its evidence (one row per batch and owning system) cannot be written, after
        // its holdings were deleted and its erasure request queued in the same statement.
        Db.execute(
                "CREATE SEQUENCE " + fn + "_seq",
                "CREATE FUNCTION " + fn + "() RETURNS trigger AS $$ BEGIN "
                        + "IF NEW.tenant_id = '" + tenant + "' AND nextval('" + fn + "_seq') = 2 THEN "
                        + "RAISE EXCEPTION 'injected fault at evidence batch 2'; END IF; RETURN NEW; END; $$ LANGUAGE plpgsql",
                "CREATE TRIGGER " + fn + " BEFORE INSERT ON erasure_evidence_batch FOR EACH ROW EXECUTE FUNCTION " + fn
                        + "()");
        JsonPath failed;
        try {
            failed = purge(tenant);
        } finally {
            Db.execute(
                    "DROP TRIGGER " + fn + " ON erasure_evidence_batch",
                    "DROP FUNCTION " + fn + "()",
                    "DROP SEQUENCE " + fn + "_seq");
        }
        assertEquals("FAILED", failed.getString("status"));
        assertEquals(50, failed.getInt("erased"), "the first batch committed");
        assertEquals(70, failed.getInt("failed"), "the second batch rolled back whole; the third never ran");
        org.hamcrest.MatcherAssert.assertThat(failed.getString("error"), containsString("injected fault"));
        assertEquals(70, Db.count("SELECT count(*) FROM holding WHERE tenant_id = ?", tenant));
        assertEquals(50, Db.count("SELECT count(*) FROM erasure_evidence WHERE tenant_id = ?", tenant));
        assertEquals(
                1,
                Db.count("SELECT count(*) FROM erasure_request WHERE tenant_id = ?", tenant),
                "the failed batch's erasure request rolled back with it");

        // As if the replica had died at that moment instead of recording the failure: the run is still RUNNING,
        // and its heartbeat goes stale.
        String runId = failed.getString("runId");
        Db.execute("UPDATE purge_run SET status = 'RUNNING', finished_at = NULL, error = NULL, "
                + "heartbeat_at = now() - interval '1 hour' WHERE id = '" + runId + "'");

        JsonPath resumed = purge(tenant);
        assertEquals(runId, resumed.getString("runId"), "the abandoned run is continued, not duplicated");
        assertEquals("COMPLETED", resumed.getString("status"));
        assertEquals(120, resumed.getInt("erased"));
        assertEquals(0, resumed.getInt("failed"));
        assertEquals(0, Db.count("SELECT count(*) FROM holding WHERE tenant_id = ?", tenant));
        assertEquals(
                120,
                Db.count(
                        "SELECT count(*) FROM erasure_evidence WHERE tenant_id = ? AND run_id = CAST(? AS uuid)",
                        tenant,
                        runId));
        assertEquals(
                120, Db.count("SELECT count(DISTINCT holding_id) FROM erasure_evidence WHERE tenant_id = ?", tenant));
        assertEquals(1, Db.count("SELECT count(*) FROM purge_run WHERE tenant_id = ?", tenant));
    }

    @Test
    void shouldRefuseToEditOrRemoveEvidence() {
        String tenant = Db.uniqueTenant("appendonly");
        String category = addCategory(tenant, uniqueCode("rec"), "");
        addDueHoldings(tenant, category, "a", 1, "ivr");
        purge(tenant);
        // The evidence is stored per batch (the view erasure_evidence reads it per holding): its table refuses both.
        String locator = Db.text("SELECT locator FROM erasure_evidence WHERE tenant_id = ?", tenant);
        SQLException edit = assertThrows(
                SQLException.class,
                () -> Db.execute("UPDATE erasure_evidence_batch SET locators = ARRAY['elsewhere'] WHERE tenant_id = '"
                        + tenant + "'"));
        org.hamcrest.MatcherAssert.assertThat(edit.getMessage(), containsString("append-only"));
        SQLException removal = assertThrows(
                SQLException.class,
                () -> Db.execute("DELETE FROM erasure_evidence_batch WHERE tenant_id = '" + tenant + "'"));
        org.hamcrest.MatcherAssert.assertThat(removal.getMessage(), containsString("append-only"));
        assertEquals(1, Db.count("SELECT count(*) FROM erasure_evidence WHERE tenant_id = ?", tenant));
        assertEquals(locator, Db.text("SELECT locator FROM erasure_evidence WHERE tenant_id = ?", tenant));
    }
}
