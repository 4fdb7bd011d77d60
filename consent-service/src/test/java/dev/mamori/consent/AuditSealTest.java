package dev.mamori.consent;

import static dev.mamori.consent.ConsentFixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mamori.testing.PostgresTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A write's audit lines are written in its own transaction without taking the tenant's chain head, and sealed into
 * the chain afterwards: writes of one tenant no longer queue behind one lock, and nothing is lost on the way.
 */
@QuarkusTest
class AuditSealTest {

    private static String publish(String tenant) {
        return ConsentFixtures.purpose(tenant, null);
    }

    @Test
    void a_write_does_not_wait_for_the_chain_head() throws Exception {
        publish("tenant-b");
        // Sealed, so the head row exists and the lock below is a real one.
        as("tenant-b", "auditor").get("/v1/audit-events/verification").then().statusCode(200);
        try (Connection holder = PostgresTestResource.connect();
                Statement s = holder.createStatement()) {
            holder.setAutoCommit(false);
            // Someone holds tenant-b's chain head (as a long write transaction did under the old scheme).
            s.executeQuery("SELECT * FROM audit_chain_head WHERE tenant_id = 'tenant-b' FOR UPDATE")
                    .close();
            // The write commits while the head is held: it never asks for it.
            CompletableFuture<Integer> write = CompletableFuture.supplyAsync(() -> as("tenant-b", "privacy-officer")
                    .body("""
                            {"code": "%s", "titleJa": "会員管理", "descriptionJa": "会員情報を管理します。", "dataItems": ["name"]}
                            """.formatted(ConsentFixtures.unique("p")))
                    .post("/v1/purposes")
                    .statusCode());
            assertEquals(201, write.get(20, TimeUnit.SECONDS));
            holder.rollback();
        }
        as("tenant-b", "auditor")
                .get("/v1/audit-events/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(true));
    }

    @Test
    void a_seal_that_fails_midway_loses_nothing_and_old_unsealed_lines_are_reported() throws Exception {
        String tenant = "tenant-seal";
        as(tenant, "auditor")
                .get("/v1/audit-events/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(true));
        sql(
                "CREATE FUNCTION fail_seal() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk gone'; END; $$ "
                        + "LANGUAGE plpgsql",
                "CREATE TRIGGER fail_seal BEFORE INSERT ON audit_event FOR EACH ROW "
                        + "WHEN (NEW.tenant_id = 'tenant-seal') EXECUTE FUNCTION fail_seal()");
        String code;
        try {
            code = publish(tenant);
            // The seal before the read failed after it had taken the lines out: its transaction rolled back, so
            // they are all still pending.
            as(tenant, "auditor")
                    .get("/v1/audit-events/verification")
                    .then()
                    .statusCode(200)
                    .body("intact", equalTo(true));
            assertEquals(1, count("SELECT count(*) FROM audit_pending WHERE tenant_id = 'tenant-seal'"));
            // Lines committed long ago and still not chained are reported as a broken log.
            sql(
                    "ALTER TABLE audit_pending DISABLE TRIGGER audit_pending_not_edited",
                    "UPDATE audit_pending SET written_at = written_at - interval '1 minute' WHERE tenant_id = 'tenant-seal'",
                    "ALTER TABLE audit_pending ENABLE TRIGGER audit_pending_not_edited");
            as(tenant, "auditor")
                    .get("/v1/audit-events/verification")
                    .then()
                    .statusCode(200)
                    .body("intact", equalTo(false))
                    .body("reason", containsString("not sealed"));
        } finally {
            sql("DROP TRIGGER fail_seal ON audit_event", "DROP FUNCTION fail_seal()");
        }
        // Once sealing works again, the line is in the chain and the chain is whole.
        as(tenant, "auditor")
                .get("/v1/audit-events/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(true));
        as(tenant, "auditor")
                .get("/v1/audit-events?limit=500")
                .then()
                .statusCode(200)
                .body("items.resourceId", hasItem(code + "@1"));
        assertEquals(0, count("SELECT count(*) FROM audit_pending WHERE tenant_id = 'tenant-seal'"));
    }

    @Test
    void a_pending_line_cannot_be_edited() throws Exception {
        try (Connection c = PostgresTestResource.connect();
                Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO audit_pending (tenant_id, occurred_at, actor_subject, action, resource_type, "
                    + "outcome) VALUES ('tenant-x', now(), 'someone', 'TEST', 'test', 'SUCCESS')");
            org.junit.jupiter.api.Assertions.assertThrows(
                    SQLException.class,
                    () -> s.executeUpdate(
                            "UPDATE audit_pending SET actor_subject = 'someone-else' WHERE tenant_id = 'tenant-x'"));
            s.executeUpdate("DELETE FROM audit_pending WHERE tenant_id = 'tenant-x'");
        }
    }

    private static void sql(String... statements) throws SQLException {
        try (Connection c = PostgresTestResource.connect();
                Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static long count(String query) throws SQLException {
        try (Connection c = PostgresTestResource.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
