package dev.mamori.consent;

import static dev.mamori.consent.ConsentFixtures.as;
import static dev.mamori.consent.ConsentFixtures.decide;
import static dev.mamori.consent.ConsentFixtures.purpose;
import static dev.mamori.consent.ConsentFixtures.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.platform.audit.AuditBuffer;
import dev.mamori.testing.PostgresTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Decisions are reads of a person's data, and each one stays on record: who asked, about whom, for which purpose and
 * when, in read events that are links of the tenant's hash chain like every other audit event.
 */
@QuarkusTest
class ReadAuditTest {

    @Inject
    AuditBuffer buffer;

    @Test
    void shouldRecordEachDecisionWithItsPersonPurposeAndTimeInTheChain() throws InterruptedException {
        // A tenant of its own, so that the counts below are this test's alone.
        String tenant = unique("reads");
        String first = purpose(tenant, null);
        String second = purpose(tenant, null);
        String alice = unique("alice");
        String bob = unique("bob");
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(1);

        decide(tenant, alice, first);
        decide(tenant, bob, first);
        decide(tenant, alice, second);
        as(tenant, "client-system")
                .body("""
                {"checks": [{"subjectRef": "%s", "purpose": "%s"}, {"subjectRef": "%s", "purpose": "%s"}]}
                """.formatted(bob, second, alice, first))
                .post("/v1/decisions/batch")
                .then()
                .statusCode(200);
        waitForFlush();

        // Asked about one person, the log lists exactly that person's reads, in the order they were asked.
        JsonPath aliceLog = as(tenant, "auditor")
                .queryParam("subjectRef", alice)
                .get("/v1/audit-events")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> aliceReads = aliceLog.getList("items.findAll { it.action == 'USE_DECISION' }");
        List<String> subjects = new ArrayList<>();
        List<String> purposes = new ArrayList<>();
        List<OffsetDateTime> times = new ArrayList<>();
        for (Map<String, Object> event : aliceReads) {
            subjects.addAll(strings(event.get("subjectRefs")));
            purposes.addAll(strings(event.get("resourceIds")));
            strings(event.get("occurredAts")).forEach(t -> times.add(OffsetDateTime.parse(t)));
            assertEquals(tenant + "-client-system", event.get("actorClient"));
        }
        assertEquals(List.of(alice, alice, alice), subjects);
        assertEquals(List.of(first, second, first), purposes);
        for (int i = 0; i < times.size(); i++) {
            assertTrue(times.get(i).isAfter(before) && !times.get(i).isAfter(OffsetDateTime.now()), times.toString());
            assertTrue(i == 0 || !times.get(i).isBefore(times.get(i - 1)), "in the order asked: " + times);
        }

        // The whole log holds all five reads, each once.
        JsonPath all = as(tenant, "auditor")
                .queryParam("limit", 500)
                .get("/v1/audit-events")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> readEvents = all.getList("items.findAll { it.action == 'USE_DECISION' }");
        int reads = 0;
        List<String> everyone = new ArrayList<>();
        for (Map<String, Object> event : readEvents) {
            reads += (Integer) event.get("reads");
            everyone.addAll(strings(event.get("subjectRefs")));
        }
        assertEquals(5, reads);
        assertEquals(2, everyone.stream().filter(bob::equals).count());
        assertEquals(3, everyone.stream().filter(alice::equals).count());

        // Read events and the purposes' single-line events are links of one chain.
        as(tenant, "auditor")
                .get("/v1/audit-events/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(true))
                .body("eventsChecked", equalTo(all.getList("items").size()));
    }

    @Test
    void shouldDetectAReadChangedOrRemovedBehindTheLogsBack() throws Exception {
        String tenant = unique("tamper-reads");
        String purpose = purpose(tenant, null);
        String carol = unique("carol");
        String dave = unique("dave");
        // One call, so both reads are in one read event, Carol's first.
        as(tenant, "client-system")
                .body("""
                {"checks": [{"subjectRef": "%s", "purpose": "%s"}, {"subjectRef": "%s", "purpose": "%s"}]}
                """.formatted(carol, purpose, dave, purpose))
                .post("/v1/decisions/batch")
                .then()
                .statusCode(200);
        waitForFlush();
        long seq = as(tenant, "auditor")
                .queryParam("subjectRef", dave)
                .get("/v1/audit-events")
                .then()
                .extract()
                .jsonPath()
                .getLong("items.find { it.action == 'USE_DECISION' }.seq");
        String where = " WHERE tenant_id = '" + tenant + "' AND seq = " + seq;
        as(tenant, "auditor").get("/v1/audit-events/verification").then().body("intact", equalTo(true));

        // Someone with database access hides that Dave's data was read: the event no longer verifies.
        tamper("UPDATE audit_event SET subject_refs = ARRAY['" + carol + "', '" + carol + "']" + where);
        as(tenant, "auditor")
                .get("/v1/audit-events/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(false))
                .body("brokenAtSeq", equalTo((int) seq));
        tamper("UPDATE audit_event SET subject_refs = ARRAY['" + carol + "', '" + dave + "']" + where);
        as(tenant, "auditor").get("/v1/audit-events/verification").then().body("intact", equalTo(true));

        // Removing Dave's read from all three arrays is detected as well.
        tamper("UPDATE audit_event SET subject_refs = subject_refs[1:1], resource_ids = resource_ids[1:1], "
                + "occurred_ats = occurred_ats[1:1]" + where);
        as(tenant, "auditor")
                .get("/v1/audit-events/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(false))
                .body("brokenAtSeq", equalTo((int) seq));
    }

    private void waitForFlush() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (buffer.pending() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, buffer.pending(), "the buffer is written within a tick or two");
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object list) {
        return ((List<Object>) list).stream().map(String::valueOf).toList();
    }

    private static void tamper(String sql) throws SQLException {
        try (Connection c = PostgresTestResource.connect();
                Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only");
            try {
                s.executeUpdate(sql);
            } finally {
                s.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only");
            }
        }
    }
}
