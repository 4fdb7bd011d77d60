package dev.mamori.request;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.mamori.request.Filings.center;
import static dev.mamori.request.Filings.emailOf;
import static dev.mamori.request.Filings.filed;
import static dev.mamori.request.Filings.filingBySelf;
import static dev.mamori.request.Filings.mails;
import static dev.mamori.request.Filings.newTenant;
import static dev.mamori.request.Intakes.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.request.service.RequestConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A disclosure filed online to be delivered electronically: once completed, the requester is mailed a link; the
 * link opens nothing without a fresh code mailed to the same address, and the code gives a short grant to download
 * the result. The person's other mails (refusal, extension, completion) name the company by its controller name.
 */
@QuarkusTest
class ResultDeliveryTest {

    private static final String PROBLEMS = "https://mamori.dev/problems/";
    private static final String COMPANY = "株式会社マモリ商事";
    private static final Pattern DELIVERY_CODE = Pattern.compile("確認コード：([0-9]{6})");

    @Inject
    RequestConfig config;

    /** consent-service names the tenant's controller. */
    private static void controllerNamed(String tenant, String name) {
        TargetStubs.consent.stubFor(TargetStubs.authorized(get(urlPathEqualTo("/v1/consent-policy")))
                .withHeader("X-Mamori-Tenant", equalTo(tenant))
                .willReturn(okJson("{\"guardianAgeThreshold\":18,\"controllerName\":\"" + name + "\"}")));
    }

    /** Files, confirms, links, verifies and approves a request; answers its id once it is COMPLETED. */
    private static String completed(String tenant, Map<String, Object> body) {
        String id = filed(tenant, body).getString("requestId");
        as(tenant, "operator")
                .body(Map.of("subjectRef", Intakes.newSubject()))
                .put("/v1/requests/" + id + "/subject")
                .then()
                .statusCode(200);
        Workflow.verified(tenant, id);
        Workflow.approved(tenant, id);
        Workflow.awaitStatus(tenant, id, "COMPLETED");
        return id;
    }

    /** A completed disclosure of {@code tenant} filed online for electronic delivery: the token its link mail gave. */
    static String deliveredToken(String tenant) {
        Map<String, Object> body = filingBySelf("DISCLOSURE");
        completed(tenant, body);
        return linkToken(tenant, mailWith(emailOf(body), "/downloads/"));
    }

    private static String linkToken(String tenant, MailStub.Received mail) {
        Matcher link = Pattern.compile("http://localhost:8091/t/" + tenant + "/downloads/([A-Za-z0-9_-]{43})")
                .matcher(mail.text());
        assertTrue(link.find(), "no download link in " + mail);
        return link.group(1);
    }

    private static String code(MailStub.Received mail) {
        Matcher m = DELIVERY_CODE.matcher(mail.text());
        assertTrue(m.find(), "no code in " + mail);
        return m.group(1);
    }

    /** The first mail to {@code address} whose subject or text contains {@code fragment}, waiting for it. */
    private static MailStub.Received mailWith(String address, String fragment) {
        long until = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (true) {
            for (MailStub.Received m : MailStub.received(address)) {
                if (m.subject().contains(fragment) || m.text().contains(fragment)) {
                    return m;
                }
            }
            if (System.nanoTime() > until) {
                throw new AssertionError(
                        "no mail with " + fragment + " for " + address + ": " + MailStub.received(address));
            }
            Workflow.sleep(100);
        }
    }

    private static Response download(String tenant, String token, String grant, String format) {
        io.restassured.specification.RequestSpecification call = center(tenant);
        if (grant != null) {
            call = call.header("X-Download-Grant", grant);
        }
        return call.queryParam("format", format).get("/v1/result-deliveries/" + token + "/package");
    }

