package dev.mamori.retention;

import static dev.mamori.retention.Ledger.addCategory;
import static dev.mamori.retention.Ledger.addDueHoldings;
import static dev.mamori.retention.Ledger.as;
import static dev.mamori.retention.Ledger.holding;
import static dev.mamori.retention.Ledger.uniqueCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The purge with the production batch size (5,000), larger than the due set: one batch, one transaction, and still
 * one evidence row per erased holding carrying what the deletion certificate shows, and no held holding erased.
 */
@QuarkusTest
@TestProfile(PurgeLargeBatchTest.ProductionBatchSize.class)
class PurgeLargeBatchTest {

    public static class ProductionBatchSize implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mamori.retention.purge.batch-size", "5000");
        }
    }

    /** The fields of erased holdings the evidence must repeat, as one digest over rows ordered by id. */
    private static final String FIELDS =
            "md5(string_agg(concat_ws('|', CAST(%1$s AS text), subject_ref, category_code, "
                    + "owning_system, locator, CAST(collected_at AS text), CAST(delete_after AS text), retention_basis, "
                    + "CAST(retention_days AS text), rule, contract_ref, CAST(extension_id AS text)), ',' ORDER BY %1$s))";

    @Test
    void shouldEraseADueSetSmallerThanOneBatchInOneBatchWithEvidenceForEachAndHoldsHonoured() {
        String tenant = Db.uniqueTenant("big-batch");
        String recordings = addCategory(tenant, uniqueCode("rec"), "");
        String kept = addCategory(tenant, uniqueCode("kept"), "");
        addDueHoldings(tenant, recordings, "ivr", 1200, "ivr");
        addDueHoldings(tenant, recordings, "crm", 300, "crm");
        addDueHoldings(tenant, kept, "kept", 40, "ivr");
        addDueHoldings(tenant, recordings, "court", 1, "ivr");
        as(tenant, "client-system")
                .body(holding(
                        "fresh",
                        recordings,
                        OffsetDateTime.now(ZoneOffset.ofHours(9))
                                .minusDays(3)
                                .withNano(0)
                                .toString(),
                        "fresh/1",
                        "ivr",
                        null))
                .post("/v1/holdings")
                .then()
                .statusCode(201);
        as(tenant, "privacy-officer")
                .body(Map.of("categoryCode", kept, "reason", "監督官庁の調査"))
                .post("/v1/legal-holds")
                .then()
                .statusCode(201);
        as(tenant, "privacy-officer")
                .body(Map.of("subjectRef", "court-0", "reason", "訴訟対応のため保全"))
                .post("/v1/legal-holds")
                .then()
                .statusCode(201);
        String due = Db.text(
                "SELECT " + FIELDS.formatted("id") + " FROM holding WHERE tenant_id = ? "
                        + "AND category_code = ? AND subject_ref <> 'court-0' AND delete_after <= now()",
                tenant,
                recordings);
        assertNotNull(due);

        JsonPath run = as(tenant, "privacy-officer")
                .post("/v1/purge-runs")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String runId = run.getString("runId");
        assertEquals("COMPLETED", run.getString("status"));
        assertEquals(1500, run.getInt("erased"));
        assertEquals(41, run.getInt("held"));
        assertEquals(0, run.getInt("failed"));

        // Evidence rows == erased rows, each with the holding's own fields (what the certificate covers).
        assertEquals(1500, Db.count("SELECT count(*) FROM erasure_evidence WHERE run_id = CAST(? AS uuid)", runId));
        assertEquals(
                1500, Db.count("SELECT count(DISTINCT holding_id) FROM erasure_evidence WHERE tenant_id = ?", tenant));
        assertEquals(
                due,
                Db.text(
                        "SELECT " + FIELDS.formatted("holding_id") + " FROM erasure_evidence "
                                + "WHERE tenant_id = ? AND cause = 'RETENTION' AND erased_by IS NOT NULL",
                        tenant));
        assertEquals(
                0,
                Db.count(
                        "SELECT count(*) FROM erasure_evidence e JOIN holding h ON h.id = e.holding_id "
                                + "WHERE e.tenant_id = ?",
                        tenant));
        // One batch: one erasure request per owning system, one audit line for the batch.
        assertEquals(
                "crm:300,ivr:1200",
                Db.text(
                        "SELECT string_agg(system_code || ':' || item_count, ',' "
                                + "ORDER BY system_code) FROM erasure_request WHERE tenant_id = ? AND run_id = CAST(? AS uuid)",
                        tenant,
                        runId));
        // Reading the log seals the lines its changes wrote; then they are in the chain itself.
        as(tenant, "auditor").get("/v1/audit-events/verification").then().statusCode(200);
        assertEquals(
                1,
                Db.count(
                        "SELECT count(*) FROM audit_event WHERE tenant_id = ? AND action = 'PURGE_BATCH_ERASED' "
                                + "AND resource_id = ?",
                        tenant,
                        runId));
        // What the holds keep, and what is not due yet, is still there.
        assertEquals(
                40, Db.count("SELECT count(*) FROM holding WHERE tenant_id = ? AND category_code = ?", tenant, kept));
        assertEquals(
                1, Db.count("SELECT count(*) FROM holding WHERE tenant_id = ? AND subject_ref = 'court-0'", tenant));
        assertEquals(1, Db.count("SELECT count(*) FROM holding WHERE tenant_id = ? AND subject_ref = 'fresh'", tenant));

        JsonPath again = as(tenant, "privacy-officer")
                .post("/v1/purge-runs")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(0, again.getInt("erased"));
        assertEquals(41, again.getInt("held"));
        assertEquals(1500, Db.count("SELECT count(*) FROM erasure_evidence WHERE tenant_id = ?", tenant));
    }
}
