package dev.mamori.request;

import static dev.mamori.request.Intakes.as;
import static dev.mamori.request.Intakes.create;
import static dev.mamori.request.Intakes.newSubject;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.platform.time.JapanTime;
import dev.mamori.request.service.JapaneseBusinessCalendar;
import dev.mamori.testing.PostgresTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeadlineManagementTest {

    private static final JapaneseBusinessCalendar CALENDAR = JapaneseBusinessCalendar.INSTANCE;
    private static final LocalDate TODAY = LocalDate.now(JapanTime.ZONE);

    private static void sql(String statement, Object... params) throws SQLException {
        try (Connection c = PostgresTestResource.connect();
                PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }

    @Test
    void shouldCountTheDueDateFromTheTenantsSlaInBusinessDays() {
        as("tenant-sla", "operator")
                .get("/v1/request-settings")
                .then()
                .statusCode(200)
                .body("businessDaysToDue", equalTo(10))
                .body("configured", equalTo(false));
        as("tenant-sla", "operator")
                .body(Map.of("businessDaysToDue", 5))
                .put("/v1/request-settings")
                .then()
                .statusCode(403);
        as("tenant-sla", "privacy-officer")
                .body(Map.of("businessDaysToDue", 0))
                .put("/v1/request-settings")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("businessDaysToDue"));
        as("tenant-sla", "privacy-officer")
                .body(Map.of("businessDaysToDue", 5, "clientCallbackUrl", "ftp://x"))
                .put("/v1/request-settings")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("clientCallbackUrl"));
        as("tenant-sla", "privacy-officer")
                .body(Map.of("businessDaysToDue", 5, "nearDueBusinessDays", 2))
                .put("/v1/request-settings")
                .then()
                .statusCode(200)
                .body("businessDaysToDue", equalTo(5))
                .body("configured", equalTo(true))
                .body("updatedBy", equalTo("service-account-tenant-sla-privacy-officer"));

        String id = create("tenant-sla", "DISCLOSURE", newSubject());
        as("tenant-sla", "operator")
                .get("/v1/requests/" + id)
                .then()
                .body("dueOn", equalTo(CALENDAR.plusBusinessDays(TODAY, 5).toString()))
                .body("slaBusinessDays", equalTo(5))
                .body("businessDaysLeft", equalTo(5));
        // Another tenant keeps the default.
        as("tenant-b", "operator").get("/v1/request-settings").then().body("businessDaysToDue", equalTo(10));
    }

    @Test
    void shouldStopTheClockWhileWaitingForTheRequesterAndMoveTheDueDateByTheBusinessDaysWaited() throws SQLException {
        String id = create("tenant-a", "DISCLOSURE", newSubject());
        String due = as("tenant-a", "operator")
                .get("/v1/requests/" + id)
                .then()
                .extract()
                .path("dueOn");
        as("tenant-a", "operator")
                .body(Map.of("reason", "本人確認書類の再提出を依頼中"))
                .post("/v1/requests/" + id + "/pause")
                .then()
                .statusCode(200)
                .body("status", equalTo("AWAITING_REQUESTER"))
                .body("pausedAt", notNullValue());
        as("tenant-a", "operator")
                .body(Workflow.photoId())
                .post("/v1/requests/" + id + "/identity-verification")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://mamori.dev/problems/request-paused"));
        // The pause began ten calendar days ago.
        LocalDate pausedOn = TODAY.minusDays(10);
        sql(
                "UPDATE data_subject_request SET paused_at = ? WHERE id = ?",
                pausedOn.atTime(10, 0).atZone(JapanTime.ZONE).toOffsetDateTime(),
                UUID.fromString(id));
        int waited = CALENDAR.businessDaysBetween(pausedOn, TODAY);
        as("tenant-a", "operator")
                .post("/v1/requests/" + id + "/resume")
                .then()
                .statusCode(200)
                .body("status", equalTo("IDENTITY_UNVERIFIED"))
                .body("pausedBusinessDays", equalTo(waited))
                .body(
                        "dueOn",
                        equalTo(CALENDAR.plusBusinessDays(LocalDate.parse(due), waited)
                                .toString()));
        as("tenant-a", "operator")
                .post("/v1/requests/" + id + "/resume")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://mamori.dev/problems/not-paused"));
        as("tenant-a", "operator")
                .get("/v1/requests/" + id + "/events")
                .then()
                .body("items.kind", equalTo(List.of("RECEIVED", "PAUSED", "RESUMED")));
    }

    @Test
    void shouldExtendTheDueDateWithANoticeInJapaneseAndEnglish() {
        String id = create("tenant-a", "ERASURE", newSubject());
        String due = as("tenant-a", "operator")
                .get("/v1/requests/" + id)
                .then()
                .extract()
                .path("dueOn");
        String extended = CALENDAR.plusBusinessDays(LocalDate.parse(due), 5).toString();
        as("tenant-a", "privacy-officer")
                .body(Map.of("additionalBusinessDays", 5, "reason", "対象データが複数のシステムにまたがるため"))
                .post("/v1/requests/" + id + "/extension")
                .then()
                .statusCode(200)
                .body("request.dueOn", equalTo(extended))
                .body("request.extensionReason", equalTo("対象データが複数のシステムにまたがるため"))
                .body("notice.ja", containsString("回答期限を " + extended + " まで延長"))
                .body("notice.en", containsString("extend the date of our answer to " + extended));
        as("tenant-a", "operator")
                .body(Map.of("additionalBusinessDays", 0, "reason", "x"))
                .post("/v1/requests/" + id + "/extension")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("additionalBusinessDays"));
        as("tenant-b", "operator")
                .body(Map.of("additionalBusinessDays", 5, "reason", "x"))
                .post("/v1/requests/" + id + "/extension")
                .then()
                .statusCode(404);
    }

    @Test
    void shouldListOpenRequestsNearOrPastTheirDueDateMostUrgentFirst() throws SQLException {
        String overdue = create("tenant-a", "DISCLOSURE", newSubject());
        String dueToday = create("tenant-a", "DISCLOSURE", newSubject());
        String later = create("tenant-a", "DISCLOSURE", newSubject());
        sql("UPDATE data_subject_request SET due_on = ? WHERE id = ?", TODAY.minusDays(3), UUID.fromString(overdue));
        sql("UPDATE data_subject_request SET due_on = ? WHERE id = ?", TODAY, UUID.fromString(dueToday));

        JsonPath due = as("tenant-a", "operator")
                .queryParam("withinBusinessDays", 1)
                .queryParam("limit", 500)
                .get("/v1/requests/due")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> ids = due.getList("items.id");
        assertTrue(ids.indexOf(overdue) >= 0 && ids.indexOf(overdue) < ids.indexOf(dueToday), ids.toString());
        assertFalse(ids.contains(later));
        Map<String, Object> late = due.getMap("items.find { it.id == '" + overdue + "' }");
        assertEquals(true, late.get("overdue"));
        assertEquals(CALENDAR.businessDaysBetween(TODAY, TODAY.minusDays(3)), late.get("businessDaysLeft"));
        as("tenant-b", "operator")
                .queryParam("withinBusinessDays", 60)
                .queryParam("limit", 500)
                .get("/v1/requests/due")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(overdue)));
        as("tenant-a", "client-system").get("/v1/requests/due").then().statusCode(403);
    }

    @Test
    void shouldExportThePrivacyMarkRecordOfRequestHandlingWithoutNames() {
        String subject = newSubject();
        String id = create("tenant-a", "DISCLOSURE", subject);
        Workflow.verified("tenant-a", id);
        as("tenant-a", "privacy-officer")
                .body(Map.of(
                        "outcome", "REFUSED", "refusalGround", "VIOLATION_OF_OTHER_LAWS", "reason", "法令により開示できないため"))
                .post("/v1/requests/" + id + "/decision")
                .then()
                .statusCode(200);
        String csv = as("tenant-a", "auditor")
                .get("/v1/requests/handling-record.csv")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .extract()
                .asString();
        String[] lines = csv.split("\r\n");
        assertTrue(lines[0].startsWith("\uFEFFrequest_id,external_id,subject_ref,type,channel,received_at"), lines[0]);
        String row = java.util.Arrays.stream(lines)
                .filter(l -> l.startsWith(id))
                .findFirst()
                .orElseThrow();
        assertTrue(row.contains(",DISCLOSURE,PHONE,"), row);
        assertTrue(row.contains(",DOCUMENTS,DRIVERS_LICENSE,service-account-tenant-a-operator,"), row);
        assertTrue(row.contains(",REFUSED,VIOLATION_OF_OTHER_LAWS,service-account-tenant-a-privacy-officer,"), row);
        String[] cells = row.split(",", -1);
        assertEquals(
                List.of("REFUSED", cells[23], "true", "", "", ""),
                List.of(cells).subList(22, 28),
                "closed in time, notice not yet recorded as sent: " + row);
        assertFalse(csv.contains(Intakes.NAME) || csv.contains(Intakes.EMAIL), "no names or contacts");
        as("tenant-b", "auditor")
                .get("/v1/requests/handling-record.csv")
                .then()
                .statusCode(200)
                .body(not(containsString(id)));
        as("tenant-a", "operator")
                .get("/v1/requests/handling-record.csv")
                .then()
                .statusCode(403);
        as("tenant-a", "auditor")
                .queryParam("from", "2026-13-01")
                .get("/v1/requests/handling-record.csv")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("from"));
        as("tenant-a", "auditor")
                .queryParam("subjectRef", subject)
                .get("/v1/audit-events")
                .then()
                .body("items.action", hasItem("REQUEST_EXPORTED"));
    }
}
