package dev.mamori.request;

import static dev.mamori.request.Intakes.as;
import static dev.mamori.request.Intakes.create;
import static dev.mamori.request.Intakes.newSubject;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import dev.mamori.testing.PostgresTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CancelRequestTest {

    private static final Map<String, String> WITHDRAWN = Map.of("reason", "The person withdrew the request by phone");

    @Test
    void shouldCancelAnOpenRequestAndLogWhoDidItAndWhy() {
        String id = create("tenant-a", "DISCLOSURE", newSubject());

        as("tenant-a", "client-system")
                .body(WITHDRAWN)
                .post("/v1/requests/" + id + "/cancel")
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("closedAt", notNullValue())
                .body("closeReason", equalTo("The person withdrew the request by phone"))
                .body("overdue", equalTo(false));

        as("tenant-a", "auditor")
                .get("/v1/requests/" + id + "/events")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].seq", equalTo(1))
                .body("items[0].kind", equalTo("RECEIVED"))
                .body("items[0].statusAfter", equalTo("IDENTITY_UNVERIFIED"))
                .body("items[0].actor", equalTo("service-account-tenant-a-operator"))
                .body("items[0].detail", equalTo("received by PHONE"))
                .body("items[1].seq", equalTo(2))
                .body("items[1].kind", equalTo("CANCELLED"))
                .body("items[1].statusAfter", equalTo("CANCELLED"))
                .body("items[1].actor", equalTo("service-account-tenant-a-client-system"))
                .body("items[1].detail", equalTo("The person withdrew the request by phone"));
    }

    @Test
    void shouldRequireAReasonAndChangeNothingWithoutOne() {
        String id = create("tenant-a", "ERASURE", newSubject());
        as("tenant-a", "operator")
                .body(Map.of("reason", " "))
                .post("/v1/requests/" + id + "/cancel")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("reason"));
        as("tenant-a", "operator")
                .body("{}")
                .post("/v1/requests/" + id + "/cancel")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("reason"));
        as("tenant-a", "operator").get("/v1/requests/" + id).then().body("status", equalTo("IDENTITY_UNVERIFIED"));
        as("tenant-a", "operator").get("/v1/requests/" + id + "/events").then().body("items", hasSize(1));
    }

    @Test
    void shouldRefuseToCancelARequestTwice() {
        String id = create("tenant-a", "ERASURE", newSubject());
        as("tenant-a", "operator")
                .body(WITHDRAWN)
                .post("/v1/requests/" + id + "/cancel")
                .then()
                .statusCode(200);
        as("tenant-a", "operator")
                .body(Map.of("reason", "again"))
                .post("/v1/requests/" + id + "/cancel")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/request-closed"));
        as("tenant-a", "operator")
                .get("/v1/requests/" + id)
                .then()
                .body("closeReason", equalTo("The person withdrew the request by phone"));
        as("tenant-a", "operator").get("/v1/requests/" + id + "/events").then().body("items", hasSize(2));
    }

    @Test
    void shouldRefuseToCancelACompletedOrRefusedRequest() throws SQLException {
        for (String terminal : new String[] {"COMPLETED", "REFUSED"}) {
            String id = create("tenant-a", "DISCLOSURE", newSubject());
            // Decisions arrive in a later slice; until then the test closes the request in the database.
            try (Connection c = PostgresTestResource.connect();
                    PreparedStatement s = c.prepareStatement(
                            "UPDATE data_subject_request SET status = ?, closed_at = now() WHERE id = ?")) {
                s.setString(1, terminal);
                s.setObject(2, UUID.fromString(id));
                s.executeUpdate();
            }
            as("tenant-a", "operator")
                    .body(WITHDRAWN)
                    .post("/v1/requests/" + id + "/cancel")
                    .then()
                    .statusCode(409)
                    .body("type", equalTo("https://mamori.dev/problems/request-closed"));
            as("tenant-a", "operator").get("/v1/requests/" + id).then().body("status", equalTo(terminal));
        }
    }

    @Test
    void shouldLetOnlyOperatorsAndClientSystemsCancel() {
        String id = create("tenant-a", "DISCLOSURE", newSubject());
        for (String role : new String[] {"privacy-officer", "auditor"}) {
            as("tenant-a", role)
                    .body(WITHDRAWN)
                    .post("/v1/requests/" + id + "/cancel")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        as("tenant-a", "operator").get("/v1/requests/" + id).then().body("status", equalTo("IDENTITY_UNVERIFIED"));
    }

    @Test
    void shouldAnswer404ForAnUnknownRequest() {
        as("tenant-a", "operator")
                .body(WITHDRAWN)
                .post("/v1/requests/" + UUID.randomUUID() + "/cancel")
                .then()
                .statusCode(404)
                .body("type", equalTo("https://mamori.dev/problems/not-found"));
        // A path value that is no UUID is a bad parameter, named, not an unknown resource.
        as("tenant-a", "operator")
                .get("/v1/requests/not-a-uuid")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("id"));
    }
}
