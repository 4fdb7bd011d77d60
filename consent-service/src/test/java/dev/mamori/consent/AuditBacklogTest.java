package dev.mamori.consent;

import static dev.mamori.consent.ConsentFixtures.as;
import static dev.mamori.consent.ConsentFixtures.purpose;
import static dev.mamori.consent.ConsentFixtures.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.platform.audit.AuditBuffer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/**
 * A burst of decisions larger than one flush chunk is written in the same scheduler tick, chunk after chunk: a tick
 * that wrote one chunk and waited for the next would cap audited reads at one chunk a second and, once the buffer
 * filled, refuse reads the database could easily have recorded.
 */
@QuarkusTest
@TestProfile(AuditBacklogTest.SmallChunks.class)
class AuditBacklogTest {

    public static class SmallChunks implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mamori.audit.buffer.reads-per-event", "10");
        }
    }

    @Inject
    AuditBuffer buffer;

    @Test
    void shouldWriteABacklogOfManyReadEventsWithinOneTick() throws InterruptedException {
        String purpose = purpose("tenant-b", null);
        String prefix = unique("burst");
        StringJoiner checks = new StringJoiner(",", "{\"checks\": [", "]}");
        for (int i = 0; i < 300; i++) {
            checks.add("{\"subjectRef\": \"" + prefix + "-" + i + "\", \"purpose\": \"" + purpose + "\"}");
        }
        as("tenant-b", "client-system")
                .body(checks.toString())
                .post("/v1/decisions/batch")
                .then()
                .statusCode(200);
        // 300 reads are 30 read events of 10: all of them are written within a tick or two.
        long deadline = System.currentTimeMillis() + 3_000;
        while (buffer.pending() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, buffer.pending(), "the backlog is written within a tick or two");
        int written = 0;
        for (int i = 0; i < 300; i += 37) {
            written += as("tenant-b", "auditor")
                    .queryParam("subjectRef", prefix + "-" + i)
                    .get("/v1/audit-events")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("items.action")
                    .size();
        }
        assertEquals(9, written, "one USE_DECISION event per person asked about, listing that read");
        as("tenant-b", "auditor").get("/v1/audit-events/verification").then().body("intact", equalTo(true));
        assertTrue(buffer.pending() == 0);
    }
}
