package dev.mamori.request;

import static dev.mamori.request.Filings.center;
import static dev.mamori.request.Filings.confirm;
import static dev.mamori.request.Filings.emailOf;
import static dev.mamori.request.Filings.file;
import static dev.mamori.request.Filings.filed;
import static dev.mamori.request.Filings.filing;
import static dev.mamori.request.Filings.mailedCode;
import static dev.mamori.request.Filings.newTenant;
import static dev.mamori.request.Intakes.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A person (or their agent) files a request on the privacy center; it becomes a request only once the code mailed
 * to the requester confirms it, and staff then link it to the company's reference of the person.
 */
@QuarkusTest
class OnlineFilingTest {

    private static final String RECEIPT = "R-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}";
    private static final String PROBLEMS = "https://mamori.dev/problems/";

    @Test
    void shouldMakeARequestWithAReceiptNumberAndNoSubjectOnceTheRightCodeConfirmsTheFiling() {
        String tenant = newTenant();
        Map<String, Object> body = filing("DISCLOSURE");
        String email = emailOf(body);
        JsonPath sent = center(tenant)
                .body(body)
                .post("/v1/online-filings")
                .then()
                .statusCode(202)
                .body("filingId", notNullValue())
                .extract()
                .jsonPath();
        OffsetDateTime expires = OffsetDateTime.parse(sent.getString("codeExpiresAt"));
        assertTrue(expires.isAfter(OffsetDateTime.now().plusMinutes(9)), "valid ten minutes: " + expires);
        assertTrue(expires.isBefore(OffsetDateTime.now().plusMinutes(11)), "valid ten minutes: " + expires);
        String filingId = sent.getString("filingId");
        // Nothing is a request before the confirmation.
        as(tenant, "privacy-officer").get("/v1/requests").then().statusCode(200).body("items.size()", equalTo(0));

        // The code comes by mail, naming the company and how long it lasts, and nothing else about the filing.
        MailStub.Received codeMail = Filings.mails(email, 1).get(0);
        assertTrue(codeMail.subject().startsWith(tenant), codeMail.subject());
        assertTrue(codeMail.text().contains("10分間有効"), codeMail.text());
        assertFalse(codeMail.text().contains("山田"), codeMail.text());
        String code = mailedCode(email, 1);
        JsonPath filed = confirm(tenant, filingId, code)
                .statusCode(201)
                .body("receiptNumber", matchesPattern(RECEIPT))
                .body("status", equalTo("IDENTITY_UNVERIFIED"))
                .body("receivedAt", notNullValue())
                .body("dueDate", matchesPattern("\\d{4}-\\d{2}-\\d{2}"))
                .extract()
                .jsonPath();
        String id = filed.getString("requestId");

        as(tenant, "privacy-officer")
                .get("/v1/requests/" + id)
                .then()
                .statusCode(200)
                .body("channel", equalTo("WEB"))
                .body("subjectRef", nullValue())
                .body("receiptNumber", equalTo(filed.getString("receiptNumber")))
                .body("dueOn", equalTo(filed.getString("dueDate")))
                .body("type", equalTo("DISCLOSURE"))
                .body("deliveryMethod", equalTo("ELECTRONIC"))
                .body("requester.relation", equalTo("APPOINTED_AGENT"))
                .body("requester.contact.email", equalTo(email))
                .body("agent.type", equalTo("POWER_OF_ATTORNEY"))
                .body("identifiers.name", equalTo("山田 花子"))
                .body("identifiers.email", equalTo("hanako@example.jp"))
                .body("identifiers.customerNumber", equalTo("C-1234"));
        // Staff who need not see the person's contact see it masked, as the requester's.
        as(tenant, "operator")
                .get("/v1/requests/" + id)
                .then()
                .statusCode(200)
                .body("identifiers.name", equalTo("山田 花子"))
                .body("identifiers.email", equalTo("h***@example.jp"))
                .body("identifiers.phone", equalTo("***-****-4444"))
                .body("identifiers.customerNumber", equalTo("C-1234"));
        as(tenant, "operator")
                .get("/v1/requests")
                .then()
                .statusCode(200)
                .body("items[0].id", equalTo(id))
                .body("items[0].receiptNumber", equalTo(filed.getString("receiptNumber")))
                .body("items[0].identifiers.email", equalTo("h***@example.jp"))
                .body("items[0].subjectRef", nullValue());
        as(tenant, "operator")
                .get("/v1/requests/" + id + "/events")
                .then()
                .statusCode(200)
                .body("items[0].kind", equalTo("RECEIVED"))
                .body("items[0].actorClient", equalTo("privacy-center"))
                .body("items[0].detail", matchesPattern("filed online .*" + filed.getString("receiptNumber") + ".*"));
        // The receipt mail: number, kind and due date.
        MailStub.Received receiptMail = Filings.mails(email, 2).get(1);
        assertTrue(receiptMail.subject().contains(filed.getString("receiptNumber")), receiptMail.subject());
        assertTrue(receiptMail.text().contains("保有個人データの開示"), receiptMail.text());
        assertTrue(receiptMail.text().contains(filed.getString("dueDate")), receiptMail.text());
        assertFalse(receiptMail.text().contains("山田"), receiptMail.text());
        // The filing is spent: the same code again finds nothing.
        confirm(tenant, filingId, code).statusCode(404).body("type", equalTo(PROBLEMS + "filing-not-found"));
        List<String> actions = as(tenant, "auditor")
                .get("/v1/audit-events")
                .then()
                .statusCode(200)
                .extract()
                .path("items.action");
        assertTrue(
                actions.containsAll(List.of(
                        "ONLINE_FILING_RECEIVED", "REQUEST_RECEIVED", "ONLINE_FILING_CONFIRMED", "REQUEST_READ_FULL")),
                actions.toString());
    }

