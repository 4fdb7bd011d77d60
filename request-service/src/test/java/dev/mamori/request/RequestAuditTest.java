package dev.mamori.request;

import static dev.mamori.request.Intakes.as;
import static dev.mamori.request.Intakes.create;
import static dev.mamori.request.Intakes.intake;
import static dev.mamori.request.Intakes.newSubject;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RequestAuditTest {

    @Test
    void shouldAuditEveryReadAndChangeWithTheSubjectAndWhoDidIt() {
        String subject = newSubject();
        String id = create("tenant-a", "DISCLOSURE", subject);
        as("tenant-a", "operator").get("/v1/requests/" + id).then().statusCode(200);
        as("tenant-a", "privacy-officer").get("/v1/requests/" + id).then().statusCode(200);
        as("tenant-a", "auditor")
                .queryParam("subjectRef", subject)
                .get("/v1/requests")
                .then()
                .statusCode(200);
        as("tenant-a", "client-system")
                .get("/v1/requests/" + id + "/events")
                .then()
                .statusCode(200);
        as("tenant-a", "client-system")
                .body(Map.of("reason", "withdrawn"))
                .post("/v1/requests/" + id + "/cancel")
                .then()
                .statusCode(200);

        as("tenant-a", "auditor")
                .queryParam("subjectRef", subject)
                .get("/v1/audit-events")
                .then()
                .statusCode(200)
                .body(
                        "items.action",
                        equalTo(List.of(
                                "REQUEST_RECEIVED",
                                "REQUEST_READ",
                                "REQUEST_READ_FULL",
                                "REQUEST_LISTED",
                                "REQUEST_LOG_READ",
                                "REQUEST_CANCELLED")))
                .body(
                        "items.actorClient",
                        equalTo(List.of(
                                "tenant-a-operator",
                                "tenant-a-operator",
                                "tenant-a-privacy-officer",
                                "tenant-a-auditor",
                                "tenant-a-client-system",
                                "tenant-a-client-system")))
                .body("items.resourceType", everyItem(equalTo("data-subject-request")))
                .body("items.resourceId", everyItem(equalTo(id)))
                .body("items.subjectRef", everyItem(equalTo(subject)))
                .body("items.outcome", everyItem(equalTo("SUCCESS")));
        as("tenant-a", "auditor")
                .get("/v1/audit-events/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(true));
    }

    @Test
    void shouldAuditNothingForARefusedDuplicate() {
        String subject = newSubject();
        create("tenant-a", "ERASURE", subject);
        as("tenant-a", "operator")
                .body(intake("ERASURE", subject))
                .post("/v1/requests")
                .then()
                .statusCode(409);
        as("tenant-a", "auditor")
                .queryParam("subjectRef", subject)
                .get("/v1/audit-events")
                .then()
                .body("items.action", equalTo(List.of("REQUEST_RECEIVED")));
    }
}
