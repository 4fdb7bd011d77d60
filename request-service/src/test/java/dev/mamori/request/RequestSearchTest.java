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
    void shouldListTheMostUrgentFirstWithBusinessDaysLeftAndFilterByDueDate() {
        String subject = newSubject();
        // One open request per type and person: four types, so that none is refused as a duplicate.
        String today = create("tenant-a", "DISCLOSURE", subject);
        String twelveDaysAgo = create("tenant-a", arrived("PURPOSE_NOTIFICATION", subject, 12));
        String fourDaysAgo = create("tenant-a", arrived("CORRECTION", subject, 4));
        Map<String, Object> letter = arrived("ERASURE", subject, 20);
        String cancelled = create("tenant-a", letter);
        as("tenant-a", "operator")
                .body(Map.of("reason", "withdrawn"))
                .post("/v1/requests/" + cancelled + "/cancel")
                .then()
                .statusCode(200);

        // Oldest arrival first by default; most urgent first on asking, the closed one last.
        as("tenant-a", "privacy-officer")
                .queryParam("subjectRef", subject)
                .get("/v1/requests")
                .then()
                .body("items.id", equalTo(List.of(cancelled, twelveDaysAgo, fourDaysAgo, today)));
        var page = as("tenant-a", "privacy-officer")
                .queryParam("subjectRef", subject)
                .queryParam("sort", "due")
                .get("/v1/requests")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(twelveDaysAgo, fourDaysAgo, today, cancelled)))
                .body("items[3].businessDaysLeft", nullValue())
                .extract()
                .jsonPath();
        int urgent = page.getInt("items[0].businessDaysLeft");
        int middle = page.getInt("items[1].businessDaysLeft");
        int fresh = page.getInt("items[2].businessDaysLeft");
        org.junit.jupiter.api.Assertions.assertTrue(
                urgent < middle && middle < fresh,
                "days left grow with the due date: " + urgent + ", " + middle + ", " + fresh);
        // The same count as the due list gives for the same request.
        as("tenant-a", "privacy-officer")
                .queryParam("withinBusinessDays", 60)
                .queryParam("limit", 500)
                .get("/v1/requests/due")
                .then()
                .body("items.find { it.id == '" + twelveDaysAgo + "' }.businessDaysLeft", equalTo(urgent));

        String dueOn = page.getString("items[1].dueOn");
        as("tenant-a", "privacy-officer")
                .queryParam("subjectRef", subject)
                .queryParam("sort", "due")
                .queryParam("dueBy", dueOn)
                .get("/v1/requests")
                .then()
                // The closed one was due earlier still: it stays in the list, after the open ones.
                .body("items.id", equalTo(List.of(twelveDaysAgo, fourDaysAgo, cancelled)));
        as("tenant-a", "privacy-officer")
                .queryParam("sort", "urgent")
                .get("/v1/requests")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("sort"));
        as("tenant-a", "privacy-officer")
                .queryParam("dueBy", "2026-02-30")
                .get("/v1/requests")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("dueBy"));
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

    private static Map<String, Object> arrived(String type, String subject, int daysAgo) {
        Map<String, Object> letter = intake(type, subject);
        letter.put("channel", "LETTER");
        letter.put(
                "receivedAt",
                java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)
                        .minusDays(daysAgo)
                        .toString());
        return letter;
    }
}