    @Test
    void shouldCountWrongCodesDownThenRefuseEvenTheRightOneUntilANewCodeIsSent() {
        String tenant = newTenant();
        Map<String, Object> body = filing("ERASURE");
        String filingId = file(tenant, body);
        String code = mailedCode(emailOf(body), 1);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int left = 4; left >= 0; left--) {
            confirm(tenant, filingId, wrong)
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo(PROBLEMS + "code-wrong"))
                    .body("attemptsLeft", equalTo(left))
                    .body("errors.field", hasItem("code"));
        }
        confirm(tenant, filingId, code)
                .statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "code-tries-exhausted"));
        as(tenant, "privacy-officer").get("/v1/requests").then().body("items.size()", equalTo(0));

        // A fresh code voids the old one and gives five tries again.
        center(tenant)
                .post("/v1/online-filings/" + filingId + "/code")
                .then()
                .statusCode(202)
                .body("filingId", equalTo(filingId))
                .body("codeExpiresAt", notNullValue());
        String fresh = mailedCode(emailOf(body), 2);
        confirm(tenant, filingId, wrong).statusCode(422).body("attemptsLeft", equalTo(4));
        confirm(tenant, filingId, fresh).statusCode(201).body("receiptNumber", matchesPattern(RECEIPT));
        // Confirmed filings take no more codes.
        center(tenant)
                .post("/v1/online-filings/" + filingId + "/code")
                .then()
                .statusCode(404)
                .body("type", equalTo(PROBLEMS + "filing-not-found"));
    }

    @Test
    void shouldRefuseAnExpiredCodeEvenWhenRight() {
        String tenant = newTenant();
        Map<String, Object> body = filing("USE_STOP");
        String filingId = file(tenant, body);
        String code = mailedCode(emailOf(body), 1);
        Filings.sql(
                "UPDATE online_filing SET code_expires_at = now() - interval '1 second' WHERE id = ?",
                UUID.fromString(filingId));
        confirm(tenant, filingId, code)
                .statusCode(410)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "code-expired"));
        as(tenant, "privacy-officer").get("/v1/requests").then().body("items.size()", equalTo(0));
    }

    @Test
    void shouldNotLetAnotherTenantConfirmOrResendAFilingNorReadAStatus() {
        String owner = newTenant();
        String other = newTenant();
        Map<String, Object> body = filing("DISCLOSURE");
        String email = emailOf(body);
        String filingId = file(owner, body);
        String code = mailedCode(email, 1);
        confirm(other, filingId, code).statusCode(404).body("type", equalTo(PROBLEMS + "filing-not-found"));
        center(other)
                .post("/v1/online-filings/" + filingId + "/code")
                .then()
                .statusCode(404)
                .body("type", equalTo(PROBLEMS + "filing-not-found"));
        confirm(owner, UUID.randomUUID().toString(), code).statusCode(404);
        // The owner's filing is untouched: its code still works.
        String receipt =
                confirm(owner, filingId, code).statusCode(201).extract().path("receiptNumber");
        Map<String, Object> foreign = center(other)
                .body(Map.of("receiptNumber", receipt, "email", email))
                .post("/v1/online-filings/status")
                .then()
                .statusCode(404)
                .extract()
                .jsonPath()
                .getMap("$");
        Map<String, Object> unknown = center(owner)
                .body(Map.of("receiptNumber", "R-2222-2222", "email", email))
                .post("/v1/online-filings/status")
                .then()
                .statusCode(404)
                .extract()
                .jsonPath()
                .getMap("$");
        assertEquals(unknown, foreign);
    }

    @Test
    void shouldTellTheRequesterTheStatusOnlyWithTheirEmailAndAnswerAWrongOneLikeAnUnknownReceipt() {
        String tenant = newTenant();
        Map<String, Object> body = filing("CORRECTION");
        String email = emailOf(body);
        JsonPath filed = Filings.filed(tenant, body);
        String receipt = filed.getString("receiptNumber");
        center(tenant)
                .body(Map.of("receiptNumber", receipt.toLowerCase(), "email", email.toUpperCase()))
                .post("/v1/online-filings/status")
                .then()
                .statusCode(200)
                .body("receiptNumber", equalTo(receipt))
                .body("type", equalTo("CORRECTION"))
                .body("status", equalTo("IDENTITY_UNVERIFIED"))
                .body("receivedAt", notNullValue())
                .body("dueDate", equalTo(filed.getString("dueDate")));
        String wrongEmail = center(tenant)
                .body(Map.of("receiptNumber", receipt, "email", "someone@example.jp"))
                .post("/v1/online-filings/status")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .extract()
                .asString();
        String unknownReceipt = center(tenant)
                .body(Map.of("receiptNumber", "R-2222-2223", "email", email))
                .post("/v1/online-filings/status")
                .then()
                .statusCode(404)
                .extract()
                .asString();
        assertEquals(unknownReceipt, wrongEmail);
        assertTrue(wrongEmail.contains(PROBLEMS + "receipt-not-found"), wrongEmail);
        List<Map<String, Object>> audit = as(tenant, "auditor")
                .get("/v1/audit-events")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        assertTrue(
                audit.stream()
                        .anyMatch(e -> "REQUEST_STATUS_READ".equals(e.get("action"))
                                && filed.getString("requestId").equals(e.get("resourceId"))),
                audit.toString());
        assertTrue(
                audit.stream()
                        .anyMatch(e ->
                                "REQUEST_STATUS_REFUSED".equals(e.get("action")) && "FAILURE".equals(e.get("outcome"))),
                audit.toString());
    }

    @Test
    void shouldLinkTheSubjectOnceRecordingWhoAndRefuseAnotherOne() {
        String tenant = newTenant();
        String id = filed(tenant, "DISCLOSURE").getString("requestId");
        String subject = "cust-" + UUID.randomUUID().toString().substring(0, 8);
        as(tenant, "operator")
                .body(Map.of("subjectRef", subject))
                .put("/v1/requests/" + id + "/subject")
                .then()
                .statusCode(200)
                .body("subjectRef", equalTo(subject))
                .body("receiptNumber", matchesPattern(RECEIPT));
        as(tenant, "operator")
                .get("/v1/requests/" + id + "/events")
                .then()
                .statusCode(200)
                .body("items[1].kind", equalTo("SUBJECT_LINKED"))
                .body("items[1].actorClient", equalTo(tenant + "-operator"))
                .body(
                        "items[1].detail",
                        equalTo("linked to " + subject + " by service-account-" + tenant + "-operator"));
        as(tenant, "auditor")
                .queryParam("subjectRef", subject)
                .get("/v1/audit-events")
                .then()
                .statusCode(200)
                .body("items.action", hasItem("REQUEST_SUBJECT_LINKED"));
        // The same again changes nothing; another person is refused.
        as(tenant, "privacy-officer")
                .body(Map.of("subjectRef", subject))
                .put("/v1/requests/" + id + "/subject")
                .then()
                .statusCode(200);
        as(tenant, "operator")
                .body(Map.of("subjectRef", "cust-someone-else"))
                .put("/v1/requests/" + id + "/subject")
                .then()
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "subject-already-linked"));
        as(tenant, "operator").get("/v1/requests/" + id + "/events").then().body("items.size()", equalTo(2));
        // An auditor only reads.
        as(tenant, "auditor")
                .body(Map.of("subjectRef", subject))
                .put("/v1/requests/" + id + "/subject")
                .then()
                .statusCode(403);
    }

    @Test
    void shouldRefuseToLinkAPersonWhoHasAnOpenRequestOfTheSameType() {
        String tenant = newTenant();
        String subject = "cust-" + UUID.randomUUID().toString().substring(0, 8);
        Intakes.create(tenant, "ERASURE", subject);
        String id = filed(tenant, "ERASURE").getString("requestId");
        as(tenant, "operator")
                .body(Map.of("subjectRef", subject))
                .put("/v1/requests/" + id + "/subject")
                .then()
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "duplicate-request"));
    }

    @Test
    void shouldNotApproveARequestNotLinkedToAPerson() {
        String tenant = newTenant();
        String id = filed(tenant, Filings.filingBySelf("DISCLOSURE")).getString("requestId");
        Workflow.verified(tenant, id);
        as(tenant, "privacy-officer")
                .body(Workflow.decision("APPROVED"))
                .post("/v1/requests/" + id + "/decision")
                .then()
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "subject-not-linked"));
        JsonPath after = Workflow.request(tenant, id);
        assertEquals("PENDING_DECISION", after.getString("status"));
        as(tenant, "operator")
                .body(Map.of(
                        "subjectRef", "cust-" + UUID.randomUUID().toString().substring(0, 8)))
                .put("/v1/requests/" + id + "/subject")
                .then()
                .statusCode(200);
        as(tenant, "privacy-officer")
                .body(Workflow.decision("APPROVED"))
                .post("/v1/requests/" + id + "/decision")
                .then()
                .statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldRefuseAFilingWithoutConsentOrWithWrongTypesOrUnknownFieldsNamingTheField() {
        String tenant = newTenant();
        Map<String, Object> noConsent = filing("DISCLOSURE");
        noConsent.put("formConsent", false);
        refused(tenant, noConsent, "formConsent");
        Map<String, Object> missing = filing("DISCLOSURE");
        missing.remove("formConsent");
        refused(tenant, missing, "formConsent");
        Map<String, Object> textConsent = filing("DISCLOSURE");
        textConsent.put("formConsent", "true");
        refused(tenant, textConsent, "formConsent");
        Map<String, Object> numberName = filing("DISCLOSURE");
        ((Map<String, Object>) numberName.get("person")).put("name", 12);
        refused(tenant, numberName, "person.name");
        Map<String, Object> unknown = filing("DISCLOSURE");
        unknown.put("subjectRef", "cust-000123");
        refused(tenant, unknown, "subjectRef");
        Map<String, Object> language = filing("DISCLOSURE");
        language.put("language", "fr");
        refused(tenant, language, "language");
        Map<String, Object> noEmail = filing("DISCLOSURE");
        ((Map<String, Object>) ((Map<String, Object>) noEmail.get("requester")).get("contact")).remove("email");
        refused(tenant, noEmail, "requester.contact.email");
        Map<String, Object> onlyName = filing("DISCLOSURE");
        onlyName.put("person", Map.of("name", "山田 花子"));
        refused(tenant, onlyName, "person");
        center(tenant)
                .body("{\"code\": 482913}")
                .post("/v1/online-filings/" + UUID.randomUUID() + "/confirmation")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("code"));
        // Nothing was filed: no audit line, no request.
        as(tenant, "auditor").get("/v1/audit-events").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void shouldApplyTheIntakeRulesOfEachTypeToAFiling() {
        String tenant = newTenant();
        Map<String, Object> noAgent = filing("DISCLOSURE");
        noAgent.remove("agent");
        center(tenant)
                .body(noAgent)
                .post("/v1/online-filings")
                .then()
                .statusCode(422)
                .body("type", equalTo(PROBLEMS + "agent-required"))
                .body("errors.field", hasItem("agent"));
        Map<String, Object> noDelivery = filing("DISCLOSURE");
        noDelivery.remove("deliveryMethod");
        center(tenant)
                .body(noDelivery)
                .post("/v1/online-filings")
                .then()
                .statusCode(422)
                .body("type", equalTo(PROBLEMS + "delivery-method-required"));
        Map<String, Object> noGround = filing("ERASURE");
        noGround.remove("ground");
        center(tenant)
                .body(noGround)
                .post("/v1/online-filings")
                .then()
                .statusCode(422)
                .body("type", equalTo(PROBLEMS + "ground-required"));
    }

    @Test
    void shouldAnswerARetriedFilingOnceWithTheSameIdempotencyKey() {
        String tenant = newTenant();
        Map<String, Object> body = filing("PURPOSE_NOTIFICATION");
        String first = center(tenant)
                .header("Idempotency-Key", "form-1")
                .body(body)
                .post("/v1/online-filings")
                .then()
                .statusCode(202)
                .extract()
                .path("filingId");
        String again = center(tenant)
                .header("Idempotency-Key", "form-1")
                .body(body)
                .post("/v1/online-filings")
                .then()
                .statusCode(202)
                .extract()
                .path("filingId");
        assertEquals(first, again);
        String code = mailedCode(emailOf(body), 1);
        String receipt = center(tenant)
                .header("Idempotency-Key", "confirm-1")
                .body(Map.of("code", code))
                .post("/v1/online-filings/" + first + "/confirmation")
                .then()
                .statusCode(201)
                .extract()
                .path("receiptNumber");
        center(tenant)
                .header("Idempotency-Key", "confirm-1")
                .body(Map.of("code", code))
                .post("/v1/online-filings/" + first + "/confirmation")
                .then()
                .statusCode(201)
                .body("receiptNumber", equalTo(receipt));
        as(tenant, "privacy-officer").get("/v1/requests").then().body("items.size()", equalTo(1));
        // One code mail and one receipt mail: the retries queued nothing more.
        assertEquals(2, Filings.mailsQueued(tenant));
    }

    private static void refused(String tenant, Map<String, Object> body, String field) {
        center(tenant)
                .body(body)
                .post("/v1/online-filings")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }
}
