package dev.mamori.request;

import static dev.mamori.request.Intakes.as;
import static dev.mamori.request.Intakes.create;
import static dev.mamori.request.Intakes.intake;
import static dev.mamori.request.Intakes.newSubject;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RequestSearchTest {

    @Test
    void shouldFilterByStatusTypeSubjectAndExternalId() {
        String subject = newSubject();
        String disclosure = create("tenant-a", "DISCLOSURE", subject);
        String erasure = create("tenant-a", "ERASURE", subject);
        Map<String, Object> withExternal = intake("CORRECTION", subject);
        withExternal.put("externalId", "crm-" + subject);
        String correction = create("tenant-a", withExternal);
        as("tenant-a", "operator")
                .body(Map.of("reason", "withdrawn"))
                .post("/v1/requests/" + erasure + "/cancel")
                .then()
                .statusCode(200);

        as("tenant-a", "operator")
                .queryParam("subjectRef", subject)
                .get("/v1/requests")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(disclosure, erasure, correction)));
        as("tenant-a", "operator")
                .queryParam("subjectRef", subject)
                .queryParam("status", "CANCELLED")
                .get("/v1/requests")
                .then()
                .body("items.id", equalTo(List.of(erasure)));
        as("tenant-a", "operator")
                .queryParam("subjectRef", subject)
                .queryParam("status", "IDENTITY_UNVERIFIED")
                .get("/v1/requests")
                .then()
                .body("items.id", containsInAnyOrder(disclosure, correction));
        as("tenant-a", "operator")
                .queryParam("subjectRef", subject)
                .queryParam("type", "DISCLOSURE,ERASURE")
                .get("/v1/requests")
                .then()
                .body("items.id", equalTo(List.of(disclosure, erasure)));
        as("tenant-a", "operator")
                .queryParam("subjectRef", subject)
                .queryParam("type", "DISCLOSURE")
                .queryParam("type", "CORRECTION")
                .get("/v1/requests")
                .then()
                .body("items.id", equalTo(List.of(disclosure, correction)));
        as("tenant-a", "auditor")
                .queryParam("externalId", "crm-" + subject)
                .get("/v1/requests")
                .then()
                .body("items.id", equalTo(List.of(correction)))
                .body("items[0].externalId", equalTo("crm-" + subject));
    }

    @Test
    void shouldPageThroughResultsAtMost500AtATime() {
        String subject = newSubject();
        String first = create("tenant-a", "DISCLOSURE", subject);
        String second = create("tenant-a", "ERASURE", subject);

        as("tenant-a", "operator")
                .queryParam("subjectRef", subject)
                .queryParam("limit", 1)
                .get("/v1/requests")
                .then()
                .body("items.id", equalTo(List.of(first)))
                .body("limit", equalTo(1))
                .body("next", equalTo("1"));
        as("tenant-a", "operator")
                .queryParam("subjectRef", subject)
                .queryParam("limit", 1)
                .queryParam("offset", 1)
                .get("/v1/requests")
                .then()
                .body("items.id", equalTo(List.of(second)));
        as("tenant-a", "operator")
                .queryParam("subjectRef", subject)
                .queryParam("limit", 2)
                .queryParam("offset", 2)
                .get("/v1/requests")
                .then()
                .body("items", hasSize(0))
                .body("next", nullValue());
        as("tenant-a", "operator")
                .queryParam("limit", 501)
                .get("/v1/requests")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void shouldAnswerAWrongFilterWith400NamingIt() {
        as("tenant-a", "operator")
                .queryParam("status", "LOST")
                .get("/v1/requests")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"));
        as("tenant-a", "operator")
                .queryParam("type", "FORGET_ME")
                .get("/v1/requests")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("type"));
        as("tenant-a", "operator")
                .queryParam("overdue", "perhaps")
                .get("/v1/requests")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("overdue"));
        as("tenant-a", "operator")
                .queryParam("offset", -1)
                .get("/v1/requests")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("offset"));
    }
}
