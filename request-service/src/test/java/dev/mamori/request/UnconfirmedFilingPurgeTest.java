package dev.mamori.request;

import static dev.mamori.request.Filings.center;
import static dev.mamori.request.Filings.file;
import static dev.mamori.request.Filings.filing;
import static dev.mamori.request.Filings.newTenant;
import static dev.mamori.request.Intakes.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.request.service.OnlineFilingService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What an unconfirmed filing said is not kept: a day after it was made it is deleted, and the deletion audited. */
@QuarkusTest
class UnconfirmedFilingPurgeTest {

    @Inject
    OnlineFilingService filings;

    @Test
    void shouldDeleteAFilingLeftUnconfirmedForADayAndKeepAFreshOne() throws Throwable {
        String tenant = newTenant();
        String old = file(tenant, filing("DISCLOSURE"));
        String fresh = file(tenant, filing("DISCLOSURE"));
        Filings.sql(
                "UPDATE online_filing SET created_at = now() - interval '25 hours' WHERE id = ?", UUID.fromString(old));

        int deleted = VertxContextSupport.subscribeAndAwait(() -> filings.forgetUnconfirmed());
        assertTrue(deleted >= 1, "deleted " + deleted);

        center(tenant)
                .post("/v1/online-filings/" + old + "/code")
                .then()
                .statusCode(404)
                .body("type", equalTo("https://mamori.dev/problems/filing-not-found"));
        center(tenant).post("/v1/online-filings/" + fresh + "/code").then().statusCode(202);
        List<String> deletions = as(tenant, "auditor")
                .get("/v1/audit-events")
                .then()
                .statusCode(200)
                .extract()
                .path("items.findAll { it.action == 'ONLINE_FILING_DELETED' }.resourceId");
        assertTrue(deletions.equals(List.of(old)), deletions.toString());
    }
}
