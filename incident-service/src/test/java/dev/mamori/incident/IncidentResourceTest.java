package dev.mamori.incident;

import static dev.mamori.incident.Incidents.as;
import static dev.mamori.incident.Incidents.draft;
import static dev.mamori.incident.Incidents.file;
import static dev.mamori.incident.Incidents.hoursAgo;
import static dev.mamori.incident.Incidents.officer;
import static dev.mamori.incident.Incidents.own;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.mamori.incident.service.NoticeSweep;
import dev.mamori.platform.time.JapanTime;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IncidentResourceTest {

    private static final String A = "tenant-a";

    private static LocalDate knownOn() {
        return JapanTime.dateOf(OffsetDateTime.parse(hoursAgo(26)));
    }

    @Test
    void sensitiveDataFromTheLedgerMakesItReportableWithReasonsAndReportDates() {
        String id = file(A, own("health-record", false, 3));
        officer(A)
                .get("/v1/incidents/" + id)
                .then()
                .statusCode(200)
                .body("reportable", equalTo(true))
                .body("cases", equalTo(java.util.List.of("SENSITIVE")))
                .body("categories[0].nameJa", equalTo("健康相談記録"))
                .body("categories[0].items", hasItem("病歴"))
                .body("categories[0].sensitive", equalTo(true))
                .body("triage.reasons[0].ja", containsString("要配慮個人情報"))
                .body("triage.reasons[0].en", containsString("Rule 7(i)"))
                .body("ppcReportRequired", equalTo(true))
                .body("knownOn", equalTo(knownOn().toString()))
                .body("preliminaryReportDueOn", equalTo(knownOn().plusDays(3).toString()))
                .body("finalReportDueOn", equalTo(knownOn().plusDays(30).toString()))
                .body("preliminaryDaysLeft", notNullValue())
                .body("status", equalTo("OPEN"));
    }

    @Test
    void aFewPersonsContactDataIsNotReportableAndSaysWhyInBothLanguages() {
        String id = file(A, own("contact", false, 12));
        officer(A)
                .get("/v1/incidents/" + id)
                .then()
                .body("reportable", equalTo(false))
                .body("cases", hasSize(0))
                .body("triage.reasons[0].ja", containsString("いずれにも該当しない"))
                .body("triage.reasons[0].en", containsString("None of the cases"))
                .body("preliminaryDaysLeft", nullValue());
    }

    @Test
    void financialHarmUnlawfulPurposeAndTheSixtyDayFinalReport() {
        String id = file(A, draft("card-number", true, "{\"count\": 5}", "OWN", null, true, false));
        officer(A)
                .get("/v1/incidents/" + id)
                .then()
                .body("cases", equalTo(java.util.List.of("FINANCIAL_HARM", "UNLAWFUL_PURPOSE")))
                .body("finalReportDueOn", equalTo(knownOn().plusDays(60).toString()));
    }

    @Test
    void theLedgerCountsThePersonsOfTheAffectedHoldings() {
        String id = file(
                A,
                draft(
                        "contact",
                        false,
                        "{\"fromLedger\": {\"owningSystems\": [\"crm\"], \"collectedFrom\": \"2026-01-01T00:00:00Z\"}}",
                        "OWN",
                        null,
                        false,
                        false));
        officer(A)
                .get("/v1/incidents/" + id)
                .then()
                .body("persons.count", equalTo(1234))
                .body("persons.basis", equalTo("LEDGER_COUNT"))
                .body("cases", equalTo(java.util.List.of("OVER_1000_PERSONS")));
        RetentionStub.client()
                .verifyThat(WireMock.getRequestedFor(WireMock.urlPathEqualTo("/v1/holdings/count"))
                        .withQueryParam("category", WireMock.equalTo("contact"))
                        .withQueryParam("owningSystem", WireMock.equalTo("crm"))
                        .withQueryParam("collectedFrom", WireMock.equalTo("2026-01-01T00:00Z")));
    }

    @Test
    void aCategoryTheLedgerDoesNotKnowIsRefusedAndALedgerOutageIsA503() {
        officer(A)
                .body(own("unknown-category", false, 1))
                .post("/v1/incidents")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/category-not-in-ledger"));
        officer(A)
                .body(own("broken", false, 1))
                .post("/v1/incidents")
                .then()
                .statusCode(503)
                .body("type", equalTo("https://mamori.dev/problems/retention-unavailable"));
    }

    @Test
    void theSameIdempotencyKeyFilesOnce() {
        String key = "incident-" + UUID.randomUUID();
        String body = own("contact", false, 2);
        String first = officer(A)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String second = officer(A)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertEquals(first, second);
    }

    @Test
    void aDiscoveryInTheFutureIsRefusedAndNothingIsFiled() {
        int before = count();
        String future = OffsetDateTime.now(ZoneOffset.UTC).plusHours(2).toString();
        officer(A)
                .body(own("contact", false, 1)
                        .replaceFirst("\"discoveredAt\": \"[^\"]+\"", "\"discoveredAt\": \"" + future + "\""))
                .post("/v1/incidents")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/discovery-in-future"))
                .body("errors[0].field", equalTo("discoveredAt"));
        assertEquals(before, count());
    }

    @Test
    void aDiscoveryBeforeTheOccurrenceIsRefusedAndNothingIsFiled() {
        int before = count();
        officer(A)
                .body(own("contact", false, 1)
                        .replaceFirst("\"occurredAt\": \"[^\"]+\"", "\"occurredAt\": \"" + hoursAgo(1) + "\""))
                .post("/v1/incidents")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/discovery-before-occurrence"));
        assertEquals(before, count());
    }

    @Test
    void anUnknownOccurrenceTimeIsAllowed() {
        String id = file(A, own("contact", false, 1).replaceFirst("\"occurredAt\": \"[^\"]+\", ", ""));
        officer(A).get("/v1/incidents/" + id).then().body("occurredAt", nullValue());
    }

    @Test
    void reportsAreRecordedOnceInOrderAndNeverChanged() {
        String id = file(A, own("health-record", false, 2));
        officer(A)
                .body("{\"stage\": \"FINAL\", \"receptionNumber\": \"PPC-1\"}")
                .post("/v1/incidents/" + id + "/reports")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://mamori.dev/problems/preliminary-report-missing"));
        officer(A).get("/v1/incidents/" + id).then().body("reports", hasSize(0));

        officer(A)
                .body("{\"stage\": \"PRELIMINARY\", \"receptionNumber\": \"PPC-2026-000123\"}")
                .post("/v1/incidents/" + id + "/reports")
                .then()
                .statusCode(201)
                .body("stage", equalTo("PRELIMINARY"))
                .body("receptionNumber", equalTo("PPC-2026-000123"))
                .body("submittedBy", notNullValue())
                .body("report.items[0].heading", equalTo("概要"))
                .body("report.items", hasSize(9));

        officer(A)
                .body("{\"stage\": \"PRELIMINARY\", \"receptionNumber\": \"PPC-OTHER\"}")
                .post("/v1/incidents/" + id + "/reports")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://mamori.dev/problems/report-already-submitted"));
        officer(A)
                .get("/v1/incidents/" + id + "/reports")
                .then()
                .body("", hasSize(1))
                .body("[0].receptionNumber", equalTo("PPC-2026-000123"));
        officer(A)
                .get("/v1/incidents/" + id)
                .then()
                .body("preliminaryDaysLeft", nullValue())
                .body("finalDaysLeft", notNullValue());

        officer(A)
                .body("{\"stage\": \"FINAL\", \"receptionNumber\": \"PPC-2026-000124\"}")
                .post("/v1/incidents/" + id + "/reports")
                .then()
                .statusCode(201);
        officer(A).get("/v1/incidents/" + id).then().body("reports", hasSize(2));
    }

    @Test
    void theDatabaseRefusesToEditASubmittedReport() throws Exception {
        String id = file(A, own("health-record", false, 2));
        officer(A)
                .body("{\"stage\": \"PRELIMINARY\", \"receptionNumber\": \"PPC-9\"}")
                .post("/v1/incidents/" + id + "/reports")
                .then()
                .statusCode(201);
        try (Connection c = dev.mamori.testing.PostgresTestResource.connect();
                PreparedStatement s =
                        c.prepareStatement("UPDATE incident_report SET reception_number = 'X' WHERE incident_id = ?")) {
            s.setObject(1, UUID.fromString(id));
            org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class, s::executeUpdate);
        }
    }

    @Test
    void theReportDraftIsJsonOrAPrintableJapanesePage() {
        String id = file(A, own("health-record", false, 2));
        officer(A).put("/v1/incidents/" + id + "/narrative").then().statusCode(400);
        officer(A)
                .body("{\"status\": \"CONTAINED\", \"cause\": \"宛先の選択誤り\", \"prevention\": \"送信前の二重確認\"}")
                .put("/v1/incidents/" + id + "/narrative")
                .then()
                .statusCode(200)
                .body("status", equalTo("CONTAINED"))
                .body("narrative.cause", equalTo("宛先の選択誤り"));
        officer(A)
                .get("/v1/incidents/" + id + "/report-draft?format=json")
                .then()
                .statusCode(200)
                .body("stage", equalTo("PRELIMINARY"))
                .body("items.find { it.key == 'cause' }.text", equalTo("宛先の選択誤り"))
                .body("items.find { it.key == 'secondaryHarm' }.text", equalTo("調査中"));
        String html = officer(A)
                .accept("text/html")
                .get("/v1/incidents/" + id + "/report-draft?format=html&stage=FINAL")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .extract()
                .asString();
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("<html lang=\"ja\">"));
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("確報"));
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("再発防止のための措置"));
        org.junit.jupiter.api.Assertions.assertFalse(html.contains("<script"));
        officer(A)
                .get("/v1/incidents/" + id + "/report-draft?format=pdf")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void theOfficersOverrideDecidesAndIsExplained() {
        String id = file(A, own("contact", false, 1200));
        officer(A)
                .body("{\"reportable\": false, \"reason\": \"重複を除くと本人は800人\"}")
                .put("/v1/incidents/" + id + "/triage-override")
                .then()
                .statusCode(200)
                .body("reportable", equalTo(false))
                .body("cases", equalTo(java.util.List.of("OVER_1000_PERSONS")))
                .body("triage.byRules", equalTo(true))
                .body("triage.overrideReason", equalTo("重複を除くと本人は800人"))
                .body("triage.reasons[1].ja", containsString("重複を除くと本人は800人"));
        as(A, "operator")
                .body("{\"reportable\": true, \"reason\": \"x\"}")
                .put("/v1/incidents/" + id + "/triage-override")
                .then()
                .statusCode(403);
    }

    @Test
    void theDueListShowsReportsNearOrPastTheirDateAndTheSweepQueuesStaffNotices() {
        String overdue = file(
                A,
                own("health-record", false, 1)
                        .replaceFirst("\"occurredAt\": \"[^\"]+\"", "\"occurredAt\": \"" + hoursAgo(24 * 11) + "\"")
                        .replaceFirst(
                                "\"discoveredAt\": \"[^\"]+\"", "\"discoveredAt\": \"" + hoursAgo(24 * 10) + "\""));
        String quiet = file(A, own("contact", false, 1));
        Response due = officer(A).get("/v1/incidents/due");
        due.then().statusCode(200);
        java.util.List<String> ids = due.jsonPath().getList("incidentId");
        org.junit.jupiter.api.Assertions.assertTrue(ids.contains(overdue));
        org.junit.jupiter.api.Assertions.assertFalse(ids.contains(quiet));
        int at = ids.indexOf(overdue);
        assertEquals("PRELIMINARY", due.jsonPath().getString("[" + at + "].stage"));
        assertEquals(true, due.jsonPath().getBoolean("[" + at + "].overdue"));
        org.junit.jupiter.api.Assertions.assertTrue(due.jsonPath().getLong("[" + at + "].daysLeft") < 0);

        sweep();
        sweep();
        assertEquals(1, staffNotices(overdue, "PRELIMINARY_DUE"));
        assertEquals(0, staffNotices(quiet, "PRELIMINARY_DUE"));
        assertEquals(1, staffNotices(quiet, "FILED"));
    }

    @Test
    void personNoticesAndAnAnnouncementShowTheirProgress() {
        String id = file(A, own("health-record", false, 10));
        String sent = hoursAgo(1);
        officer(A)
                .body("{\"kind\": \"NOTICE\", \"channel\": \"POST\", \"text\": \"お詫びとお知らせ\", \"persons\": 7, "
                        + "\"sentAt\": \"" + sent + "\", \"outcome\": \"DELIVERED\"}")
                .post("/v1/incidents/" + id + "/person-notices")
                .then()
                .statusCode(201)
                .body("persons", equalTo(7));
        officer(A)
                .body("{\"kind\": \"NOTICE\", \"channel\": \"POST\", \"text\": \"お詫びとお知らせ\", \"persons\": 1, "
                        + "\"subjectRefs\": [\"cust-9\"], \"sentAt\": \"" + sent
                        + "\", \"outcome\": \"UNDELIVERABLE\"}")
                .post("/v1/incidents/" + id + "/person-notices")
                .then()
                .statusCode(201);
        officer(A)
                .body("{\"kind\": \"PUBLIC_ANNOUNCEMENT\", \"channel\": \"WEBSITE\", \"text\": \"当社ウェブサイトでの公表\", "
                        + "\"persons\": 0, \"sentAt\": \"" + sent + "\", \"outcome\": \"PUBLISHED\"}")
                .post("/v1/incidents/" + id + "/person-notices")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/announcement-reason-required"));
        officer(A)
                .body("{\"kind\": \"PUBLIC_ANNOUNCEMENT\", \"channel\": \"WEBSITE\", \"text\": \"当社ウェブサイトでの公表\", "
                        + "\"persons\": 0, \"sentAt\": \"" + sent + "\", \"outcome\": \"PUBLISHED\", "
                        + "\"reason\": \"連絡先不明の本人がいるため\"}")
                .post("/v1/incidents/" + id + "/person-notices")
                .then()
                .statusCode(201);
        officer(A)
                .get("/v1/incidents/" + id + "/person-notices")
                .then()
                .statusCode(200)
                .body("notices", hasSize(3))
                .body("progress.affected", equalTo(10))
                .body("progress.delivered", equalTo(7))
                .body("progress.undeliverable", equalTo(1))
                .body("progress.remaining", equalTo(3))
                .body("progress.publicAnnouncements", equalTo(1));
        officer(A)
                .get("/v1/incidents/" + id + "/report-draft")
                .then()
                .body("items.find { it.key == 'responseToPersons' }.text", containsString("通知済み 7人"));
    }

    @Test
    void measuresHaveAnOwnerAndADueDateAndAreDoneOnce() {
        String id = file(A, own("contact", false, 1));
        String measure = officer(A)
                .body("{\"kind\": \"LEGAL_HOLD\", \"action\": \"対象保有データの削除を保留\", \"owner\": \"情報システム部\", "
                        + "\"dueOn\": \"2030-01-01\"}")
                .post("/v1/incidents/" + id + "/measures")
                .then()
                .statusCode(201)
                .body("doneAt", nullValue())
                .extract()
                .path("id");
        officer(A)
                .post("/v1/incidents/" + id + "/measures/" + measure + "/completion")
                .then()
                .statusCode(200)
                .body("doneAt", notNullValue());
        officer(A)
                .post("/v1/incidents/" + id + "/measures/" + measure + "/completion")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://mamori.dev/problems/measure-already-done"));
        officer(A).get("/v1/incidents/" + id + "/measures").then().body("", hasSize(1));
    }

    @Test
    void aLegalHoldOnTheAffectedCategoriesIsPlacedInRetentionAndRecordedAsAMeasure() {
        String id = file(A, own("health-record", false, 2));
        officer(A)
                .post("/v1/incidents/" + id + "/legal-hold")
                .then()
                .statusCode(201)
                .body("kind", equalTo("LEGAL_HOLD"))
                .body("action", containsString("health-record 6f1d2c3b-0000-4000-8000-000000000001"))
                .body("doneAt", notNullValue());
        RetentionStub.client()
                .verifyThat(
                        1,
                        WireMock.postRequestedFor(WireMock.urlEqualTo("/v1/legal-holds"))
                                .withHeader("Idempotency-Key", WireMock.equalTo("incident-" + id + "-health-record"))
                                .withRequestBody(
                                        WireMock.matchingJsonPath("$.categoryCode", WireMock.equalTo("health-record")))
                                .withRequestBody(WireMock.matchingJsonPath("$.reason", WireMock.containing(id))));
        officer(A).get("/v1/incidents/" + id + "/measures").then().body("kind", hasItem("LEGAL_HOLD"));
        // Only a privacy officer may hold data (retention-service's rule too).
        as(A, "operator").post("/v1/incidents/" + id + "/legal-hold").then().statusCode(403);
    }

    @Test
    void theUseOfEachListedPersonsDataIsStoppedInConsentAndRecordedAsAMeasure() {
        String a = "stop-" + UUID.randomUUID();
        String b = "stop-" + UUID.randomUUID();
        String id = file(
                A,
                draft(
                        "health-record",
                        false,
                        "{\"subjectRefs\": [\"" + a + "\", \"" + b + "\"]}",
                        "OWN",
                        null,
                        false,
                        false));
        officer(A)
                .post("/v1/incidents/" + id + "/use-stop")
                .then()
                .statusCode(201)
                .body("kind", equalTo("USE_STOP"))
                .body("action", containsString(a))
                .body("action", containsString(b))
                .body("doneAt", notNullValue());
        for (String ref : new String[] {a, b}) {
            ConsentStub.client()
                    .verifyThat(
                            1,
                            WireMock.postRequestedFor(WireMock.urlEqualTo("/v1/subjects/" + ref + "/use-stops"))
                                    .withHeader("Authorization", WireMock.matching("Bearer .+"))
                                    .withHeader(
                                            "Idempotency-Key", WireMock.equalTo("incident-" + id + "-use-stop-" + ref))
                                    // A reportable leak (sensitive data): the ground of APPI Art. 35(5).
                                    .withRequestBody(
                                            WireMock.matchingJsonPath("$.ground", WireMock.equalTo("ART_35_5_LEAK")))
                                    .withRequestBody(WireMock.matchingJsonPath(
                                            "$.requestRef", WireMock.equalTo("incident-" + id))));
        }
        officer(A).get("/v1/incidents/" + id + "/measures").then().body("kind", hasItem("USE_STOP"));
        as(A, "operator").post("/v1/incidents/" + id + "/use-stop").then().statusCode(403);
    }

    @Test
    void personsOnlyCountedCannotBeStoppedAndAFailingConsentRecordsNothing() {
        String counted = file(A, own("contact", false, 3));
        officer(A)
                .post("/v1/incidents/" + counted + "/use-stop")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/persons-not-listed"));
        String broken = file(A, draft("contact", false, "{\"subjectRefs\": [\"broken\"]}", "OWN", null, false, false));
        officer(A)
                .post("/v1/incidents/" + broken + "/use-stop")
                .then()
                .statusCode(503)
                .body("type", equalTo("https://mamori.dev/problems/consent-unavailable"));
        officer(A).get("/v1/incidents/" + counted + "/measures").then().body("", hasSize(0));
        officer(A).get("/v1/incidents/" + broken + "/measures").then().body("", hasSize(0));
    }

    @Test
    void anotherTenantsIncidentIsNotFoundAndUnchanged() {
        String id = file(A, own("health-record", false, 2));
        officer("tenant-b").get("/v1/incidents/" + id).then().statusCode(404).contentType("application/problem+json");
        officer("tenant-b")
                .body("{\"stage\": \"PRELIMINARY\", \"receptionNumber\": \"PPC-X\"}")
                .post("/v1/incidents/" + id + "/reports")
                .then()
                .statusCode(404);
        officer(A).get("/v1/incidents/" + id).then().body("reports", hasSize(0));
        officer("tenant-b").get("/v1/incidents").then().body("items.id", not(hasItem(id)));
    }

    private static void sweep() {
        NoticeSweep sweep = Arc.container().instance(NoticeSweep.class).get();
        try {
            io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(sweep::sweep);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static int count() {
        try (Connection c = dev.mamori.testing.PostgresTestResource.connect();
                ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM incident")) {
            r.next();
            return r.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static int staffNotices(String incidentId, String kind) {
        try (Connection c = dev.mamori.testing.PostgresTestResource.connect();
                PreparedStatement s = c.prepareStatement(
                        "SELECT count(*) FROM staff_notice WHERE incident_id = ? AND kind = ? AND status = 'QUEUED'")) {
            s.setObject(1, UUID.fromString(incidentId));
            s.setString(2, kind);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
