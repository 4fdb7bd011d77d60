package dev.mamori.thirdparty;

import static dev.mamori.thirdparty.ProvisionResourceTest.provision;
import static dev.mamori.thirdparty.ProvisionResourceTest.recorded;
import static dev.mamori.thirdparty.ProvisionResourceTest.refused;
import static dev.mamori.thirdparty.ProvisionResourceTest.subject;
import static dev.mamori.thirdparty.ThirdPartyResourceTest.as;
import static dev.mamori.thirdparty.ThirdPartyResourceTest.corporation;
import static dev.mamori.thirdparty.ThirdPartyResourceTest.party;
import static dev.mamori.thirdparty.ThirdPartyResourceTest.register;
import static dev.mamori.thirdparty.ThirdPartyResourceTest.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.platform.time.JapanTime;
import dev.mamori.testing.PostgresTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ContractorResourceTest {

    static String today() {
        return LocalDate.now(JapanTime.ZONE).toString();
    }

    /** A contact-center contractor with PrivacyMark, as a client company's list of contractors would name it. */
    static String contractor(String partyId, String expiresOn, String extra) {
        return """
                {"thirdPartyId": "%s",
                 "assessment": {"assessedOn": "%s", "result": "PASSED", "assessor": "情報セキュリティ委員会"},
                 "certifications": [{"scheme": "PRIVACY_MARK", "number": "10862135(05)", "expiresOn": "%s"}],
                 "contract": {"contractSignedOn": "%s", "ndaSignedOn": "%s",
                              "clauses": ["SAFETY_MEASURES", "CONFIDENTIALITY", "SUBCONTRACTING_APPROVAL",
                                          "RIGHT_TO_AUDIT", "RETURN_OR_DELETION"]}%s}""".formatted(partyId, today(), expiresOn, today(), today(), extra);
    }

    static String entrusted(String tenant) {
        return register(tenant, party(unique("コールセンター株式会社"), "CORPORATION", "JP", "ENTRUSTMENT", null));
    }

    static String select(String tenant, String partyId, String expiresOn) {
        return as(tenant, "privacy-officer")
                .body(contractor(partyId, expiresOn, ""))
                .post("/v1/contractors")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void shouldRefuseAContractOrAssessmentDatedAfterTodayOrInAnImpossibleYearAndRecordNothing() {
        String partyId = entrusted("tenant-a");
        String good = contractor(partyId, "2030-01-01", "");
        String later = LocalDate.now(JapanTime.ZONE).plusDays(2).toString();
        for (String field : List.of("contractSignedOn", "ndaSignedOn", "assessedOn")) {
            for (String date : List.of(later, "9999-01-01")) {
                as("tenant-a", "privacy-officer")
                        .body(good.replace(
                                "\"" + field + "\": \"" + today() + "\"", "\"" + field + "\": \"" + date + "\""))
                        .post("/v1/contractors")
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .body("type", equalTo("https://mamori.dev/problems/validation"))
                        .body("errors[0].field", org.hamcrest.Matchers.endsWith(field));
            }
        }
        as("tenant-a", "auditor")
                .get("/v1/contractors?limit=500")
                .then()
                .statusCode(200)
                .body("items.thirdPartyId", not(hasItem(partyId)));
        // The same selection dated today is recorded: nothing of the refused ones was kept.
        as("tenant-a", "privacy-officer")
                .body(good)
                .post("/v1/contractors")
                .then()
                .statusCode(201);
    }

    @Test
    void shouldSelectAContractorOnRecordAndEntrustDataToIt() {
        String partyId = entrusted("tenant-a");
        String expires = LocalDate.now(JapanTime.ZONE).plusYears(2).toString();
        String id = as("tenant-a", "privacy-officer")
                .body(contractor(partyId, expires, ", \"auditIntervalMonths\": 6"))
                .post("/v1/contractors")
                .then()
                .statusCode(201)
                .body("thirdPartyId", equalTo(partyId))
                .body("usable", equalTo(true))
                .body("problems", empty())
                .body("assessments[0].result", equalTo("PASSED"))
                .body(
                        "assessments[0].validUntil",
                        equalTo(LocalDate.now(JapanTime.ZONE).plusYears(1).toString()))
                .body("certifications[0].scheme", equalTo("PRIVACY_MARK"))
                .body("certifications[0].expired", equalTo(false))
                .body(
                        "nextAuditDue",
                        equalTo(LocalDate.now(JapanTime.ZONE).plusMonths(6).toString()))
                .extract()
                .path("id");

        String s = subject();
        JsonPath created = recorded("tenant-a", provision(partyId, null, s));
        assertEquals(id, created.getString("contractorId"));
        assertEquals("ENTRUSTMENT", created.getString("legalBasis"));
        assertEquals(false, created.getBoolean("statutoryRecord"));

        as("tenant-b", "privacy-officer").get("/v1/contractors/" + id).then().statusCode(404);
        as("tenant-b", "privacy-officer")
                .get("/v1/contractors?limit=500")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(id)));
    }

    @Test
    void shouldRefuseAnExpiredCertificationAndAPartyThatIsNotEntrusted() {
        String partyId = entrusted("tenant-a");
        as("tenant-a", "privacy-officer")
                .body(contractor(partyId, "2024-03-31", ""))
                .post("/v1/contractors")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/certification-expired"))
                .body("errors[0].field", equalTo("certifications[0].expiresOn"));
        as("tenant-a", "privacy-officer")
                .get("/v1/contractors?limit=500")
                .then()
                .body("items.thirdPartyId", not(hasItem(partyId)));

        String consentParty = register("tenant-a", corporation(unique("Not a contractor")));
        as("tenant-a", "privacy-officer")
                .body(contractor(consentParty, "2030-01-01", ""))
                .post("/v1/contractors")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/not-an-entrustment"));
        as("tenant-b", "privacy-officer")
                .body(contractor(partyId, "2030-01-01", ""))
                .post("/v1/contractors")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/unknown-third-party"));

        select("tenant-a", partyId, "2030-01-01");
        as("tenant-a", "privacy-officer")
                .body(contractor(partyId, "2030-01-01", ""))
                .post("/v1/contractors")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://mamori.dev/problems/contractor-exists"));
    }

    @Test
    void shouldStopEntrustingWhenACertificationExpiresOrTheAssessmentFails() throws SQLException {
        String partyId = entrusted("tenant-a");
        String id = select("tenant-a", partyId, "2030-01-01");
        // The certification lapses without renewal (written straight to the table: the API refuses an expired one).
        try (Connection c = PostgresTestResource.connect();
                Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO contractor_certification (id, tenant_id, contractor_id, scheme, number, "
                    + "expires_on, recorded_at, recorded_by) VALUES (gen_random_uuid(), 'tenant-a', '" + id
                    + "', 'ISO_IEC_27001', 'IS 123', '2025-01-31', now(), 'test')");
        }
        as("tenant-a", "privacy-officer")
                .body("{\"assessedOn\": \"" + today() + "\", \"result\": \"FAILED\", "
                        + "\"assessor\": \"委員会\", \"notes\": \"No access control\"}")
                .post("/v1/contractors/" + id + "/assessments")
                .then()
                .statusCode(201)
                .body("usable", equalTo(false));
        as("tenant-a", "privacy-officer")
                .body("{\"auditedOn\": \"" + today() + "\", \"result\": \"FAILED\"}")
                .post("/v1/contractors/" + id + "/audits")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/findings-required"));
        as("tenant-a", "privacy-officer")
                .body("{\"auditedOn\": \"" + today() + "\", \"result\": \"FAILED\", "
                        + "\"findings\": \"Paper files unlocked\"}")
                .post("/v1/contractors/" + id + "/audits")
                .then()
                .statusCode(201);

        String s = subject();
        JsonPath problem = refused("tenant-a", provision(partyId, null, s));
        assertEquals(
                List.of("CONTRACTOR_NOT_ASSESSED", "CERTIFICATION_EXPIRED", "AUDIT_FAILED"),
                problem.getList("errors.field"));
        assertTrue(problem.getString("errors[1].message").contains("IS 123"));

        // Renewal, a passing assessment and a passing audit make it usable again.
        as("tenant-a", "privacy-officer")
                .body("{\"scheme\": \"ISO_IEC_27001\", \"number\": \"IS 124\", " + "\"expiresOn\": \"2029-01-31\"}")
                .post("/v1/contractors/" + id + "/certifications")
                .then()
                .statusCode(201);
        as("tenant-a", "privacy-officer")
                .body("{\"assessedOn\": \"" + today() + "\", \"result\": \"PASSED\", " + "\"assessor\": \"委員会\"}")
                .post("/v1/contractors/" + id + "/assessments")
                .then()
                .statusCode(201);
        as("tenant-a", "privacy-officer")
                .body("{\"auditedOn\": \"" + today() + "\", \"result\": \"PASSED\"}")
                .post("/v1/contractors/" + id + "/audits")
                .then()
                .statusCode(201)
                .body("usable", equalTo(true));
        recorded("tenant-a", provision(partyId, null, s));
    }

    @Test
    void shouldEntrustToASubContractorOnlyOnceTheSubEntrustmentIsApproved() {
        String parent = select("tenant-a", entrusted("tenant-a"), "2030-01-01");
        String subParty = entrusted("tenant-a");
        String sub = as("tenant-a", "privacy-officer")
                .body(contractor(subParty, "2030-01-01", ", \"parentContractorId\": \"" + parent + "\""))
                .post("/v1/contractors")
                .then()
                .statusCode(201)
                .body("parentContractorId", equalTo(parent))
                .body("usable", equalTo(false))
                .body("problems.field", contains("SUBCONTRACT_NOT_APPROVED"))
                .extract()
                .path("id");
        String s = subject();
        assertEquals(
                List.of("SUBCONTRACT_NOT_APPROVED"),
                refused("tenant-a", provision(subParty, null, s)).getList("errors.field"));

        as("tenant-a", "privacy-officer")
                .body("{\"approvedOn\": \"" + today() + "\", \"approvedBy\": \"個人情報保護管理者\"}")
                .post("/v1/contractors/" + sub + "/subcontract-approval")
                .then()
                .statusCode(200)
                .body("subcontractApproval.approvedBy", equalTo("個人情報保護管理者"))
                .body("usable", equalTo(true));
        recorded("tenant-a", provision(subParty, null, s));
    }

    @Test
    void shouldRequireTheContractClausesBeforeEntrusting() {
        String partyId = entrusted("tenant-a");
        as("tenant-a", "privacy-officer")
                .body(contractor(partyId, "2030-01-01", "").replace("\"RIGHT_TO_AUDIT\", ", ""))
                .post("/v1/contractors")
                .then()
                .statusCode(201)
                .body("problems.field", contains("CONTRACT_INCOMPLETE"))
                .body("problems[0].message", org.hamcrest.Matchers.containsString("RIGHT_TO_AUDIT"));
        assertEquals(
                List.of("CONTRACT_INCOMPLETE"),
                refused("tenant-a", provision(partyId, null, subject())).getList("errors.field"));
        String never = entrusted("tenant-a");
        assertEquals(
                List.of("CONTRACTOR_NOT_ASSESSED"),
                refused("tenant-a", provision(never, null, subject())).getList("errors.field"));
    }

    @Test
    void shouldWarnOfCertificationsExpiringWithinTheWindow() {
        String soonParty = entrusted("tenant-x");
        String laterParty = entrusted("tenant-x");
        String soon = select(
                "tenant-x",
                soonParty,
                LocalDate.now(JapanTime.ZONE).plusDays(30).toString());
        String later = select(
                "tenant-x",
                laterParty,
                LocalDate.now(JapanTime.ZONE).plusDays(200).toString());

        as("tenant-x", "privacy-officer")
                .get("/v1/contractors/expiring?withinDays=60")
                .then()
                .statusCode(200)
                .body("contractorId", contains(soon))
                .body("[0].daysLeft", equalTo(30))
                .body("[0].scheme", equalTo("PRIVACY_MARK"))
                .body("[0].expired", equalTo(false));
        as("tenant-x", "auditor")
                .get("/v1/contractors/expiring?withinDays=365")
                .then()
                .statusCode(200)
                .body("contractorId", contains(soon, later));
        // A renewal takes the certification out of the warnings.
        as("tenant-x", "privacy-officer")
                .body("{\"scheme\": \"PRIVACY_MARK\", \"number\": \"10862135(06)\", " + "\"expiresOn\": \""
                        + LocalDate.now(JapanTime.ZONE).plusYears(2) + "\"}")
                .post("/v1/contractors/" + soon + "/certifications")
                .then()
                .statusCode(201);
        as("tenant-x", "privacy-officer")
                .get("/v1/contractors/expiring?withinDays=60")
                .then()
                .statusCode(200)
                .body("contractorId", empty());
        as("tenant-b", "privacy-officer")
                .get("/v1/contractors/expiring?withinDays=366")
                .then()
                .statusCode(200)
                .body("contractorId", not(hasItem(soon)));
        as("tenant-x", "privacy-officer")
                .get("/v1/contractors/expiring?withinDays=1000")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("withinDays"));
    }

    @Test
    void shouldStopEntrustingOnceTheAuditIsOverdueUntilItIsHeld() {
        String partyId = entrusted("tenant-a");
        String id = select("tenant-a", partyId, "2030-01-01");
        String yesterday = LocalDate.now(JapanTime.ZONE).minusDays(1).toString();
        // The last audit, two years ago, set the next one for yesterday; nobody has held it.
        as("tenant-a", "privacy-officer")
                .body("{\"auditedOn\": \"" + LocalDate.now(JapanTime.ZONE).minusYears(2)
                        + "\", \"result\": \"PASSED\", \"nextDue\": \"" + yesterday + "\"}")
                .post("/v1/contractors/" + id + "/audits")
                .then()
                .statusCode(201)
                .body("usable", equalTo(false))
                .body("nextAuditDue", equalTo(yesterday))
                .body("problems.field", contains("AUDIT_OVERDUE"));
        String s = subject();
        JsonPath problem = refused("tenant-a", provision(partyId, null, s));
        assertEquals(List.of("AUDIT_OVERDUE"), problem.getList("errors.field"));
        assertTrue(problem.getString("errors[0].message").contains(yesterday));
        ProvisionResourceTest.assertNothingRecordedAbout("tenant-a", s);

        as("tenant-a", "privacy-officer")
                .body("{\"auditedOn\": \"" + today() + "\", \"result\": \"PASSED\"}")
                .post("/v1/contractors/" + id + "/audits")
                .then()
                .statusCode(201)
                .body("usable", equalTo(true));
        recorded("tenant-a", provision(partyId, null, s));
    }

    @Test
    void shouldUseASubContractorOnlyFromItsApprovalAndWhileTheContractorAboveItIsUsable() {
        String parent = select("tenant-a", entrusted("tenant-a"), "2030-01-01");
        String tomorrow = LocalDate.now(JapanTime.ZONE).plusDays(1).toString();
        // An approval dated ahead counts only from its date.
        String earlyParty = entrusted("tenant-a");
        as("tenant-a", "privacy-officer")
                .body(contractor(
                        earlyParty,
                        "2030-01-01",
                        ", \"parentContractorId\": \""
                                + parent + "\", \"subcontractApproval\": {\"approvedOn\": \"" + tomorrow
                                + "\", \"approvedBy\": \"個人情報保護管理者\"}"))
                .post("/v1/contractors")
                .then()
                .statusCode(201)
                .body("usable", equalTo(false))
                .body("problems.field", contains("SUBCONTRACT_NOT_APPROVED"))
                .body("problems[0].message", org.hamcrest.Matchers.containsString("only from " + tomorrow));
        assertEquals(
                List.of("SUBCONTRACT_NOT_APPROVED"),
                refused("tenant-a", provision(earlyParty, null, subject())).getList("errors.field"));

        String subParty = entrusted("tenant-a");
        String sub = as("tenant-a", "privacy-officer")
                .body(contractor(
                        subParty,
                        "2030-01-01",
                        ", \"parentContractorId\": \"" + parent + "\", \"subcontractApproval\": {\"approvedOn\": \""
                                + today() + "\", \"approvedBy\": \"個人情報保護管理者\"}"))
                .post("/v1/contractors")
                .then()
                .statusCode(201)
                .body("usable", equalTo(true))
                .extract()
                .path("id");
        recorded("tenant-a", provision(subParty, null, subject()));

        // The contractor above fails its audit: nothing goes to the sub-contractor either, and the reason says why.
        as("tenant-a", "privacy-officer")
                .body("{\"auditedOn\": \"" + today() + "\", \"result\": \"FAILED\", "
                        + "\"findings\": \"Sub-entrustment not supervised\"}")
                .post("/v1/contractors/" + parent + "/audits")
                .then()
                .statusCode(201);
        as("tenant-a", "operator")
                .get("/v1/contractors/" + sub)
                .then()
                .statusCode(200)
                .body("usable", equalTo(false))
                .body("problems.field", contains("PARENT_CONTRACTOR_NOT_USABLE"))
                .body("problems[0].message", org.hamcrest.Matchers.containsString("AUDIT_FAILED"));
        String s = subject();
        assertEquals(
                List.of("PARENT_CONTRACTOR_NOT_USABLE"),
                refused("tenant-a", provision(subParty, null, s)).getList("errors.field"));

        as("tenant-a", "privacy-officer")
                .body("{\"auditedOn\": \"" + today() + "\", \"result\": \"PASSED\"}")
                .post("/v1/contractors/" + parent + "/audits")
                .then()
                .statusCode(201);
        recorded("tenant-a", provision(subParty, null, s));
    }

    @Test
    void shouldWarnInTheContractorsOwnViewOfACertificationExpiringWithinTheWindow() {
        String soon = select(
                "tenant-a",
                entrusted("tenant-a"),
                LocalDate.now(JapanTime.ZONE).plusDays(30).toString());
        String later = select(
                "tenant-a",
                entrusted("tenant-a"),
                LocalDate.now(JapanTime.ZONE).plusDays(200).toString());
        as("tenant-a", "operator")
                .get("/v1/contractors/" + soon)
                .then()
                .statusCode(200)
                .body("usable", equalTo(true))
                .body("certificationWarning", equalTo(true))
                .body("expiringCertifications.scheme", contains("PRIVACY_MARK"))
                .body("expiringCertifications[0].number", equalTo("10862135(05)"))
                .body("expiringCertifications[0].daysLeft", equalTo(30));
        as("tenant-a", "operator")
                .get("/v1/contractors/" + later)
                .then()
                .statusCode(200)
                .body("certificationWarning", equalTo(false))
                .body("expiringCertifications", empty());

        // The renewal on record ends the warning.
        as("tenant-a", "privacy-officer")
                .body("{\"scheme\": \"PRIVACY_MARK\", \"number\": \"10862135(06)\", " + "\"expiresOn\": \""
                        + LocalDate.now(JapanTime.ZONE).plusYears(2) + "\"}")
                .post("/v1/contractors/" + soon + "/certifications")
                .then()
                .statusCode(201)
                .body("certificationWarning", equalTo(false))
                .body("expiringCertifications", empty());
    }
}
