package dev.mamori.request;

import static dev.mamori.request.Intakes.as;
import static dev.mamori.request.Intakes.create;
import static dev.mamori.request.Intakes.idsFor;
import static dev.mamori.request.Intakes.intake;
import static dev.mamori.request.Intakes.newSubject;
import static dev.mamori.request.Workflow.verified;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A wrongly typed value is refused naming the field, never coerced into a legal record; a person's ref follows the
 * suite's one rule; a moment that "happened" is not in the future.
 */
@QuarkusTest
class StrictInputTest {

    @Test
    void shouldRefuseANumberAsTheOutcomeAndLeaveTheRequestUndecided() {
        String id = create("tenant-a", "ERASURE", newSubject());
        verified("tenant-a", id);
        // {"outcome": 0} used to be read as the enum's first constant: APPROVED, and the erasure was queued.
        as("tenant-a", "privacy-officer")
                .body("{\"outcome\":0}")
                .post("/v1/requests/" + id + "/decision")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/validation"))
                .body("errors.field", hasItem("outcome"));
        as("tenant-a", "privacy-officer")
                .body("{\"outcome\":\"APPROVED\",\"feeJpy\":\"12\"}")
                .post("/v1/requests/" + id + "/decision")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("feeJpy"));
        JsonPath after = Workflow.request("tenant-a", id);
        assertEquals("PENDING_DECISION", after.getString("status"));
        org.junit.jupiter.api.Assertions.assertNull(after.get("decision"));
        assertEquals(
                0,
                after.getList("fulfilment") == null
                        ? 0
                        : after.getList("fulfilment").size(),
                "nothing queued");
        as("tenant-a", "auditor")
                .get("/v1/audit-events/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(true));
    }

    @Test
    void shouldRefuseAFractionOfADayInTheSlaAndKeepTheSettings() {
        String tenant = "tenant-strict-sla";
        as(tenant, "privacy-officer")
                .body(Map.of("businessDaysToDue", 7))
                .put("/v1/request-settings")
                .then()
                .statusCode(200);
        // 1.5 used to be truncated to 1: a due date the privacy officer never set.
        as(tenant, "privacy-officer")
                .body("{\"businessDaysToDue\":1.5}")
                .put("/v1/request-settings")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/validation"))
                .body("errors.field", hasItem("businessDaysToDue"));
        as(tenant, "privacy-officer")
                .body("{\"businessDaysToDue\":\"3\"}")
                .put("/v1/request-settings")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("businessDaysToDue"));
        as(tenant, "operator")
                .get("/v1/request-settings")
                .then()
                .statusCode(200)
                .body("businessDaysToDue", equalTo(7));
    }

    @Test
    void shouldTakeAJapaneseRefAndRefuseOneThatBreaksTheRule() {
        String japanese = "顧客-" + newSubject().substring(5);
        String id = create("tenant-a", "DISCLOSURE", japanese);
        assertEquals(japanese, Workflow.request("tenant-a", id).getString("subjectRef"));
        assertEquals(List.of(id), idsFor("tenant-a", japanese));

        for (String bad : List.of("a b", "a/b", "-lead", "a%2Fb", "x".repeat(129))) {
            String subject = bad;
            as("tenant-a", "operator")
                    .body(intake("DISCLOSURE", subject))
                    .post("/v1/requests")
                    .then()
                    .statusCode(400)
                    .body("errors.field", hasItem("subjectRef"));
        }
        as("tenant-a", "operator")
                .queryParam("subjectRef", "a b")
                .get("/v1/requests")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("subjectRef"));
    }

    @Test
    void shouldRefuseAnArrivalOrACallBackInTheFuture() {
        String subject = newSubject();
        Map<String, Object> body = intake("ERASURE", subject);
        body.put("receivedAt", OffsetDateTime.now().plusDays(1).toString());
        as("tenant-a", "operator")
                .body(body)
                .post("/v1/requests")
                .then()
                .statusCode(400)
                .body("type", equalTo("https://mamori.dev/problems/validation"))
                .body("errors.field", hasItem("receivedAt"));
        assertEquals(List.of(), idsFor("tenant-a", subject));

        String id = create("tenant-a", "ERASURE", newSubject());
        Map<String, Object> callback = new LinkedHashMap<>();
        callback.put("registeredIn", "client CRM");
        callback.put("calledAt", OffsetDateTime.now().plusHours(2).toString());
        callback.put("numberLast4", "5678");
        as("tenant-a", "operator")
                .body(Map.of("method", "CALLBACK_TO_REGISTERED_NUMBER", "callback", callback))
                .post("/v1/requests/" + id + "/identity-verification")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("callback.calledAt"));
        assertEquals("IDENTITY_UNVERIFIED", Workflow.request("tenant-a", id).getString("status"));
    }

    @Test
    void shouldRefuseAnExportPeriodOutsideTheYearsTheSuiteKnows() {
        as("tenant-a", "auditor")
                .queryParam("from", "+999999999-12-31")
                .get("/v1/requests/handling-record.csv")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("from"));
        as("tenant-a", "auditor")
                .queryParam("to", "1899-12-31")
                .get("/v1/requests/handling-record.csv")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("to"));
    }
}
