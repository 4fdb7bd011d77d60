package dev.mamori.consent;

import static dev.mamori.consent.ConsentFixtures.as;
import static dev.mamori.consent.ConsentFixtures.purpose;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every decision is a read of a person's data and must be audited. When the audit buffer is full because the
 * database fell behind, decisions are refused rather than served unaudited or queued without bound.
 */
@QuarkusTest
@TestProfile(AuditBackpressureTest.TinyAuditBuffer.class)
class AuditBackpressureTest {

    public static class TinyAuditBuffer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mamori.audit.buffer.capacity", "2");
        }
    }

    @Test
    void shouldRefuseDecisionsItCannotAuditAndServeThemAgainOnceTheLogCaughtUp() throws InterruptedException {
        String purpose = purpose("tenant-a", null);
        boolean refused = false;
        for (int i = 0; i < 12 && !refused; i++) {
            Response r = as("tenant-a", "client-system")
                    .queryParam("subjectRef", "s" + i)
                    .queryParam("purpose", purpose)
                    .get("/v1/decisions");
            if (r.statusCode() == 503) {
                assertTrue(r.contentType().startsWith("application/problem+json"));
                assertTrue(r.jsonPath().getString("type").endsWith("/audit-backlog"), r.asString());
                refused = true;
            } else {
                assertTrue(r.statusCode() == 200, r.asString());
            }
        }
        assertTrue(refused, "a full audit buffer must refuse the read");

        boolean servedAgain = false;
        for (int i = 0; i < 50 && !servedAgain; i++) {
            Thread.sleep(100);
            servedAgain = as("tenant-a", "client-system")
                            .queryParam("subjectRef", "later")
                            .queryParam("purpose", purpose)
                            .get("/v1/decisions")
                            .statusCode()
                    == 200;
        }
        assertTrue(servedAgain, "decisions are served again once the buffer was flushed");
    }
}