    @Test
    void shouldMailALinkThatACodeOpensForDownloadsThatAreAuditedAndOnTheTimeline() {
        assertEquals("http://localhost:8091", config.centerUrl());
        String tenant = newTenant();
        controllerNamed(tenant, COMPANY);
        Map<String, Object> body = filingBySelf("DISCLOSURE");
        String email = emailOf(body);
        String id = completed(tenant, body);
        String receipt = Workflow.request(tenant, id).getString("receiptNumber");
        String subject = Workflow.request(tenant, id).getString("subjectRef");

        // The filing's code and receipt mails name the company by its controller name, not the tenant id.
        for (MailStub.Received m : mails(email, 3)) {
            assertTrue(m.subject().startsWith(COMPANY), m.subject());
        }
        // The link: receipt number and kind, nothing about the person.
        MailStub.Received linkMail = mailWith(email, "/downloads/");
        assertTrue(linkMail.subject().startsWith(COMPANY), linkMail.subject());
        assertTrue(linkMail.subject().contains(receipt), linkMail.subject());
        assertTrue(linkMail.text().contains("保有個人データの開示"), linkMail.text());
        assertFalse(linkMail.text().contains("山田"), linkMail.text());
        String token = linkToken(tenant, linkMail);

        // The link alone downloads nothing.
        download(tenant, token, null, "html").then().statusCode(403).body("type", is(PROBLEMS + "grant-invalid"));
        // Another tenant's privacy center does not know the link.
        center(newTenant())
                .post("/v1/result-deliveries/" + token + "/code")
                .then()
                .statusCode(404)
                .body("type", is(PROBLEMS + "delivery-not-found"));
        center(tenant)
                .post("/v1/result-deliveries/" + "x".repeat(43) + "/code")
                .then()
                .statusCode(404)
                .body("type", is(PROBLEMS + "delivery-not-found"));

        JsonPath sent = center(tenant)
                .post("/v1/result-deliveries/" + token + "/code")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();
        assertEquals(email.charAt(0) + "***@example.jp", sent.getString("sentTo"));
        OffsetDateTime codeEnd = OffsetDateTime.parse(sent.getString("expiresAt"));
        assertTrue(codeEnd.isBefore(OffsetDateTime.now().plusMinutes(11)), codeEnd.toString());
        mails(email, 4);
        MailStub.Received codeMail = mailWith(email, "回答をダウンロードするための確認コード");
        assertTrue(codeMail.subject().startsWith(COMPANY), codeMail.subject());
        String code = code(codeMail);

        String wrong = code.equals("000000") ? "111111" : "000000";
        center(tenant)
                .body(Map.of("code", wrong))
                .post("/v1/result-deliveries/" + token + "/confirmation")
                .then()
                .statusCode(422)
                .body("type", is(PROBLEMS + "code-wrong"))
                .body("attemptsLeft", is(4));
        JsonPath granted = center(tenant)
                .body(Map.of("code", code))
                .post("/v1/result-deliveries/" + token + "/confirmation")
                .then()
                .statusCode(200)
                .body("grant", notNullValue())
                .body("receiptNumber", is(receipt))
                .body("requestType", is("DISCLOSURE"))
                .body("formats", is(List.of("html", "json", "csv")))
                .extract()
                .jsonPath();
        String grant = granted.getString("grant");
        OffsetDateTime grantEnd = OffsetDateTime.parse(granted.getString("grantExpiresAt"));
        assertTrue(grantEnd.isBefore(OffsetDateTime.now().plusMinutes(16)), grantEnd.toString());
        assertTrue(OffsetDateTime.parse(granted.getString("linkExpiresAt"))
                .isAfter(OffsetDateTime.now().plusDays(13)));
        // The code opens the link once.
        center(tenant)
                .body(Map.of("code", code))
                .post("/v1/result-deliveries/" + token + "/confirmation")
                .then()
                .statusCode(410)
                .body("type", is(PROBLEMS + "code-expired"));

        for (String format : List.of("html", "json", "csv")) {
            download(tenant, token, grant, format)
                    .then()
                    .statusCode(200)
                    .header("Content-Disposition", "attachment; filename=\"" + receipt + "." + format + "\"")
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Cache-Control", "no-store")
                    .contentType(containsString(
                            format.equals("html")
                                    ? "text/html"
                                    : format.equals("json") ? "application/json" : "text/csv"));
        }
        assertTrue(download(tenant, token, grant, "html").asString().contains("開示等の請求に対する回答"));
        assertEquals(id, download(tenant, token, grant, "json").jsonPath().getString("requestId"));
        download(tenant, token, "A".repeat(43), "html")
                .then()
                .statusCode(403)
                .body("type", is(PROBLEMS + "grant-invalid"));
        download(tenant, token, grant, "pdf").then().statusCode(400).body("errors.field", hasItem("format"));

        List<String> actions = as(tenant, "auditor")
                .queryParam("subjectRef", subject)
                .get("/v1/audit-events")
                .then()
                .statusCode(200)
                .extract()
                .path("items.action");
        assertEquals(5, Collections.frequency(actions, "RESULT_DOWNLOADED"), actions.toString());
        assertTrue(
                actions.containsAll(List.of(
                        "RESULT_DELIVERY_SENT",
                        "RESULT_DELIVERY_CODE_SENT",
                        "RESULT_DELIVERY_CODE_WRONG",
                        "RESULT_DELIVERY_CONFIRMED")),
                actions.toString());
        as(tenant, "operator")
                .get("/v1/requests/" + id + "/events")
                .then()
                .statusCode(200)
                .body("items.kind", hasItems("COMPLETED", "RESULT_DELIVERY_SENT", "RESULT_DOWNLOADED"))
                .body("items.actorClient", hasItem("privacy-center"));

        // At most five codes an hour per link.
        for (int i = 0; i < 4; i++) {
            center(tenant)
                    .post("/v1/result-deliveries/" + token + "/code")
                    .then()
                    .statusCode(202);
        }
        center(tenant)
                .post("/v1/result-deliveries/" + token + "/code")
                .then()
                .statusCode(429)
                .body("type", is(PROBLEMS + "code-resend-limit"));

        // Once the link has expired it opens nothing, grant or not.
        Filings.sql("UPDATE result_delivery SET expires_at = now() - interval '1 minute' WHERE tenant_id = ?", tenant);
        center(tenant)
                .post("/v1/result-deliveries/" + token + "/code")
                .then()
                .statusCode(410)
                .body("type", is(PROBLEMS + "delivery-expired"));
        download(tenant, token, grant, "html").then().statusCode(410).body("type", is(PROBLEMS + "delivery-expired"));
        center(tenant)
                .body(Map.of("code", "123456"))
                .post("/v1/result-deliveries/" + token + "/confirmation")
                .then()
                .statusCode(410);
    }

