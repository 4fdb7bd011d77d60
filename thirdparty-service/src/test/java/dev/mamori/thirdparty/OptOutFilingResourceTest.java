package dev.mamori.thirdparty;

import static dev.mamori.thirdparty.ProvisionResourceTest.provision;
import static dev.mamori.thirdparty.ProvisionResourceTest.recorded;
import static dev.mamori.thirdparty.ProvisionResourceTest.refused;
import static dev.mamori.thirdparty.ProvisionResourceTest.subject;
import static dev.mamori.thirdparty.ProvisionResourceTest.with;
import static dev.mamori.thirdparty.ThirdPartyResourceTest.as;
import static dev.mamori.thirdparty.ThirdPartyResourceTest.party;
import static dev.mamori.thirdparty.ThirdPartyResourceTest.register;
import static dev.mamori.thirdparty.ThirdPartyResourceTest.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mamori.platform.time.JapanTime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Opt-out provision filed with the PPC: the nine items, their change log and the withdrawal (APPI Art. 27(2)-(4)). */
@QuarkusTest
class OptOutFilingResourceTest {

    private static final String PROBLEM = "application/problem+json";

    private static LocalDate today() {
        return LocalDate.now(JapanTime.ZONE);
    }

    /** A filing as a list broker would make it (Art. 27(2): the nine items filed with the PPC). */
    private static String filing(
            String dataItems, String provisionMethod, LocalDate provisionStartsOn, LocalDate filedOn) {
        return """
                {"providerName": "株式会社テレネット", "providerAddress": "東京都千代田区1-1", "providerRepresentative": "山田 一郎",
                 "dataItems": %s, "acquisitionMethod": "Public directories and purchased lists",
                 "provisionMethod": "%s", "requestMethod": "Web form and phone 0120-000-000",
                 "updateMethod": "Monthly", "provisionStartsOn": "%s", "filedOn": "%s"}""".formatted(dataItems, provisionMethod, provisionStartsOn, filedOn);
    }

