package dev.mamori.request;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.mamori.request.Intakes.as;
import static dev.mamori.request.Intakes.create;
import static dev.mamori.request.Intakes.newSubject;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ResultNotificationTest {

    private static void refused(String tenant, String id) {
        Workflow.verified(tenant, id);
        as(tenant, "privacy-officer")
                .body(Map.of(
                        "outcome", "REFUSED", "refusalGround", "VIOLATION_OF_OTHER_LAWS", "reason", "法令により開示できないため"))
                .post("/v1/requests/" + id + "/decision")
                .then()
                .statusCode(200);
    }

    @Test
    void shouldRecordOnceWhenHowAndByWhomTheResultNoticeWasSent() {
        String subject = newSubject();
        String id = create("tenant-a", "DISCLOSURE", subject);
        String path = "/v1/requests/" + id + "/result/notification";

        // Nothing to notify before the result exists.
        as("tenant-a", "operator")
                .body(Map.of("via", "POST"))
                .post(path)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/result-not-ready"));
        refused("tenant-a", id);
        OffsetDateTime closedAt =
                OffsetDateTime.parse(Workflow.request("tenant-a", id).getString("closedAt"));

        as("tenant-a", "client-system")
                .body(Map.of("via", "POST"))
                .post(path)
                .then()
                .statusCode(403);
        as("tenant-a", "auditor").body(Map.of("via", "POST")).post(path).then().statusCode(403);
        as("tenant-b", "operator").body(Map.of("via", "POST")).post(path).then().statusCode(404);
        as("tenant-a", "operator")
                .body(Map.of("sentAt", closedAt.toString()))
                .post(path)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("via"));
        as("tenant-a", "operator").body(Map.of("via", "FAX")).post(path).then().statusCode(400);
        as("tenant-a", "operator")
                .body(Map.of(
                        "via",
                        "POST",
                        "sentAt",
                        OffsetDateTime.now().plusDays(1).toString()))
                .post(path)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("sentAt"))
                .body("type", equalTo("https://mamori.dev/problems/validation"));
        as("tenant-a", "operator")
                .body(Map.of("via", "POST", "sentAt", closedAt.minusMinutes(1).toString()))
                .post(path)
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("sentAt"));
        assertEquals(null, Workflow.request("tenant-a", id).getString("notifiedAt"), "refusals change nothing");

        // Posted a moment after the result, written in Japan time as an operator would.
        OffsetDateTime sentAt =
                closedAt.plusSeconds(2).truncatedTo(ChronoUnit.SECONDS).withOffsetSameInstant(ZoneOffset.ofHours(9));
        JsonPath recorded = as("tenant-a", "operator")
                .body(Map.of("via", "POST", "sentAt", sentAt.toString()))
                .post(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertTrue(sentAt.isEqual(OffsetDateTime.parse(recorded.getString("notifiedAt"))), recorded.prettify());
        assertEquals("POST", recorded.getString("notifiedVia"));
        assertEquals("service-account-tenant-a-operator", recorded.getString("notifiedBy"));

        // The same sending again is answered as the first; another one does not rewrite the record.
        as("tenant-a", "operator")
                .body(Map.of("via", "POST", "sentAt", sentAt.toString()))
                .post(path)
                .then()
                .statusCode(200)
                .body("notifiedVia", equalTo("POST"));
        as("tenant-a", "privacy-officer")
                .body(Map.of("via", "POST"))
                .post(path)
                .then()
                .statusCode(200)
                .body("notifiedBy", equalTo("service-account-tenant-a-operator"));
        as("tenant-a", "privacy-officer")
                .body(Map.of("via", "EMAIL"))
                .post(path)
                .then()
                .statusCode(409)
                .body("type", equalTo("https://mamori.dev/problems/already-notified"));
        List<String> kinds = as("tenant-a", "operator")
                .get("/v1/requests/" + id + "/events")
                .then()
                .extract()
                .path("items.kind");
        assertEquals(1, kinds.stream().filter("RESULT_NOTIFIED"::equals).count(), kinds.toString());
        as("tenant-a", "auditor")
                .queryParam("subjectRef", subject)
                .get("/v1/audit-events")
                .then()
                .body("items.action", hasItem("REQUEST_RESULT_NOTIFIED"));

        // The handling record shows when and how the person was told.
        String csv = as("tenant-a", "auditor")
                .get("/v1/requests/handling-record.csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(csv.split("\r\n")[0].endsWith(",answered_by_due_date,notified_at,notified_via,notified_by"), csv);
        String row = java.util.Arrays.stream(csv.split("\r\n"))
                .filter(l -> l.startsWith(id))
                .findFirst()
                .orElseThrow();
        String[] cells = row.split(",", -1);
        assertTrue(sentAt.isEqual(OffsetDateTime.parse(cells[25])), row);
        assertEquals(List.of("POST", "service-account-tenant-a-operator"), List.of(cells[26], cells[27]), row);
    }

    @Test
    void shouldRefuseToRecordANoticeForACancelledRequest() {
        String id = create("tenant-a", "ERASURE", newSubject());
        as("tenant-a", "operator")
                .body(Map.of("reason", "withdrawn by phone"))
                .post("/v1/requests/" + id + "/cancel")
                .then()
                .statusCode(200);
        as("tenant-a", "operator")
                .body(Map.of("via", "EMAIL"))
                .post("/v1/requests/" + id + "/result/notification")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://mamori.dev/problems/result-not-ready"));
        as("tenant-a", "operator").get("/v1/requests/" + id).then().body("notifiedAt", nullValue());
    }

    @Test
    void shouldNotCallTheClientSystemBackAboutTheNoticeOfAnEndedRequest() {
        String tenant = "tenant-notice";
        String hook = "notice-" + newSubject();
        String id = create(tenant, "DISCLOSURE", newSubject());
        refused(tenant, id);
        // The tenant configures its callback only after the request ended: the request's end was never called
        // back, and an event after the end must not be either.
        as(tenant, "privacy-officer")
                .body(Map.of("businessDaysToDue", 10, "clientCallbackUrl", TargetStubs.hook(hook)))
                .put("/v1/request-settings")
                .then()
                .statusCode(200);
        as(tenant, "operator")
                .body(Map.of("via", "ELECTRONIC_DELIVERY"))
                .post("/v1/requests/" + id + "/result/notification")
                .then()
                .statusCode(200)
                .body("notifiedVia", equalTo("ELECTRONIC_DELIVERY"));
        Workflow.sleep(1000);
        assertEquals(
                0,
                TargetStubs.client
                        .findAll(postRequestedFor(urlPathEqualTo("/hooks/" + hook)))
                        .size());
        as(tenant, "operator").get("/v1/requests/" + id).then().body("callbacks.size()", equalTo(0));
    }
}