    @Test
    void shouldMailARefusalWithTheGroundsJapaneseLabelAndTheOfficersReason() {
        String tenant = newTenant();
        controllerNamed(tenant, COMPANY);
        Map<String, Object> body = filingBySelf("DISCLOSURE");
        String email = emailOf(body);
        String id = filed(tenant, body).getString("requestId");
        Workflow.verified(tenant, id);
        String reason = "開示することで第三者の権利利益を害するおそれがあるため";
        as(tenant, "privacy-officer")
                .body(Map.of("outcome", "REFUSED", "refusalGround", "HARM_TO_PERSON_OR_THIRD_PARTY", "reason", reason))
                .post("/v1/requests/" + id + "/decision")
                .then()
                .statusCode(200)
                .body("status", is("REFUSED"));
        MailStub.Received refusal = mailWith(email, "ご請求には応じられません");
        assertTrue(refusal.subject().startsWith(COMPANY), refusal.subject());
        assertTrue(refusal.text().contains("ご請求には応じられません"), refusal.text());
        assertTrue(refusal.text().contains("本人又は第三者の生命、身体、財産その他の権利利益を害するおそれがある（個人情報保護法第33条第2項第1号）"), refusal.text());
        assertTrue(refusal.text().contains(reason), refusal.text());
        // A refused request has nothing to download.
        Workflow.sleep(500);
        assertEquals(3, MailStub.received(email).size());
        as(tenant, "operator")
                .get("/v1/requests/" + id + "/events")
                .then()
                .body("items.kind", not(hasItem("RESULT_DELIVERY_SENT")));
    }

