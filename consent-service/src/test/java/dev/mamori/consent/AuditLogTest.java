package dev.mamori.consent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mamori.testing.PostgresTestResource;
import dev.mamori.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditLogTest {

    private static void publish(String tenant, String code) {
        given().auth()
                .oauth2(TestTokens.forTenant(tenant, "privacy-officer"))
                .contentType(ContentType.JSON)
                .body("""
                        {"code": "%s", "titleJa": "会員管理", "descriptionJa": "会員情報を管理します。", "dataItems": ["name"]}
                        """.formatted(code))
                .post("/v1/purposes")
                .then()
                .statusCode(201);
    }

    @Test
    void shouldRecordWhoChangedWhatForTheAuditorOfThatTenantOnly() {
        String code = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        publish("tenant-a", code);

        given().auth()
                .oauth2(TestTokens.forTenant("tenant-a", "auditor"))
                .get("/v1/audit-events?limit=500")
                .then()
                .statusCode(200)
                .body("items.resourceId", hasItem(code + "@1"))
                .body("items.tenantId", everyItem(equalTo("tenant-a")))
                .body("items.actorClient", hasItem("tenant-a-privacy-officer"));
        given().auth()
                .oauth2(TestTokens.forTenant("tenant-b", "auditor"))
                .get("/v1/audit-events?limit=500")
                .then()
                .statusCode(200)
                .body("items.tenantId", everyItem(equalTo("tenant-b")));
        given().auth()
                .oauth2(TestTokens.forTenant("tenant-a", "auditor"))
                .get("/v1/audit-events/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(true))
                .body("eventsChecked", greaterThan(0));
    }

    @Test
    void shouldRefuseToEditAnAuditRowAndDetectOneEditedBehindItsBack() throws SQLException {
        // tenant-c is used only here, so tampering with its chain does not disturb other tests.
        publish("tenant-c", "tamper-1");
        publish("tenant-c", "tamper-2");
        publish("tenant-c", "tamper-3");
        given().auth()
                .oauth2(TestTokens.forTenant("tenant-c", "auditor"))
                .get("/v1/audit-events/verification")
                .then()
                .body("intact", equalTo(true))
                .body("eventsChecked", equalTo(3));

        try (Connection c = PostgresTestResource.connect();
                Statement s = c.createStatement()) {
            assertThrows(
                    SQLException.class,
                    () -> s.executeUpdate(
                            "UPDATE audit_event SET actor_subject = 'someone-else' WHERE tenant_id = 'tenant-c' AND seq = 2"));
            s.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only");
            s.executeUpdate(
                    "UPDATE audit_event SET actor_subject = 'someone-else' WHERE tenant_id = 'tenant-c' AND seq = 2");
            s.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only");
        }
        given().auth()
                .oauth2(TestTokens.forTenant("tenant-c", "auditor"))
                .get("/v1/audit-events/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(false))
                .body("brokenAtSeq", equalTo(2));

        try (Connection c = PostgresTestResource.connect();
                Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only");
            s.executeUpdate("DELETE FROM audit_event WHERE tenant_id = 'tenant-c' AND seq = 3");
            s.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only");
        }
        // Even with the edited row put back, the deleted tail is found: the head says three were written.
        try (Connection c = PostgresTestResource.connect();
                Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only");
            s.executeUpdate("UPDATE audit_event SET actor_subject = 'service-account-tenant-c-privacy-officer' "
                    + "WHERE tenant_id = 'tenant-c' AND seq = 2");
            s.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only");
        }
        given().auth()
                .oauth2(TestTokens.forTenant("tenant-c", "auditor"))
                .get("/v1/audit-events/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(false))
                .body("brokenAtSeq", equalTo(3));
    }

    @Test
    void shouldReportTheSeqOfAnAuditRowDeletedFromTheMiddleOfTheChain() throws SQLException {
        // A tenant of its own: the tampering below must not break the chain other tests verify.
        String tenant = "tenant-c-gap-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 1; i <= 4; i++) {
            publish(tenant, "gap-" + i);
        }
        given().auth()
                .oauth2(TestTokens.forTenant(tenant, "auditor"))
                .get("/v1/audit-events/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(true))
                .body("eventsChecked", equalTo(4));

        tamper("DELETE FROM audit_event WHERE tenant_id = '" + tenant + "' AND seq = 2");

        // The rows before and after the gap are intact and the head still says four: only the gap gives it away.
        given().auth()
                .oauth2(TestTokens.forTenant(tenant, "auditor"))
                .get("/v1/audit-events/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(false))
                .body("brokenAtSeq", equalTo(2))
                .body("eventsChecked", equalTo(1))
                .body("reason", equalTo("event 2 is missing"));
    }

    @Test
    void shouldReportAMiddleRowDeletedAndTheGapClosedByRenumberingTheRowsAfterIt() throws SQLException {
        String tenant = "tenant-c-renumber-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 1; i <= 4; i++) {
            publish(tenant, "renumber-" + i);
        }
        // Reading the log seals its lines into the chain; the tampering below works on sealed rows.
        given().auth()
                .oauth2(TestTokens.forTenant(tenant, "auditor"))
                .get("/v1/audit-events/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(true))
                .body("eventsChecked", equalTo(4));
        // Hiding the deletion: seq 3 and 4 move down to 2 and 3, and the head is set back to the new last row.
        tamper(
                "DELETE FROM audit_event WHERE tenant_id = '" + tenant + "' AND seq = 2",
                "UPDATE audit_event SET seq = 2 WHERE tenant_id = '" + tenant + "' AND seq = 3",
                "UPDATE audit_event SET seq = 3 WHERE tenant_id = '" + tenant + "' AND seq = 4",
                "UPDATE audit_chain_head SET last_seq = 3, last_hash = (SELECT hash FROM audit_event WHERE tenant_id = '"
                        + tenant + "' AND seq = 3) WHERE tenant_id = '" + tenant + "'");

        // The row now at seq 2 still carries the hash of the deleted row as its predecessor.
        given().auth()
                .oauth2(TestTokens.forTenant(tenant, "auditor"))
                .get("/v1/audit-events/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(false))
                .body("brokenAtSeq", equalTo(2))
                .body("eventsChecked", equalTo(1));
    }

    /** Runs statements with the append-only trigger off, as someone with direct database access could. */
    private static void tamper(String... statements) throws SQLException {
        try (Connection c = PostgresTestResource.connect();
                Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only");
            try {
                for (String sql : statements) {
                    s.executeUpdate(sql);
                }
            } finally {
                s.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only");
            }
        }
    }
}
