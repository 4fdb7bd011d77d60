package dev.mamori.retention;

import static dev.mamori.retention.Ledger.addCategory;
import static dev.mamori.retention.Ledger.as;
import static dev.mamori.retention.Ledger.holding;
import static dev.mamori.retention.Ledger.uniqueCode;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * An incident's scope counts the holdings of the affected categories and their persons instead of someone counting
 * by hand (incident-service; APPI Art. 26, PPC Rule 8(1) "本人の数").
 */
@QuarkusTest
class HoldingCountTest {

    private static void register(String tenant, String person, String category, String at, String system) {
        as(tenant, "client-system")
                .body(holding(person, category, at, uniqueCode("loc"), system, null))
                .post("/v1/holdings")
                .then()
                .statusCode(201);
    }

    @Test
    void countsHoldingsAndDistinctPersonsBySystemAndPeriodInTheCallersTenantOnly() {
        String tenant = "tenant-a";
        String calls = addCategory(tenant, uniqueCode("calls"), "");
        String other = addCategory(tenant, uniqueCode("other"), "");
        String alice = uniqueCode("alice");
        String bob = uniqueCode("bob");
        register(tenant, alice, calls, "2026-01-10T10:00:00+09:00", "crm");
        register(tenant, alice, calls, "2026-02-10T10:00:00+09:00", "crm");
        register(tenant, bob, calls, "2026-02-11T10:00:00+09:00", "ivr");
        register(tenant, bob, other, "2026-02-11T10:00:00+09:00", "crm");

        as(tenant, "privacy-officer")
                .queryParam("category", calls)
                .get("/v1/holdings/count")
                .then()
                .statusCode(200)
                .body("holdings", equalTo(3))
                .body("persons", equalTo(2));
        as(tenant, "privacy-officer")
                .queryParam("category", calls)
                .queryParam("category", other)
                .queryParam("owningSystem", "crm")
                .get("/v1/holdings/count")
                .then()
                .body("holdings", equalTo(3))
                .body("persons", equalTo(2));
        as(tenant, "operator")
                .queryParam("category", calls)
                .queryParam("collectedFrom", "2026-02-01T00:00:00+09:00")
                .queryParam("collectedTo", "2026-02-11T10:00:00+09:00")
                .get("/v1/holdings/count")
                .then()
                .body("holdings", equalTo(1))
                .body("persons", equalTo(1));
        // Another tenant's count of the same code sees none of these holdings.
        as("tenant-b", "privacy-officer")
                .queryParam("category", calls)
                .get("/v1/holdings/count")
                .then()
                .statusCode(200)
                .body("holdings", equalTo(0));
    }

    @Test
    void refusesACountWithoutACategoryOrWithAnEmptyPeriod() {
        as("tenant-a", "privacy-officer")
                .get("/v1/holdings/count")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as("tenant-a", "privacy-officer")
                .queryParam("category", "calls")
                .queryParam("collectedFrom", "2026-02-01T00:00:00Z")
                .queryParam("collectedTo", "2026-01-01T00:00:00Z")
                .get("/v1/holdings/count")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/empty-period"));
        as("tenant-a", "client-system")
                .queryParam("category", "calls")
                .get("/v1/holdings/count")
                .then()
                .statusCode(403);
    }
}