    @Test
    void shouldListFilingsAPageAtATime() {
        String tenant = "tenant-op" + Long.toHexString(System.nanoTime() & 0xfffff);
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(file(tenant, today()));
        }
        var first = as(tenant, "auditor")
                .get("/v1/opt-out-filings?limit=2")
                .then()
                .statusCode(200)
                .body("limit", equalTo(2))
                .body("items", hasSize(2))
                .extract()
                .jsonPath();
        assertEquals(ids.subList(0, 2), first.getList("items.id"));
        String next = first.getString("next");
        as(tenant, "auditor")
                .get("/v1/opt-out-filings?limit=2&offset=" + next)
                .then()
                .statusCode(200)
                .body("items.id", contains(ids.get(2)))
                .body("next", nullValue());
        for (String bad : List.of("limit=abc", "limit=0", "limit=501", "offset=-1", "offset=x")) {
            as(tenant, "auditor")
                    .get("/v1/opt-out-filings?" + bad)
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("errors[0].field", equalTo(bad.substring(0, bad.indexOf('='))));
        }
    }

    private static String file(String tenant, LocalDate filedOn) {
        return as(tenant, "privacy-officer")
                .body(filing("[\"name\", \"address\"]", "Encrypted file", filedOn, filedOn))
                .post("/v1/opt-out-filings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String optOutRecipient(String tenant) {
        return register(tenant, party(unique("名簿業者"), "CORPORATION", "JP", "OPT_OUT", null));
    }

    @Test
    void shouldRecordAFilingWithItsNineItemsAndReadItBack() {
        String id = as("tenant-of", "privacy-officer")
                .body(filing("[\"name\", \"address\", \"phone\"]", "Encrypted file", today(), today()))
                .post("/v1/opt-out-filings")
                .then()
                .statusCode(201)
                .header("Location", containsString("/v1/opt-out-filings/"))
                .body("currentVersion", equalTo(1))
                .body("inForce", equalTo(true))
                .body("withdrawnOn", nullValue())
                .body("versions[0].providerName", equalTo("株式会社テレネット"))
                .body("versions[0].providerRepresentative", equalTo("山田 一郎"))
                .body("versions[0].provisionIsPurpose", equalTo(true))
                .body("versions[0].dataItems", contains("name", "address", "phone"))
                .body("versions[0].acquisitionMethod", equalTo("Public directories and purchased lists"))
                .body("versions[0].provisionMethod", equalTo("Encrypted file"))
                .body("versions[0].stopsOnRequest", equalTo(true))
                .body("versions[0].requestMethod", containsString("0120"))
                .body("versions[0].updateMethod", equalTo("Monthly"))
                .body("versions[0].provisionStartsOn", equalTo(today().toString()))
                .body("versions[0].changes", contains("INITIAL"))
                .body("versions[0].recordedBy", equalTo("service-account-tenant-of-privacy-officer"))
                .extract()
                .path("id");

        as("tenant-of", "auditor")
                .get("/v1/opt-out-filings/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("versions[0].dataItems", contains("name", "address", "phone"));
        as("tenant-of", "client-system")
                .get("/v1/opt-out-filings?limit=500")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
        assertEquals(
                1, AuditTrail.events("tenant-of", null, "OPT_OUT_FILED", id).size());
    }

    @Test
    void shouldKeepEveryFiledVersionAsTheChangeLog() {
        String id = file("tenant-of", today().minusDays(30));
        as("tenant-of", "privacy-officer")
                .body(filing("[\"name\", \"address\", \"phone\"]", "CD-ROM by registered mail", today(), today()))
                .post("/v1/opt-out-filings/" + id + "/versions")
                .then()
                .statusCode(201)
                .body("currentVersion", equalTo(2))
                .body("versions.version", contains(1, 2))
                .body("versions[1].changes", contains("dataItems", "provisionMethod", "provisionStartsOn"))
                .body("versions[1].filedOn", equalTo(today().toString()));
        // The first version still reads as it was filed.
        as("tenant-of", "auditor")
                .get("/v1/opt-out-filings/" + id)
                .then()
                .statusCode(200)
                .body("versions[0].dataItems", contains("name", "address"))
                .body("versions[0].provisionMethod", equalTo("Encrypted file"))
                .body("versions[1].dataItems", contains("name", "address", "phone"));
        assertEquals(
                1,
                AuditTrail.events("tenant-of", null, "OPT_OUT_FILING_CHANGED", id)
                        .size());

        // A change that changes nothing, or one filed before the version it changes, is refused.
        as("tenant-of", "privacy-officer")
                .body(filing("[\"name\", \"address\", \"phone\"]", "CD-ROM by registered mail", today(), today()))
                .post("/v1/opt-out-filings/" + id + "/versions")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("type", equalTo("https://mamori.dev/problems/no-change"));
        as("tenant-of", "privacy-officer")
                .body(filing("[\"name\"]", "Encrypted file", today().minusDays(1), today().minusDays(1)))
                .post("/v1/opt-out-filings/" + id + "/versions")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("type", equalTo("https://mamori.dev/problems/filed-before-previous"))
                .body("errors[0].field", equalTo("filedOn"));
        as("tenant-of", "auditor").get("/v1/opt-out-filings/" + id).then().body("currentVersion", equalTo(2));
    }

    @Test
    void shouldKeepAFilingInForceUntilTheDateOfAWithdrawalRecordedInAdvance() {
        // Its own tenant: whether opt-out provision is allowed depends on every filing of the tenant.
        String tenant = "tenant-ow";
        String id = file(tenant, today().minusDays(10));
        String broker = optOutRecipient(tenant);
        String nextWeek = today().plusDays(7).toString();

        as(tenant, "privacy-officer")
                .body("{\"withdrawnOn\": \"" + nextWeek + "\"}")
                .post("/v1/opt-out-filings/" + id + "/withdrawal")
                .then()
                .statusCode(200)
                .body("withdrawnOn", equalTo(nextWeek))
                .body("inForce", equalTo(true));
        as(tenant, "auditor").get("/v1/opt-out-filings/" + id).then().body("inForce", equalTo(true));
        assertEquals(
                1,
                AuditTrail.events(tenant, null, "OPT_OUT_FILING_WITHDRAWN", id).size());

        // Until next week, opt-out provision under the filing goes on.
        String s = subject();
        JsonPath created = recorded(
                tenant,
                with(provision(broker, null, s), "dataItems", List.of("name"), "providedOn", today().toString()));
        assertEquals(id, created.getString("optOutFilingId"));

        // The withdrawal is on record: not a second time, and no change after it.
        as(tenant, "privacy-officer")
                .body("{\"withdrawnOn\": \"" + today() + "\"}")
                .post("/v1/opt-out-filings/" + id + "/withdrawal")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("type", equalTo("https://mamori.dev/problems/filing-withdrawn"));
        as(tenant, "privacy-officer")
                .body(filing("[\"name\"]", "Encrypted file", today(), today()))
                .post("/v1/opt-out-filings/" + id + "/versions")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://mamori.dev/problems/filing-withdrawn"));
    }

    @Test
    void shouldEndOptOutProvisionOnTheWithdrawalDateButKeepEarlierProvisionsRecordable() {
        String tenant = "tenant-ox";
        LocalDate filedOn = today().minusDays(10);
        String id = file(tenant, filedOn);
        String broker = optOutRecipient(tenant);

        // Provision cannot end before the filing was made.
        as(tenant, "privacy-officer")
                .body("{\"withdrawnOn\": \"" + filedOn.minusDays(1) + "\"}")
                .post("/v1/opt-out-filings/" + id + "/withdrawal")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("type", equalTo("https://mamori.dev/problems/withdrawal-before-filing"))
                .body("errors[0].field", equalTo("withdrawnOn"));

        as(tenant, "privacy-officer")
                .body("{\"withdrawnOn\": \"" + today() + "\"}")
                .post("/v1/opt-out-filings/" + id + "/withdrawal")
                .then()
                .statusCode(200)
                .body("inForce", equalTo(false));

        String s = subject();
        assertEquals(
                List.of("OPT_OUT_NOT_FILED"),
                refused(
                                tenant,
                                with(
                                        provision(broker, null, s),
                                        "dataItems",
                                        List.of("name"),
                                        "providedOn",
                                        today().toString()))
                        .getList("errors.field"));
        // A provision made yesterday, under the filing then in force, is still recorded today.
        JsonPath created = recorded(
                tenant,
                with(
                        provision(broker, null, s),
                        "dataItems",
                        List.of("name"),
                        "providedOn",
                        today().minusDays(1).toString()));
        assertEquals(id, created.getString("optOutFilingId"));
    }

    @Test
    void shouldNeverShowOrChangeAnotherTenantsFiling() {
        String id = file("tenant-of", today());
        as("tenant-b", "privacy-officer")
                .get("/v1/opt-out-filings/" + id)
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        as("tenant-b", "privacy-officer")
                .get("/v1/opt-out-filings?limit=500")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(id)));
        as("tenant-b", "privacy-officer")
                .body(filing("[\"name\"]", "Encrypted file", today(), today()))
                .post("/v1/opt-out-filings/" + id + "/versions")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        as("tenant-b", "privacy-officer")
                .body("{\"withdrawnOn\": \"" + today() + "\"}")
                .post("/v1/opt-out-filings/" + id + "/withdrawal")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        as("tenant-of", "auditor")
                .get("/v1/opt-out-filings/" + id)
                .then()
                .statusCode(200)
                .body("currentVersion", equalTo(1))
                .body("inForce", equalTo(true));
    }

    @Test
    void shouldNameTheFieldOfBadInputAsProblemJson() {
        as("tenant-of", "privacy-officer")
                .body("{}")
                .post("/v1/opt-out-filings")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body(
                        "errors.field",
                        containsInAnyOrder(
                                "providerName",
                                "providerAddress",
                                "providerRepresentative",
                                "dataItems",
                                "acquisitionMethod",
                                "provisionMethod",
                                "requestMethod",
                                "updateMethod",
                                "provisionStartsOn",
                                "filedOn"));
        as("tenant-of", "privacy-officer")
                .body(filing("[\" \"]", "Encrypted file", today(), today()))
                .post("/v1/opt-out-filings")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", startsWith("dataItems"));
        as("tenant-of", "privacy-officer")
                .body(filing("[\"name\"]", "Encrypted file", today(), today())
                        .replace("\"filedOn\": \"" + today() + "\"", "\"filedOn\": \"2025-02-30\""))
                .post("/v1/opt-out-filings")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("filedOn"));
        as("tenant-of", "privacy-officer")
                .body(filing("[\"name\"]", "Encrypted file", today().plusDays(3), today().plusDays(2)))
                .post("/v1/opt-out-filings")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("https://mamori.dev/problems/validation"))
                .body("errors[0].field", equalTo("filedOn"))
                .body("errors[0].message", equalTo("must not be in the future"));
        as("tenant-of", "privacy-officer")
                .body(filing("[\"name\"]", "Encrypted file", today().minusDays(1), today()))
                .post("/v1/opt-out-filings")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("type", equalTo("https://mamori.dev/problems/provision-before-filing"))
                .body("errors[0].field", equalTo("provisionStartsOn"));

        String id = file("tenant-of", today());
        as("tenant-of", "privacy-officer")
                .body("{}")
                .post("/v1/opt-out-filings/" + id + "/withdrawal")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("withdrawnOn"));
        as("tenant-of", "auditor").get("/v1/opt-out-filings/" + id).then().body("inForce", equalTo(true));
    }
}
