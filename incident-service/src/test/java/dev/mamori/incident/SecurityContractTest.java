package dev.mamori.incident;

import static dev.mamori.incident.Incidents.draft;
import static dev.mamori.incident.Incidents.file;
import static dev.mamori.incident.Incidents.officer;
import static dev.mamori.incident.Incidents.own;

import dev.mamori.testing.SecurityContract;
import dev.mamori.testing.TenantIsolation;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SecurityContractTest {

    private static final String OWNER = TenantIsolation.OWNER;

    @Test
    void everyOperationRefusesMissingTokensWrongRolesAndForeignTenantHeaders() {
        // Incidents (file, list, due, read, narrative, override, reports, draft, client notice, person notices,
        // measures), client incidents, and the platform's audit log.
        SecurityContract.verify(18);
    }

    @Test
    void anotherTenantGetsNotFoundForEveryResourceOfTheFirst() {
        TenantIsolation.table()
                .resource("/v1/incidents/{id}", () -> Map.of("id", file(OWNER, own("health-record", false, 2))))
                .resource("/v1/incidents/{id}/measures/{measureId}", () -> {
                    String id = file(OWNER, own("contact", false, 1));
                    String measure = officer(OWNER)
                            .body(
                                    "{\"kind\": \"OTHER\", \"action\": \"確認\", \"owner\": \"佐藤\", \"dueOn\": \"2030-01-01\"}")
                            .post("/v1/incidents/" + id + "/measures")
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("id");
                    return Map.of("id", id, "measureId", measure);
                })
                // The owner here is the client company: a contractor (tenant-c) notified it of an incident.
                .resource("/v1/client-incidents/{id}", () -> {
                    String id =
                            file("tenant-c", draft("contact", false, "{\"count\": 1}", "CLIENT", OWNER, false, false));
                    officer("tenant-c")
                            .body("{}")
                            .post("/v1/incidents/" + id + "/client-notice")
                            .then()
                            .statusCode(200);
                    return Map.of("id", id);
                })
                .body("PUT", "/v1/incidents/{id}/narrative", "{\"status\": \"CLOSED\", \"cause\": \"x\"}")
                .body("PUT", "/v1/incidents/{id}/triage-override", "{\"reportable\": false, \"reason\": \"x\"}")
                .body(
                        "POST",
                        "/v1/incidents/{id}/reports",
                        "{\"stage\": \"PRELIMINARY\", \"receptionNumber\": \"P-1\"}")
                .body("POST", "/v1/incidents/{id}/client-notice", "{}")
                .body(
                        "POST",
                        "/v1/incidents/{id}/person-notices",
                        "{\"kind\": \"NOTICE\", \"channel\": \"POST\", \"text\": \"x\", \"persons\": 1, "
                                + "\"sentAt\": \"" + Incidents.hoursAgo(1) + "\", \"outcome\": \"DELIVERED\"}")
                .body(
                        "POST",
                        "/v1/incidents/{id}/measures",
                        "{\"kind\": \"OTHER\", \"action\": \"x\", \"owner\": \"x\", \"dueOn\": \"2030-01-01\"}")
                .verify(12);
    }
}
