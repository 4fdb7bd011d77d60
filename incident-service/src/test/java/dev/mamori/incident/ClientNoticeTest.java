package dev.mamori.incident;

import static dev.mamori.incident.Incidents.as;
import static dev.mamori.incident.Incidents.draft;
import static dev.mamori.incident.Incidents.file;
import static dev.mamori.incident.Incidents.officer;
import static dev.mamori.incident.Incidents.own;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * A contact-center contractor (tenant-c) leaks a client company's (tenant-d's) data: it tells the client, which sees
 * the incident in its own tenant and acknowledges it; the contractor's record shows the exemption and its proof
 * (APPI Art. 26(1) proviso).
 */
@QuarkusTest
class ClientNoticeTest {

    private static final String CONTRACTOR = "tenant-c";
    private static final String CLIENT = "tenant-d";

    private static String clientIncident() {
        return file(CONTRACTOR, draft("health-record", false, "{\"count\": 40}", "CLIENT", CLIENT, false, false));
    }

    @Test
    void theContractorNotifiesTheClientWhichSeesAndAcknowledgesIt() {
        String id = clientIncident();
        officer(CONTRACTOR)
                .get("/v1/incidents/" + id)
                .then()
                .body("ppcReportRequired", equalTo(true))
                .body("clientNotice", nullValue());
        // Not visible to the client before the notice.
        officer(CLIENT).get("/v1/client-incidents/" + id).then().statusCode(404);

        officer(CONTRACTOR)
                .body("{\"message\": \"詳細は担当までご連絡ください。\"}")
                .post("/v1/incidents/" + id + "/client-notice")
                .then()
                .statusCode(200)
                .body("clientNotice.notifiedAt", notNullValue())
                .body("clientNotice.text", containsString("第26条第1項ただし書"))
                .body("clientNotice.text", containsString("に係る本人の数】40人"))
                .body("clientNotice.text", containsString("詳細は担当までご連絡ください。"))
                .body("clientNotice.exemption", containsString("Art. 26(1) proviso"))
                .body("clientNotice.timely", equalTo(true))
                .body("ppcReportRequired", equalTo(false))
                .body("reportable", equalTo(true));
        assertEquals(1, IncidentResourceTest.staffNotices(id, "CLIENT_NOTIFIED"));

        officer(CLIENT).get("/v1/client-incidents").then().statusCode(200).body("items.id", hasItem(id));
        officer(CLIENT)
                .get("/v1/client-incidents/" + id)
                .then()
                .statusCode(200)
                .body("contractorTenantId", equalTo(CONTRACTOR))
                .body("reportable", equalTo(true))
                .body("cases", hasItem("SENSITIVE"))
                .body("notice", containsString("健康相談記録"))
                .body("preliminaryReportDueOn", notNullValue())
                .body("acknowledgedAt", nullValue());
        as(CLIENT, "auditor")
                .post("/v1/client-incidents/" + id + "/acknowledgement")
                .then()
                .statusCode(403);
        officer(CLIENT)
                .post("/v1/client-incidents/" + id + "/acknowledgement")
                .then()
                .statusCode(200)
                .body("acknowledgedAt", notNullValue());
        officer(CLIENT)
                .post("/v1/client-incidents/" + id + "/acknowledgement")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://mamori.dev/problems/client-already-acknowledged"));

        officer(CONTRACTOR)
                .get("/v1/incidents/" + id)
                .then()
                .body("clientNotice.acknowledgedAt", notNullValue())
                .body("clientNotice.acknowledgedBy", notNullValue());
        // Exempt: the contractor's due list no longer shows it.
        officer(CONTRACTOR).get("/v1/incidents/due?withinDays=366").then().body("incidentId", not(hasItem(id)));
        // The client cannot read or change the contractor's own record.
        officer(CLIENT).get("/v1/incidents/" + id).then().statusCode(404);
    }

    @Test
    void theNoticeIsSentOnce() {
        String id = clientIncident();
        officer(CONTRACTOR)
                .body("{}")
                .post("/v1/incidents/" + id + "/client-notice")
                .then()
                .statusCode(200);
        officer(CONTRACTOR)
                .body("{}")
                .post("/v1/incidents/" + id + "/client-notice")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://mamori.dev/problems/client-already-notified"));
    }

    @Test
    void aClientNoticeForTheTenantsOwnDataIsRefusedAndNothingChanges() {
        String id = file(CONTRACTOR, own("contact", false, 3));
        officer(CONTRACTOR)
                .body("{}")
                .post("/v1/incidents/" + id + "/client-notice")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/not-client-data"));
        officer(CONTRACTOR).get("/v1/incidents/" + id).then().body("clientNotice", nullValue());
    }

    @Test
    void clientDataNamesTheClientAndOwnDataNamesNone() {
        officer(CONTRACTOR)
                .body(draft("contact", false, "{\"count\": 1}", "CLIENT", null, false, false))
                .post("/v1/incidents")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/client-tenant-required"));
        officer(CONTRACTOR)
                .body(draft("contact", false, "{\"count\": 1}", "OWN", CLIENT, false, false))
                .post("/v1/incidents")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/client-tenant-not-expected"));
        officer(CONTRACTOR)
                .body(draft("contact", false, "{\"count\": 1}", "CLIENT", CONTRACTOR, false, false))
                .post("/v1/incidents")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/client-is-self"));
    }
}
