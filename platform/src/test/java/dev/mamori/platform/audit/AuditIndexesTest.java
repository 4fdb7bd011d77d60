package dev.mamori.platform.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.platform.PlatformDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The indexes V0_7 made cheaper to write still answer the questions they are for: a person's audit lines, read events
 * included (APPI Art. 23, an auditor's question), and the prune of old change notices.
 */
class AuditIndexesTest {

    private static PlatformDatabase db;

    @BeforeAll
    static void start() throws Exception {
        db = PlatformDatabase.start(
                "V0_1__platform.sql",
                "V0_2__audit_read_events.sql",
                "V0_3__audit_pending.sql",
                "V0_4__change_notice.sql",
                "V0_7__fewer_index_entries_per_write.sql");
        // 20,000 write lines without subject_refs and one read event naming person-x among others.
        db.sql("INSERT INTO audit_event (id, tenant_id, seq, occurred_at, actor_subject, action, resource_type, "
                + "resource_id, subject_ref, outcome, prev_hash, hash) SELECT gen_random_uuid(), 'tenant-a', g, "
                + "now(), 'operator', 'CONSENT_RECORDED', 'consent', g::text, 'person-' || g, 'SUCCESS', 'p', 'h' "
                + "FROM generate_series(1, 20000) g");
        db.sql("INSERT INTO audit_event (id, tenant_id, seq, occurred_at, actor_subject, action, resource_type, "
                + "outcome, prev_hash, hash, subject_refs, resource_ids, occurred_ats) VALUES (gen_random_uuid(), "
                + "'tenant-a', 20001, now(), 'operator', 'CONSENT_READ', 'consent', 'SUCCESS', 'p', 'h', "
                + "ARRAY['person-y', 'person-x'], ARRAY['r1', 'r2'], ARRAY[now(), now()])");
        db.sql("INSERT INTO change_notice (channel, payload, created_at) SELECT 'consent_changed', 'p' || g, "
                + "now() - make_interval(secs => 20000 - g) FROM generate_series(1, 20000) g");
        db.sql("ANALYZE audit_event");
        db.sql("ANALYZE change_notice");
    }

    @AfterAll
    static void stop() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void aPersonsLinesReadEventsIncludedAreFoundThroughTheIndexes() throws SQLException {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            // Planned for the person asked: the partial index must be one PostgreSQL can prove usable for the
            // lookup (subject_refs @> ARRAY[...] implies subject_refs IS NOT NULL), or a person's reads are found by
            // scanning the tenant's whole log.
            s.execute("SET plan_cache_mode = force_custom_plan");
            s.execute("SET enable_seqscan = off");
            s.execute("PREPARE page(text, bigint, text, int) AS " + AuditLog.PAGE_OF_SUBJECT);
            String plan = plan(s, "EXPLAIN EXECUTE page('tenant-a', 0, 'person-x', 50)");
            assertTrue(plan.contains("audit_event_subject_refs"), plan);
            assertTrue(plan.contains("audit_event_subject "), plan);

            try (ResultSet r = s.executeQuery("EXECUTE page('tenant-a', 0, 'person-x', 50)")) {
                assertTrue(r.next());
                assertEquals(20001, r.getLong("seq"));
            }
            try (ResultSet r = s.executeQuery("EXECUTE page('tenant-a', 0, 'person-7', 50)")) {
                assertTrue(r.next());
                assertEquals(7, r.getLong("seq"));
            }
        }
    }

    @Test
    void writeLinesLeaveNoEntryInTheReadEventsIndex() throws SQLException {
        // Only lines with subject_refs (read events) are in it, not the write lines with NULL there.
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(
                        "SELECT indexdef FROM pg_indexes WHERE indexname = 'audit_event_subject_refs'")) {
            assertTrue(r.next());
            assertTrue(r.getString(1).endsWith("WHERE (subject_refs IS NOT NULL)"), r.getString(1));
        }
    }

    @Test
    void thePruneOfOldNoticesUsesTheBlockRangeIndex() throws SQLException {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("SET enable_seqscan = off");
            String plan = plan(s, "EXPLAIN DELETE FROM change_notice WHERE created_at < now() - interval '1 hour'");
            assertTrue(plan.contains("change_notice_by_age"), plan);
        }
    }

    private static String plan(Statement s, String explain) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet r = s.executeQuery(explain)) {
            while (r.next()) {
                plan.append(r.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }
}