    @Test
    void shouldMailThePartOfAPartialApprovalThatIsRefusedAndThenTheLinkToTheRest() {
        String tenant = newTenant();
        controllerNamed(tenant, COMPANY);
        Map<String, Object> body = filingBySelf("DISCLOSURE");
        String email = emailOf(body);
        String id = filed(tenant, body).getString("requestId");
        as(tenant, "operator")
                .body(Map.of("subjectRef", Intakes.newSubject()))
                .put("/v1/requests/" + id + "/subject")
                .then()
                .statusCode(200);
        Workflow.verified(tenant, id);
        String reason = "社内調査中の記録を含むため";
        as(tenant, "privacy-officer")
                .body(Map.of(
                        "outcome",
                        "PARTIALLY_APPROVED",
                        "refusalGround",
                        "SERIOUS_HINDRANCE_TO_BUSINESS",
                        "reason",
                        reason,
                        "scope",
                        Map.of("withheldSections", List.of("THIRD_PARTY_RECORDS"))))
                .post("/v1/requests/" + id + "/decision")
                .then()
                .statusCode(200);
        MailStub.Received partial = mailWith(email, "ご請求の一部には応じられません");
        assertTrue(partial.text().contains("当社の業務の適正な実施に著しい支障を及ぼすおそれがある（個人情報保護法第33条第2項第2号）"), partial.text());
        assertTrue(partial.text().contains(reason), partial.text());
        Workflow.awaitStatus(tenant, id, "COMPLETED");
        linkToken(tenant, mailWith(email, "/downloads/"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldMailAnExtensionInTheFilersLanguageAndTellAPaperResultComesByPost() {
        String tenant = newTenant();
        controllerNamed(tenant, "Mamori Trading K.K.");
        Map<String, Object> body = filingBySelf("DISCLOSURE");
        body.put("language", "en");
        body.put("deliveryMethod", "PAPER");
        ((Map<String, Object>) ((Map<String, Object>) body.get("requester")).get("contact"))
                .put("postalAddress", "東京都千代田区1-1-1");
        String email = emailOf(body);
        String id = filed(tenant, body).getString("requestId");
        as(tenant, "operator")
                .body(Map.of("additionalBusinessDays", 5, "reason", "The data is spread over several systems."))
                .post("/v1/requests/" + id + "/extension")
                .then()
                .statusCode(200);
        String dueOn = Workflow.request(tenant, id).getString("dueOn");
        MailStub.Received extension = mailWith(email, "the date of our answer is extended");
        assertTrue(
                extension.subject().startsWith("Mamori Trading K.K.: the date of our answer is extended"),
                extension.subject());
        assertTrue(extension.text().contains("extend the date of our answer to " + dueOn), extension.text());
        assertTrue(extension.text().contains("Reason: The data is spread over several systems."), extension.text());

        as(tenant, "operator")
                .body(Map.of("subjectRef", Intakes.newSubject()))
                .put("/v1/requests/" + id + "/subject")
                .then()
                .statusCode(200);
        Workflow.verified(tenant, id);
        Workflow.approved(tenant, id);
        Workflow.awaitStatus(tenant, id, "COMPLETED");
        MailStub.Received done = mailWith(email, "your request was completed");
        assertTrue(done.subject().contains("your request was completed"), done.subject());
        assertTrue(done.text().contains("by post"), done.text());
        assertFalse(done.text().contains("/downloads/"), done.text());
    }

    @Test
    void shouldNameTheTenantWhenConsentServiceGivesNoControllerName() {
        // No stub for this tenant: consent-service refuses (as when it is down); the filing still goes through.
        String tenant = newTenant();
        Map<String, Object> body = filingBySelf("ERASURE");
        filed(tenant, body);
        assertTrue(mails(emailOf(body), 2).get(1).subject().startsWith(tenant));
    }
}
