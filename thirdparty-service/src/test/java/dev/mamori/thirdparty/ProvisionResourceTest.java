package dev.mamori.thirdparty;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.mamori.thirdparty.ThirdPartyResourceTest.as;
import static dev.mamori.thirdparty.ThirdPartyResourceTest.corporation;
import static dev.mamori.thirdparty.ThirdPartyResourceTest.party;
import static dev.mamori.thirdparty.ThirdPartyResourceTest.register;
import static dev.mamori.thirdparty.ThirdPartyResourceTest.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.platform.time.JapanTime;
import dev.mamori.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProvisionResourceTest {

    @BeforeEach
    @AfterEach
    void closeBreakers() {
        ConsentServiceStub.resetBreakers();
    }

    static String subject() {
        return "cust-" + UUID.randomUUID();
    }

    static String purposeCode() {
        return "referral-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A purpose that states provision to third parties, with every principal consenting. */
    static String consentedPurpose(String... subjects) {
        String code = purposeCode();
        ConsentServiceStub.purpose(code, true, List.of(), List.of());
        Map<String, String> reasons = new LinkedHashMap<>();
        for (String s : subjects) {
            reasons.put(s, "CONSENT_GIVEN");
        }
        ConsentServiceStub.decisions(code, reasons);
        return code;
    }

    static Map<String, Object> provision(String recipientId, String purpose, String... subjects) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("recipientId", recipientId);
        if (purpose != null) {
            body.put("purpose", purpose);
        }
        body.put("subjectRefs", List.of(subjects));
        body.put("dataItems", List.of("name", "work history"));
        body.put("method", "EACH");
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, Object... keyValues) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] == null) {
                changed.remove((String) keyValues[i]);
            } else {
                changed.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return changed;
    }

    static JsonPath refused(String tenant, Map<String, Object> body) {
        return as(tenant, "client-system")
                .body(body)
                .post("/v1/provisions")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("https://mamori.dev/problems/provision-refused"))
                .extract()
                .jsonPath();
    }

    static JsonPath recorded(String tenant, Map<String, Object> body) {
        return as(tenant, "client-system")
                .body(body)
                .post("/v1/provisions")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    static void assertNothingRecordedAbout(String tenant, String subject) {
        as(tenant, "operator")
                .get("/v1/subjects/" + subject + "/provisions")
                .then()
                .statusCode(200)
                .body("items", empty());
    }

    @Test
    void shouldRecordAConsentBasedProvisionWithTheRule20ItemsAndItsRetention() {
        String recipientName = unique("株式会社ジョブオファー");
        String recipient = register("tenant-a", corporation(recipientName));
        String s1 = subject();
        String s2 = subject();
        String purpose = consentedPurpose(s1, s2);
        String token = TestTokens.forTenant("tenant-a", "client-system");

        JsonPath created = given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(provision(recipient, purpose, s1, s2))
                .post("/v1/provisions")
                .then()
                .statusCode(201)
                .header("Location", containsString("/v1/provisions/"))
                .body("recipient.name", org.hamcrest.Matchers.equalTo(recipientName))
                .body("recipient.representative", org.hamcrest.Matchers.equalTo("正木 慎二"))
                .body("recipient.country", org.hamcrest.Matchers.equalTo("JP"))
                .body("legalBasis", org.hamcrest.Matchers.equalTo("CONSENT"))
                .body("purpose", org.hamcrest.Matchers.equalTo(purpose))
                .body("purposeVersion", org.hamcrest.Matchers.equalTo(2))
                .body("consentConfirmed", org.hamcrest.Matchers.equalTo(true))
                .body("statutoryRecord", org.hamcrest.Matchers.equalTo(true))
                .body("method", org.hamcrest.Matchers.equalTo("EACH"))
                .body("dataItems", contains("name", "work history"))
                .body("subjectRefs", contains(s1, s2))
                .extract()
                .jsonPath();
        LocalDate recordedOn = LocalDate.parse(created.getString("recordedOn"));
        assertEquals(recordedOn.plusYears(3).toString(), created.getString("retainUntil"));

        // consent-service was asked with the caller's own token, so it answered for tenant-a.
        ConsentServiceStub.client()
                .verifyThat(getRequestedFor(urlEqualTo("/v1/purposes/" + purpose))
                        .withHeader("Authorization", equalTo("Bearer " + token)));
        ConsentServiceStub.client()
                .verifyThat(postRequestedFor(urlEqualTo("/v1/decisions/batch"))
                        .withHeader("Authorization", equalTo("Bearer " + token)));

        String id = created.getString("id");
        as("tenant-a", "auditor")
                .get("/v1/provisions/" + id)
                .then()
                .statusCode(200)
                .body("subjectRefs", contains(s1, s2));
        for (String s : new String[] {s1, s2}) {
            assertEquals(
                    1,
                    AuditTrail.events("tenant-a", s, "PROVISION_RECORDED", id).size());
            assertEquals(
                    1, AuditTrail.events("tenant-a", s, "PROVISION_READ", id).size());
        }
    }

    @Test
    void shouldRefuseWithConsentServicesReasonForEachPrincipalWithoutConsentAndRecordNothing() {
        String recipient = register("tenant-a", corporation(unique("株式会社ジョブオファー")));
        String ok = subject();
        String withdrawn = subject();
        String never = subject();
        String purpose = purposeCode();
        ConsentServiceStub.purpose(purpose, true, List.of(), List.of());
        Map<String, String> reasons = new LinkedHashMap<>();
        reasons.put(ok, "CONSENT_GIVEN");
        reasons.put(withdrawn, "WITHDRAWN");
        reasons.put(never, "NO_CONSENT");
        ConsentServiceStub.decisions(purpose, reasons);

        JsonPath problem = refused("tenant-a", provision(recipient, purpose, ok, withdrawn, never));
        assertEquals(List.of("NO_CONSENT"), problem.getList("errors.field"));
        assertTrue(problem.getString("errors[0].message").startsWith("2 of 3 principals"));
        assertEquals(List.of(withdrawn, never), problem.getList("subjects.subjectRef"));
        assertEquals("NO_CONSENT", problem.getString("subjects[0].errors[0].field"));
        assertTrue(problem.getString("subjects[0].errors[0].message").startsWith("WITHDRAWN"));
        assertTrue(problem.getString("subjects[1].errors[0].message").startsWith("NO_CONSENT"));
        for (String s : new String[] {ok, withdrawn, never}) {
            assertNothingRecordedAbout("tenant-a", s);
        }
    }

    @Test
    void shouldRefuseAPurposeThatDoesNotStateThirdPartyProvision() {
        String recipient = register("tenant-a", corporation(unique("株式会社ジョブオファー")));
        String s = subject();
        String purpose = purposeCode();
        ConsentServiceStub.purpose(purpose, false, List.of(), List.of());
        ConsentServiceStub.decisions(purpose, Map.of(s, "CONSENT_GIVEN"));

        JsonPath problem = refused("tenant-a", provision(recipient, purpose, s));
        assertEquals(List.of("PURPOSE_WITHOUT_PROVISION"), problem.getList("errors.field"));
        assertNothingRecordedAbout("tenant-a", s);
    }

    @Test
    void shouldRequireAPurposeAndAKnownOneWhenConsentIsTheBasis() {
        String recipient = register("tenant-a", corporation(unique("株式会社ジョブオファー")));
        String s = subject();
        assertEquals(
                List.of("PURPOSE_REQUIRED"),
                refused("tenant-a", provision(recipient, null, s)).getList("errors.field"));
        // consent-service answers 404 for a purpose it does not know (WireMock's default for an unstubbed path).
        assertEquals(
                List.of("UNKNOWN_PURPOSE"),
                refused("tenant-a", provision(recipient, purposeCode(), s)).getList("errors.field"));
    }

    @Test
    void shouldAnswer503AndRecordNothingWhenConsentServiceFails() {
        String recipient = register("tenant-a", corporation(unique("株式会社ジョブオファー")));
        String s = subject();
        String purpose = purposeCode();
        ConsentServiceStub.client()
                .register(get(urlEqualTo("/v1/purposes/" + purpose))
                        .willReturn(aResponse().withStatus(503)));

        as("tenant-a", "client-system")
                .body(provision(recipient, purpose, s))
                .post("/v1/provisions")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("https://mamori.dev/problems/consent-service-unavailable"));
        as("tenant-a", "client-system")
                .body(provision(recipient, purpose, s))
                .post("/v1/provisions/checks")
                .then()
                .statusCode(503)
                .body("type", org.hamcrest.Matchers.equalTo("https://mamori.dev/problems/consent-service-unavailable"));
        assertNothingRecordedAbout("tenant-a", s);
    }

    @Test
    void shouldAnswer503WhenConsentServiceIsTooSlow() {
        String recipient = register("tenant-a", corporation(unique("株式会社ジョブオファー")));
        String s = subject();
        String purpose = purposeCode();
        ConsentServiceStub.client()
                .register(get(urlEqualTo("/v1/purposes/" + purpose))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withFixedDelay(3000)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{}")));

        as("tenant-a", "client-system")
                .body(provision(recipient, purpose, s))
                .post("/v1/provisions")
                .then()
                .statusCode(503)
                .body("type", org.hamcrest.Matchers.equalTo("https://mamori.dev/problems/consent-service-unavailable"))
                .body("detail", containsString("timed out"));
        assertNothingRecordedAbout("tenant-a", s);
    }

    @Test
    void shouldNotNeedConsentServiceForAnArt27ExceptionAndKeepNoStatutoryRecordFlag() {
        String police = register("tenant-a", party(unique("警察署"), "PUBLIC_AGENCY", "JP", "LAW_27_1_4", null));
        String s = subject();
        JsonPath created = recorded(
                "tenant-a",
                with(
                        provision(police, null, s),
                        "providedOn",
                        LocalDate.now(JapanTime.ZONE).toString()));
        assertEquals("LAW_27_1_4", created.getString("legalBasis"));
        assertEquals(false, created.getBoolean("consentConfirmed"));
        assertEquals(false, created.getBoolean("statutoryRecord"));
    }

    @Test
    void shouldRefuseAStoppedPrincipalUntilTheStopIsLifted() {
        String recipient = register("tenant-a", corporation(unique("株式会社ジョブオファー")));
        String s = subject();
        String purpose = consentedPurpose(s);
        String stopId = given().auth()
                .oauth2(TestTokens.service("request-service"))
                .header("X-Mamori-Tenant", "tenant-a")
                .contentType(ContentType.JSON)
                .body("{\"ground\": \"ART_35_3\", \"requestRef\": \"dsr-42\"}")
                .post("/v1/subjects/" + s + "/provision-stops")
                .then()
                .statusCode(201)
                .body("inForce", org.hamcrest.Matchers.equalTo(true))
                .extract()
                .path("id");
        as("tenant-a", "privacy-officer")
                .body("{\"ground\": \"ART_35_3\", \"requestRef\": \"dsr-43\"}")
                .post("/v1/subjects/" + s + "/provision-stops")
                .then()
                .statusCode(409)
                .body("type", org.hamcrest.Matchers.equalTo("https://mamori.dev/problems/provision-stop-exists"));

        JsonPath problem = refused("tenant-a", provision(recipient, purpose, s));
        assertEquals(List.of("PROVISION_STOPPED"), problem.getList("errors.field"));
        assertEquals(s, problem.getString("subjects[0].subjectRef"));
        assertTrue(problem.getString("subjects[0].errors[0].message").contains("dsr-42"));
        // Another tenant's person of the same reference is not stopped, and tenant-b cannot lift tenant-a's stop.
        as("tenant-b", "privacy-officer")
                .body("{\"reason\": \"no\"}")
                .post("/v1/subjects/" + s + "/provision-stops/" + stopId + "/lift")
                .then()
                .statusCode(404);

        as("tenant-a", "privacy-officer")
                .body("{\"reason\": \"The person withdrew the request\"}")
                .post("/v1/subjects/" + s + "/provision-stops/" + stopId + "/lift")
                .then()
                .statusCode(200)
                .body("inForce", org.hamcrest.Matchers.equalTo(false));
        recorded("tenant-a", provision(recipient, purpose, s));
        assertEquals(
                1, AuditTrail.events("tenant-a", s, "PROVISION_STOPPED", stopId).size());
        assertEquals(
                1,
                AuditTrail.events("tenant-a", s, "PROVISION_STOP_LIFTED", stopId)
                        .size());
    }

    @Test
    void shouldNameEveryFailingRuleOfAnOptOutProvisionAtOnce() {
        // tenant-e never filed for opt-out.
        String broker = register("tenant-e", party(unique("名簿業者"), "CORPORATION", "JP", "OPT_OUT", null));
        String s = subject();
        JsonPath problem = refused(
                "tenant-e",
                with(
                        provision(broker, null, s),
                        "method",
                        "BULK",
                        "lastTransferOn",
                        LocalDate.now(JapanTime.ZONE).toString(),
                        "sensitiveCategories",
                        List.of("MEDICAL_HISTORY")));
        assertEquals(
                List.of("BULK_NOT_FOR_OPT_OUT", "PROVISION_DATE_REQUIRED", "OPT_OUT_NOT_FILED", "SENSITIVE_BY_OPT_OUT"),
                problem.getList("errors.field"));
        assertNothingRecordedAbout("tenant-e", s);
    }

    @Test
    void shouldRecordAnOptOutProvisionWithItsDateUnderAFilingCoveringTheItems() {
        String today = LocalDate.now(JapanTime.ZONE).toString();
        String filingId = as("tenant-c", "privacy-officer")
                .body("""
                {"providerName": "株式会社テレネット", "providerAddress": "東京都千代田区1-1", "providerRepresentative": "山田 一郎",
                 "dataItems": ["name", "address"], "acquisitionMethod": "Public directories",
                 "provisionMethod": "Encrypted file", "requestMethod": "Web form and phone",
                 "updateMethod": "Monthly", "provisionStartsOn": "%s", "filedOn": "%s"}""".formatted(today, today))
                .post("/v1/opt-out-filings")
                .then()
                .statusCode(201)
                .body("versions[0].provisionIsPurpose", org.hamcrest.Matchers.equalTo(true))
                .body("versions[0].stopsOnRequest", org.hamcrest.Matchers.equalTo(true))
                .extract()
                .path("id");
        String broker = register("tenant-c", party(unique("名簿業者"), "CORPORATION", "JP", "OPT_OUT", null));
        String s = subject();

        JsonPath outside = refused("tenant-c", with(provision(broker, null, s), "providedOn", today));
        assertEquals(List.of("ITEM_OUTSIDE_OPT_OUT_FILING"), outside.getList("errors.field"));
        assertTrue(outside.getString("errors[0].message").contains("work history"));

        JsonPath created = recorded(
                "tenant-c", with(provision(broker, null, s), "providedOn", today, "dataItems", List.of("name")));
        assertEquals(today, created.getString("providedOn"));
        assertEquals(filingId, created.getString("optOutFilingId"));
        assertEquals("OPT_OUT", created.getString("legalBasis"));

        // The filing changes: the change log names what changed.
        as("tenant-c", "privacy-officer")
                .body("""
                {"providerName": "株式会社テレネット", "providerAddress": "東京都港区2-2", "providerRepresentative": "山田 一郎",
                 "dataItems": ["name", "address", "phone"], "acquisitionMethod": "Public directories",
                 "provisionMethod": "Encrypted file", "requestMethod": "Web form and phone",
                 "updateMethod": "Monthly", "provisionStartsOn": "%s", "filedOn": "%s"}""".formatted(today, today))
                .post("/v1/opt-out-filings/" + filingId + "/versions")
                .then()
                .statusCode(201)
                .body("currentVersion", org.hamcrest.Matchers.equalTo(2))
                .body("versions[1].changes", contains("provider", "dataItems"));
        as("tenant-a", "privacy-officer")
                .get("/v1/opt-out-filings/" + filingId)
                .then()
                .statusCode(404);
    }

    @Test
    void shouldRefuseOptOutForAPurposeWithSensitiveData() {
        String broker = register("tenant-a", party(unique("名簿業者"), "CORPORATION", "JP", "OPT_OUT", null));
        String s = subject();
        String purpose = purposeCode();
        ConsentServiceStub.purpose(purpose, true, List.of(), List.of("MEDICAL_HISTORY"));
        JsonPath problem = refused(
                "tenant-a",
                with(
                        provision(broker, purpose, s),
                        "providedOn",
                        LocalDate.now(JapanTime.ZONE).toString()));
        assertTrue(problem.getList("errors.field").contains("SENSITIVE_BY_OPT_OUT"));
    }

    @Test
    void shouldRequireARecipientAbroadToHaveItsCountryCoveredByTheConsent() {
        String us = register(
                "tenant-a",
                party(unique("US Recruiter Inc."), "CORPORATION", "US", "CONSENT", "CONSENT_WITH_INFORMATION"));
        String s = subject();
        String purpose = consentedPurpose(s);
        JsonPath problem = refused("tenant-a", provision(us, purpose, s));
        assertEquals(List.of("NO_CROSS_BORDER_BASIS"), problem.getList("errors.field"));
        assertTrue(problem.getString("errors[0].message").contains("US"));

        String informed = purposeCode();
        ConsentServiceStub.purpose(informed, true, List.of("US"), List.of());
        ConsentServiceStub.decisions(informed, Map.of(s, "CONSENT_GIVEN"));
        assertEquals(
                "CONSENT_WITH_INFORMATION",
                recorded("tenant-a", provision(us, informed, s)).getString("crossBorderBasis"));
    }

    @Test
    void shouldProvideToARecipientWithEquivalentMeasuresOnlyWhileItsPeriodicCheckHolds() {
        String sg = register(
                "tenant-a", party(unique("SG Support Pte."), "CORPORATION", "SG", "CONSENT", "EQUIVALENT_MEASURES"));
        String s = subject();
        String purpose = consentedPurpose(s);
        assertEquals(
                List.of("CROSS_BORDER_CHECK_OVERDUE"),
                refused("tenant-a", provision(sg, purpose, s)).getList("errors.field"));

        String today = LocalDate.now(JapanTime.ZONE).toString();
        as("tenant-a", "privacy-officer")
                .body("{\"checkedOn\": \"" + today + "\", \"result\": \"ENSURED\"}")
                .post("/v1/third-parties/" + sg + "/cross-border-checks")
                .then()
                .statusCode(201)
                .body(
                        "nextCheckDue",
                        org.hamcrest.Matchers.equalTo(
                                LocalDate.now(JapanTime.ZONE).plusYears(1).toString()));
        recorded("tenant-a", provision(sg, purpose, s));

        as("tenant-a", "privacy-officer")
                .body("{\"checkedOn\": \"" + today + "\", \"result\": \"NOT_ENSURED\", "
                        + "\"notes\": \"Contract lapsed\"}")
                .post("/v1/third-parties/" + sg + "/cross-border-checks")
                .then()
                .statusCode(201);
        as("tenant-a", "operator")
                .get("/v1/third-parties/" + sg)
                .then()
                .statusCode(200)
                .body("crossBorderSuspension.reason", containsString("not ensured"));
        assertEquals(
                List.of("CROSS_BORDER_SUSPENDED"),
                refused("tenant-a", provision(sg, purpose, s)).getList("errors.field"));
        as("tenant-a", "privacy-officer")
                .delete("/v1/third-parties/" + sg + "/cross-border-suspension")
                .then()
                .statusCode(422)
                .body("type", org.hamcrest.Matchers.equalTo("https://mamori.dev/problems/measures-not-ensured"));
    }

    @Test
    void shouldRecordTheInformationVersionsConsentedOnForAProvisionAbroadAndShowThemToThePerson() {
        String us = register(
                "tenant-a",
                party(unique("US Recruiter Inc."), "CORPORATION", "US", "CONSENT", "CONSENT_WITH_INFORMATION"));
        String first = subject();
        String second = subject();
        String informed = purposeCode();
        ConsentServiceStub.purpose(informed, true, List.of("US"), List.of());
        // One person consented on version 1 of the purpose's information, the other on version 2.
        ConsentServiceStub.consentedOn(informed, new LinkedHashMap<>(Map.of(first, 1, second, 2)));
        JsonPath record = recorded("tenant-a", provision(us, informed, first, second));
        assertEquals(List.of(1, 2), record.getList("crossBorderConsentVersions"));
        assertTrue(record.get("crossBorderCheck") == null, "no check for a consent basis");

        as("tenant-a", "operator")
                .get("/v1/provisions/" + record.getString("id"))
                .then()
                .statusCode(200)
                .body("crossBorderConsentVersions", contains(1, 2));
        as("tenant-a", "operator")
                .get("/v1/subjects/" + first + "/provisions")
                .then()
                .statusCode(200)
                .body("items[0].id", org.hamcrest.Matchers.equalTo(record.getString("id")))
                .body("items[0].crossBorderConsentVersions", contains(1, 2));
    }

    @Test
    void shouldRecordTheLatestPeriodicCheckAProvisionToEquivalentMeasuresReliedOn() throws java.sql.SQLException {
        String sg = register(
                "tenant-a", party(unique("SG Support Pte."), "CORPORATION", "SG", "CONSENT", "EQUIVALENT_MEASURES"));
        String s = subject();
        String purpose = consentedPurpose(s);
        String earlier = LocalDate.now(JapanTime.ZONE).minusMonths(2).toString();
        String latest = LocalDate.now(JapanTime.ZONE).minusDays(1).toString();
        as("tenant-a", "privacy-officer")
                .body("{\"checkedOn\": \"" + earlier + "\", \"result\": \"ENSURED\"}")
                .post("/v1/third-parties/" + sg + "/cross-border-checks")
                .then()
                .statusCode(201);
        String checkId = as("tenant-a", "privacy-officer")
                .body("{\"checkedOn\": \"" + latest + "\", \"result\": \"ENSURED\"}")
                .post("/v1/third-parties/" + sg + "/cross-border-checks")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        JsonPath record = recorded("tenant-a", provision(sg, purpose, s));
        assertEquals(checkId, record.getString("crossBorderCheck.id"));
        assertEquals(latest, record.getString("crossBorderCheck.checkedOn"));
        assertTrue(record.get("crossBorderConsentVersions") == null, "no consent versions for equivalent measures");
        as("tenant-a", "operator")
                .get("/v1/subjects/" + s + "/provisions")
                .then()
                .statusCode(200)
                .body("items[0].crossBorderCheck.id", org.hamcrest.Matchers.equalTo(checkId))
                .body("items[0].crossBorderCheck.checkedOn", org.hamcrest.Matchers.equalTo(latest));

        // The database refuses a record abroad without what its basis rested on, whoever writes it.
        try (java.sql.Connection c = dev.mamori.testing.PostgresTestResource.connect();
                java.sql.Statement st = c.createStatement()) {
            java.sql.SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(
                    java.sql.SQLException.class,
                    () -> st.executeUpdate("""
                    INSERT INTO provision_record (id, tenant_id, recipient_id, recipient_name, recipient_address,
                        recipient_country, legal_basis, cross_border_basis, consent_confirmed, statutory_record, method,
                        data_items, recorded_on, recorded_at, recorded_by, retain_until)
                    SELECT '%s'::uuid, tenant_id, recipient_id, recipient_name, recipient_address,
                        recipient_country, legal_basis, cross_border_basis, consent_confirmed, statutory_record, method,
                        data_items, recorded_on, recorded_at, recorded_by, retain_until
                    FROM provision_record WHERE id = '%s'""".formatted(UUID.randomUUID(), record.getString("id"))));
            assertTrue(refused.getMessage().contains("provision_record_cross_border_check"), refused.getMessage());
        }
    }

    @Test
    void shouldSuspendAndResumeProvisionAbroadByHand() {
        String de = register("tenant-a", party(unique("DE GmbH"), "CORPORATION", "DE", "CONSENT", null));
        String s = subject();
        String purpose = consentedPurpose(s);
        as("tenant-a", "privacy-officer")
                .body("{\"reason\": \"Data protection authority inquiry\"}")
                .post("/v1/third-parties/" + de + "/cross-border-suspension")
                .then()
                .statusCode(200)
                .body(
                        "crossBorderSuspension.reason",
                        org.hamcrest.Matchers.equalTo("Data protection authority inquiry"));
        assertEquals(
                List.of("CROSS_BORDER_SUSPENDED"),
                refused("tenant-a", provision(de, purpose, s)).getList("errors.field"));
        as("tenant-a", "privacy-officer")
                .delete("/v1/third-parties/" + de + "/cross-border-suspension")
                .then()
                .statusCode(200)
                .body("crossBorderSuspension", nullValue());
        recorded("tenant-a", provision(de, purpose, s));
        String jp = register("tenant-a", corporation(unique("国内")));
        as("tenant-a", "privacy-officer")
                .body("{\"reason\": \"x\"}")
                .post("/v1/third-parties/" + jp + "/cross-border-suspension")
                .then()
                .statusCode(422);
    }

    @Test
    void shouldEvaluateWithoutRecordingInADryRun() {
        String recipient = register("tenant-a", corporation(unique("株式会社ジョブオファー")));
        String s = subject();
        String purpose = consentedPurpose(s);
        as("tenant-a", "client-system")
                .body(provision(recipient, purpose, s))
                .post("/v1/provisions/checks")
                .then()
                .statusCode(200)
                .body("allowed", org.hamcrest.Matchers.equalTo(true))
                .body("errors", empty())
                .body("statutoryRecord", org.hamcrest.Matchers.equalTo(true));
        as("tenant-a", "client-system")
                .body(provision(recipient, null, s))
                .post("/v1/provisions/checks")
                .then()
                .statusCode(200)
                .body("allowed", org.hamcrest.Matchers.equalTo(false))
                .body("errors.field", contains("PURPOSE_REQUIRED"));
        assertNothingRecordedAbout("tenant-a", s);
        assertEquals(
                2, AuditTrail.events("tenant-a", s, "PROVISION_CHECKED", null).size());
    }

    @Test
    void shouldRefuseARecipientOfAnotherTenantLikeAnUnknownOne() {
        String foreign = register("tenant-a", corporation(unique("株式会社ジョブオファー")));
        String s = subject();
        String purpose = consentedPurpose(s);
        as("tenant-b", "client-system")
                .body(provision(foreign, purpose, s))
                .post("/v1/provisions")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("https://mamori.dev/problems/unknown-recipient"))
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("recipientId"));
        assertNothingRecordedAbout("tenant-a", s);
        assertNothingRecordedAbout("tenant-b", s);
    }

    @Test
    void shouldNeverShowOneTenantsProvisionsToAnother() {
        String recipient = register("tenant-a", corporation(unique("株式会社ジョブオファー")));
        String s = subject();
        String id = recorded("tenant-a", provision(recipient, consentedPurpose(s), s))
                .getString("id");
        as("tenant-b", "privacy-officer").get("/v1/provisions/" + id).then().statusCode(404);
        as("tenant-b", "privacy-officer")
                .get("/v1/subjects/" + s + "/provisions")
                .then()
                .statusCode(200)
                .body("items", empty());
        given().auth()
                .oauth2(TestTokens.service("request-service"))
                .header("X-Mamori-Tenant", "tenant-a")
                .get("/v1/subjects/" + s + "/provisions")
                .then()
                .statusCode(200)
                .body("items.id", contains(id));
    }

    @Test
    void shouldListEveryProvisionAboutAPersonShowingOnlyThatPerson() {
        String recipient = register("tenant-a", corporation(unique("株式会社ジョブオファー")));
        String person = subject();
        String other = subject();
        String older = recorded("tenant-a", provision(recipient, consentedPurpose(person, other), person, other))
                .getString("id");
        String newer = recorded(
                        "tenant-a",
                        with(
                                provision(recipient, consentedPurpose(person), person),
                                "method",
                                "CONTRACT_SUBSTITUTE",
                                "lastTransferOn",
                                "2025-04-01"))
                .getString("id");
        String notTheirs = recorded("tenant-a", provision(recipient, consentedPurpose(other), other))
                .getString("id");

        given().auth()
                .oauth2(TestTokens.service("request-service"))
                .header("X-Mamori-Tenant", "tenant-a")
                .get("/v1/subjects/" + person + "/provisions")
                .then()
                .statusCode(200)
                .body("items.id", contains(newer, older))
                .body("items.id", not(hasItem(notTheirs)))
                .body("items[1].subjectRefs", contains(person))
                .body("items[0].retainUntil", org.hamcrest.Matchers.equalTo("2026-03-31"));
        assertEquals(
                1,
                AuditTrail.events("tenant-a", person, "SUBJECT_PROVISIONS_READ", null)
                        .size());
    }

    @Test
    void shouldReplayAnIdempotentProvisionWithoutRecordingTwice() {
        String recipient = register("tenant-a", corporation(unique("株式会社ジョブオファー")));
        String s = subject();
        Map<String, Object> body = provision(recipient, consentedPurpose(s), s);
        String key = UUID.randomUUID().toString();
        String id = as("tenant-a", "client-system")
                .header("Idempotency-Key", key)
                .body(body)
                .post("/v1/provisions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("tenant-a", "client-system")
                .header("Idempotency-Key", key)
                .body(body)
                .post("/v1/provisions")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", org.hamcrest.Matchers.equalTo("true"))
                .body("id", org.hamcrest.Matchers.equalTo(id));
        as("tenant-a", "operator")
                .get("/v1/subjects/" + s + "/provisions")
                .then()
                .body("items", hasSize(1));
    }

    @Test
    void shouldNameInvalidFieldsAndRecordItems() {
        String recipient = register("tenant-a", corporation(unique("株式会社ジョブオファー")));
        as("tenant-a", "client-system")
                .body("{\"subjectRefs\": []}")
                .post("/v1/provisions")
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("recipientId", "subjectRefs", "dataItems", "method"));
        as("tenant-a", "client-system")
                .body(with(provision(recipient, null, "has space", ""), "dataItems", List.of(" ")))
                .post("/v1/provisions")
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("subjectRefs[0]", "subjectRefs[1]", "dataItems[0]"));
        // The record's own items are rules of the check like any other: the refusal names the field in the message.
        // (An Art. 27(1)(iv) recipient, so that no other rule is involved.)
        String police = register("tenant-a", party(unique("警察署"), "PUBLIC_AGENCY", "JP", "LAW_27_1_4", null));
        JsonPath bulk = refused("tenant-a", with(provision(police, null, subject()), "method", "BULK"));
        assertEquals(List.of("LAST_TRANSFER_REQUIRED"), bulk.getList("errors.field"));
        assertTrue(bulk.getString("errors[0].message").startsWith("lastTransferOn:"));
        String today = LocalDate.now(JapanTime.ZONE).toString();
        assertEquals(
                List.of("LAST_TRANSFER_NOT_APPLICABLE"),
                refused("tenant-a", with(provision(police, null, subject()), "lastTransferOn", today))
                        .getList("errors.field"));
        assertEquals(
                List.of("LAST_TRANSFER_BEFORE_PROVISION"),
                refused(
                                "tenant-a",
                                with(
                                        provision(police, null, subject()),
                                        "method",
                                        "BULK",
                                        "providedOn",
                                        today,
                                        "lastTransferOn",
                                        LocalDate.now(JapanTime.ZONE)
                                                .minusDays(1)
                                                .toString()))
                        .getList("errors.field"));
        JsonPath future = refused(
                "tenant-a",
                with(
                        provision(police, null, subject()),
                        "method",
                        "BULK",
                        "providedOn",
                        LocalDate.now(JapanTime.ZONE).plusDays(2).toString(),
                        "lastTransferOn",
                        LocalDate.now(JapanTime.ZONE).plusDays(3).toString()));
        assertEquals(List.of("DATE_IN_FUTURE"), future.getList("errors.field"));
        assertTrue(future.getString("errors[0].message").startsWith("providedOn, lastTransferOn:"));
    }

    @Test
    void shouldCarryAJapaneseRefThroughProvisionAndStopAndEncodeItInTheLocation() {
        String recipient = register("tenant-a", corporation(unique("株式会社ジョブオファー")));
        String s = "顧客-" + UUID.randomUUID().toString().substring(0, 8) + "・ー";
        String purpose = consentedPurpose(s);
        JsonPath created = recorded("tenant-a", provision(recipient, purpose, s));
        assertEquals(List.of(s), created.getList("subjectRefs"));
        // consent-service was asked about the person as named (the stub answers only for that ref).
        ConsentServiceStub.client()
                .verifyThat(postRequestedFor(urlEqualTo("/v1/decisions/batch"))
                        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("\"" + s + "\"")));

        String location = given().auth()
                .oauth2(TestTokens.service("request-service"))
                .header("X-Mamori-Tenant", "tenant-a")
                .contentType(ContentType.JSON)
                .body("{\"ground\": \"ART_35_3\", \"requestRef\": \"dsr-jp\"}")
                .post("/v1/subjects/{ref}/provision-stops", s)
                .then()
                .statusCode(201)
                .body("subjectRef", org.hamcrest.Matchers.equalTo(s))
                .extract()
                .header("Location");
        String encoded = dev.mamori.platform.subject.SubjectRef.pathSegment(s);
        assertTrue(location.contains("/v1/subjects/" + encoded + "/provision-stops/"), location);
        assertTrue(location.chars().allMatch(c -> c < 128), "the Location is plain ASCII: " + location);
        // The Location leads back to the person's stops.
        String path = java.net.URI.create(location).getRawPath();
        as("tenant-a", "operator")
                .urlEncodingEnabled(false)
                .get(path.substring(0, path.lastIndexOf('/')))
                .then()
                .statusCode(200)
                .body("subjectRef", contains(s));
        assertEquals(
                List.of("PROVISION_STOPPED"),
                refused("tenant-a", provision(recipient, purpose, s)).getList("errors.field"));
        as("tenant-a", "operator")
                .get("/v1/subjects/{ref}/provisions", s)
                .then()
                .statusCode(200)
                .body("items.id", contains(created.getString("id")));
    }

    @Test
    void shouldRefuseRefsThatAreNotSubjectRefsOnEveryPathWith400() {
        // Legal under the old rule ([^\\s]{1,128}) and then a 500 when put into the Location header.
        for (String ref : List.of("a%b", "a{b}", "a|b", "a^b", "a\\b", "x".repeat(129), "-a", "a\"b")) {
            // Sent percent-encoded, as a client must: the service decodes it and judges the ref itself.
            String base = "/v1/subjects/" + java.net.URLEncoder.encode(ref, java.nio.charset.StandardCharsets.UTF_8);
            given().auth()
                    .oauth2(TestTokens.service("request-service"))
                    .header("X-Mamori-Tenant", "tenant-a")
                    .urlEncodingEnabled(false)
                    .contentType(ContentType.JSON)
                    .body("{\"ground\": \"ART_35_3\", \"requestRef\": \"dsr-1\"}")
                    .post(base + "/provision-stops")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo("subjectRef"));
            for (String list : List.of("/provision-stops", "/provisions", "/receipts")) {
                as("tenant-a", "operator")
                        .urlEncodingEnabled(false)
                        .get(base + list)
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .body("errors[0].field", org.hamcrest.Matchers.equalTo("subjectRef"));
            }
        }
        given().auth()
                .oauth2(TestTokens.forTenant("tenant-a", "auditor"))
                .get("/v1/audit-events/verification")
                .then()
                .statusCode(200)
                .body("intact", org.hamcrest.Matchers.equalTo(true));
    }

    static String stop(String tenant, String subjectRef, String requestRef) {
        return given().auth()
                .oauth2(TestTokens.service("request-service"))
                .header("X-Mamori-Tenant", tenant)
                .contentType(ContentType.JSON)
                .body("{\"ground\": \"ART_35_3\", \"requestRef\": \"" + requestRef + "\"}")
                .post("/v1/subjects/" + subjectRef + "/provision-stops")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void shouldNameRecordItemRulesWithAStopAndAMissingCrossBorderBasisInOneRefusal() {
        // A recipient abroad whose country the consent was not informed of (no Art. 28(1) basis), a stopped
        // principal, and a bulk record without its last provision dated in the future: everything the caller must fix
        // comes back at once, and nothing is recorded.
        String us = register(
                "tenant-a",
                party(unique("US Broker Inc."), "CORPORATION", "US", "CONSENT", "CONSENT_WITH_INFORMATION"));
        String stopped = subject();
        String fine = subject();
        String purpose = consentedPurpose(stopped, fine);
        stop("tenant-a", stopped, "dsr-77");
        Map<String, Object> body = with(
                provision(us, purpose, stopped, fine),
                "method",
                "BULK",
                "providedOn",
                LocalDate.now(JapanTime.ZONE).plusDays(5).toString());

        JsonPath problem = refused("tenant-a", body);
        assertEquals(
                List.of("LAST_TRANSFER_REQUIRED", "DATE_IN_FUTURE", "NO_CROSS_BORDER_BASIS", "PROVISION_STOPPED"),
                problem.getList("errors.field"));
        assertEquals(List.of(stopped), problem.getList("subjects.subjectRef"));
        assertTrue(problem.getString("detail").contains("PROVISION_STOPPED"));

        // The dry run answers the same verdict; without a last provision there is no retention end to tell.
        as("tenant-a", "client-system")
                .body(body)
                .post("/v1/provisions/checks")
                .then()
                .statusCode(200)
                .body("allowed", org.hamcrest.Matchers.equalTo(false))
                .body(
                        "errors.field",
                        contains(
                                "LAST_TRANSFER_REQUIRED",
                                "DATE_IN_FUTURE",
                                "NO_CROSS_BORDER_BASIS",
                                "PROVISION_STOPPED"))
                .body("retainUntil", nullValue());
        assertNothingRecordedAbout("tenant-a", stopped);
        assertNothingRecordedAbout("tenant-a", fine);
    }

    /** An opt-out filing of tenant covering these items, provision starting today. */
    static String optOutFiling(String tenant, String... items) {
        String today = LocalDate.now(JapanTime.ZONE).toString();
        String list = String.join(
                ", ", java.util.Arrays.stream(items).map(i -> "\"" + i + "\"").toList());
        return as(tenant, "privacy-officer")
                .body("""
                {"providerName": "株式会社テレネット", "providerAddress": "東京都千代田区1-1", "providerRepresentative": "山田 一郎",
                 "dataItems": [%s], "acquisitionMethod": "Public directories",
                 "provisionMethod": "Encrypted file", "requestMethod": "Web form and phone",
                 "updateMethod": "Monthly", "provisionStartsOn": "%s", "filedOn": "%s"}""".formatted(list, today, today))
                .post("/v1/opt-out-filings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static void receipt(String tenant, String providerId, String basis, String subjectRef, String... items) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("providerId", providerId);
        body.put("subjectRefs", List.of(subjectRef));
        body.put("dataItems", List.of(items));
        body.put("acquisitionCircumstances", "Bought as a list from another broker");
        body.put("basis", basis);
        body.put("consentConfirmed", basis.equals("CONSENT"));
        body.put("ppcPublicationConfirmed", basis.equals("OPT_OUT"));
        body.put("method", "EACH");
        body.put("receivedOn", LocalDate.now(JapanTime.ZONE).minusDays(3).toString());
        as(tenant, "client-system").body(body).post("/v1/receipts").then().statusCode(201);
    }

    @Test
    void shouldNeverPassOnByOptOutWhatWasItselfReceivedByOptOut() {
        String tenant = "tenant-oo";
        optOutFiling(tenant, "name", "address");
        String providerName = unique("名簿業者A");
        String listBroker = register(tenant, party(providerName, "CORPORATION", "JP", "OPT_OUT", null));
        String consentSource = register(tenant, corporation(unique("株式会社プロバイダ")));
        String buyer = register(tenant, party(unique("名簿業者B"), "CORPORATION", "JP", "OPT_OUT", null));
        String bought = subject();
        String boughtOtherItem = subject();
        String consented = subject();
        String own = subject();
        receipt(tenant, listBroker, "OPT_OUT", bought, "name", "phone");
        receipt(tenant, listBroker, "OPT_OUT", boughtOtherItem, "phone");
        receipt(tenant, consentSource, "CONSENT", consented, "name");
        // The same person in another tenant was not received by opt-out there.
        receipt(
                "tenant-a",
                register("tenant-a", party(unique("名簿業者"), "CORPORATION", "JP", "OPT_OUT", null)),
                "OPT_OUT",
                own,
                "name");
        String today = LocalDate.now(JapanTime.ZONE).toString();

        JsonPath problem = refused(
                tenant,
                with(
                        provision(buyer, null, bought, boughtOtherItem, consented, own),
                        "dataItems",
                        List.of("name"),
                        "providedOn",
                        today));
        assertEquals(List.of("RECEIVED_BY_OPT_OUT"), problem.getList("errors.field"));
        assertEquals(List.of(bought), problem.getList("subjects.subjectRef"));
        assertEquals("RECEIVED_BY_OPT_OUT", problem.getString("subjects[0].errors[0].field"));
        assertTrue(problem.getString("subjects[0].errors[0].message").contains(providerName));
        assertTrue(problem.getString("subjects[0].errors[0].message").contains("[name]"));
        assertNothingRecordedAbout(tenant, bought);

        // The others may go: a different item received by opt-out, a consent-based receipt, data of its own.
        recorded(
                tenant,
                with(
                        provision(buyer, null, boughtOtherItem, consented, own),
                        "dataItems",
                        List.of("name"),
                        "providedOn",
                        today));
        // With the principal's consent (not opt-out), what was bought by opt-out may be provided.
        String consentRecipient = register(tenant, corporation(unique("株式会社ジョブオファー")));
        recorded(
                tenant,
                with(provision(consentRecipient, consentedPurpose(bought), bought), "dataItems", List.of("name")));
    }
}
