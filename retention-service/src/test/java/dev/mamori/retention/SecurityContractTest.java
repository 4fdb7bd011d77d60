package dev.mamori.retention;

import static dev.mamori.retention.Ledger.addCategory;
import static dev.mamori.retention.Ledger.addContract;
import static dev.mamori.retention.Ledger.as;
import static dev.mamori.retention.Ledger.holding;
import static dev.mamori.retention.Ledger.uniqueCode;

import dev.mamori.testing.SecurityContract;
import dev.mamori.testing.TenantIsolation;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SecurityContractTest {

    @Test
    void everyOperationRefusesMissingTokensWrongRolesAndForeignTenantHeaders() {
        // 5 ledger, 4 holdings and subject erasure, 6 contracts, 4 legal holds, 3 owning systems, 3 purge runs,
        // 4 erasure requests and confirmations, 3 certificates, and the platform's 2 audit-log operations.
        SecurityContract.verify(34);
    }

    @Test
    void anotherTenantGetsNotFoundForEveryResourceOfTheFirst() {
        // A tenant of its own: the purge run below acts on every due holding of its tenant.
        // Its allow-list names localhost (application.properties), where its owning system's erasureUrl points.
        String owner = "isolation-owner";
        String category = addCategory(owner, uniqueCode("rec"), "");
        Erasure erasure = new Erasure(owner, category);
        TenantIsolation.table(owner)
                .resource("/v1/data-categories/{code}", () -> Map.of("code", addCategory(owner, uniqueCode("rec"), "")))
                .body(
                        "PUT",
                        "/v1/data-categories/{code}/retention",
                        "{\"retentionBasis\": \"COLLECTION\", \"retentionDays\": 400, \"reason\": \"年次見直し\"}")
                .resource("/v1/contracts/{ref}", () -> Map.of("ref", addContract(owner, uniqueCode("c"), "2026-01-01")))
                .body("POST", "/v1/contracts/{ref}/end", "{\"endsOn\": \"2026-12-31\"}")
                .body("POST", "/v1/contracts/{ref}/extensions", """
                        {"categoryCodes": ["%s"], "days": 365, "reason": "契約第12条：品質監査のため1年間保管"}""".formatted(category))
                .resource("/v1/legal-holds/{id}", () -> Map.of("id", legalHold(owner, category)))
                .body("POST", "/v1/legal-holds/{id}/release", "{\"reason\": \"訴訟終結\"}")
                .resource("/v1/owning-systems/{code}", () -> Map.of("code", owningSystem(owner)))
                .resource(
                        "/v1/purge-runs/{id}",
                        () -> Map.of(
                                "id",
                                as(owner, "privacy-officer")
                                        .post("/v1/purge-runs")
                                        .then()
                                        .statusCode(200)
                                        .extract()
                                        .<String>path("runId")))
                .resource("/v1/erasure-requests/{id}", () -> Map.of("id", erasure.requestId()))
                .resource("/v1/deletion-certificates/{id}", () -> Map.of("id", erasure.certificateId()))
                // A subject ref is a name inside the caller's tenant: another tenant's cust-1 is another person, so
                // it sees its own (empty) holdings and erasing its cust-1 leaves the owner's untouched.
                .ownNamespace("/v1/subjects/{subjectRef}", () -> {
                    String person = person();
                    String locator = "iso/" + UUID.randomUUID();
                    as(owner, "client-system")
                            .body(holding(person, category, recent(), locator, "ivr", null))
                            .post("/v1/holdings")
                            .then()
                            .statusCode(201);
                    return Map.of("subjectRef", person, "locator", locator);
                })
                .body(
                        "POST",
                        "/v1/subjects/{subjectRef}/erasure",
                        "{\"requestRef\": \"req-iso\", \"reason\": \"Art. 35(5)(a)\"}")
                .verify(16);
    }

    private static String person() {
        return "cust-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String recent() {
        return OffsetDateTime.now(ZoneOffset.ofHours(9))
                .minusDays(3)
                .withNano(0)
                .toString();
    }

    private static String legalHold(String owner, String category) {
        String person = person();
        as(owner, "client-system")
                .body(holding(person, category, recent(), "held/1", "ivr", null))
                .post("/v1/holdings")
                .then()
                .statusCode(201);
        return as(owner, "privacy-officer")
                .body(Map.of("subjectRef", person, "categoryCode", category, "reason", "苦情対応の訴訟のため保全"))
                .post("/v1/legal-holds")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String owningSystem(String owner) {
        String code = uniqueCode("crm");
        as(owner, "privacy-officer")
                .body(Map.of(
                        "code",
                        code,
                        "name",
                        "CRM " + code,
                        "erasureUrl",
                        "http://localhost:1/erase",
                        "secret",
                        "s3cr3t-shared-with-the-crm-0123456789abcdef"))
                .post("/v1/owning-systems")
                .then()
                .statusCode(201);
        return code;
    }

    /** One approved erasure of a person: it leaves an erasure request to the owning system and a certificate. */
    private static final class Erasure {
        private final String owner;
        private final String category;
        private JsonPath result;

        Erasure(String owner, String category) {
            this.owner = owner;
            this.category = category;
        }

        private JsonPath result() {
            if (result == null) {
                String person = person();
                as(owner, "client-system")
                        .body(holding(person, category, recent(), "erase/1", "ivr", null))
                        .post("/v1/holdings")
                        .then()
                        .statusCode(201);
                result = as(owner, "privacy-officer")
                        .body(Map.of("requestRef", "req-iso-erasure", "reason", "Art. 35(5)(a)"))
                        .post("/v1/subjects/" + person + "/erasure")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
            }
            return result;
        }

        String certificateId() {
            return result().getString("certificateId");
        }

        String requestId() {
            result();
            // The deliverer makes its first attempt within a second (to an unregistered system, so it fails and
            // waits 30 s before the next): wait for it, so that the isolation check's before and after see the
            // same row unless another tenant's call changed it.
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (true) {
                JsonPath list = as(owner, "privacy-officer")
                        .queryParam("requestRef", "req-iso-erasure")
                        .get("/v1/erasure-requests")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
                if (list.getInt("items[0].attempts") > 0 || System.nanoTime() > deadline) {
                    return list.getString("items[0].id");
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return list.getString("items[0].id");
                }
            }
        }
    }
}
