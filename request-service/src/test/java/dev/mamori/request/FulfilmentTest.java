package dev.mamori.request;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.mamori.request.Intakes.as;
import static dev.mamori.request.Intakes.create;
import static dev.mamori.request.Intakes.intake;
import static dev.mamori.request.Intakes.newSubject;
import static dev.mamori.request.TargetStubs.authorized;
import static dev.mamori.request.Workflow.approved;
import static dev.mamori.request.Workflow.awaitStatus;
import static dev.mamori.request.Workflow.verified;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FulfilmentTest {

    private static void stubPersonWithRecords(String subject) {
        String base = "/v1/subjects/" + subject;
        TargetStubs.consent.stubFor(authorized(get(urlPathEqualTo(base + "/consents")))
                .atPriority(1)
                .willReturn(okJson("{\"subjectRef\":\"" + subject + "\",\"consents\":["
                        + "{\"id\":\"c1\",\"purpose\":\"marketing\",\"decision\":\"GRANTED\",\"status\":\"WITHDRAWN\"},"
                        + "{\"id\":\"c2\",\"purpose\":\"call-quality\",\"decision\":\"GRANTED\",\"status\":\"ACTIVE\"}],"
                        + "\"useStops\":[{\"id\":\"u1\",\"purposes\":[\"marketing\"]}]}")));
        TargetStubs.thirdparty.stubFor(authorized(get(urlPathEqualTo(base + "/provisions")))
                .atPriority(1)
                .willReturn(okJson("{\"items\":[{\"id\":\"p1\",\"recipient\":\"<b>ACME</b>\"}],\"limit\":500}")));
        TargetStubs.thirdparty.stubFor(authorized(get(urlPathEqualTo(base + "/receipts")))
                .atPriority(1)
                .willReturn(okJson("{\"items\":[{\"id\":\"r1\",\"provider\":\"Tele, Inc.\"}],\"limit\":500}")));
        TargetStubs.retention.stubFor(
                authorized(get(urlPathEqualTo(base + "/holdings")))
                        .atPriority(1)
                        .withQueryParam("offset", absent())
                        .willReturn(
                                okJson(
                                        "{\"items\":[{\"id\":\"h1\",\"categoryCode\":\"call-recording\",\"deleteOn\":"
                                                + "\"2026-04-03\"},{\"id\":\"h2\",\"categoryCode\":\"crm-profile\"}],\"limit\":500,\"next\":\"500\"}")));
        TargetStubs.retention.stubFor(authorized(get(urlPathEqualTo(base + "/holdings")))
                .atPriority(1)
                .withQueryParam("offset", equalTo("500"))
                .willReturn(okJson("{\"items\":[{\"id\":\"h3\",\"categoryCode\":\"call-recording\"}],\"limit\":500}")));
    }

    @Test
    void shouldDiscloseConsentsRecordsAndHoldingsAsOnePackageInJsonHtmlAndCsv() {
        String subject = newSubject();
        stubPersonWithRecords(subject);
        String id = create("tenant-a", "DISCLOSURE", subject);
        verified("tenant-a", id);
        approved("tenant-a", id);

        JsonPath done = awaitStatus("tenant-a", id, "COMPLETED");
        assertEquals(List.of("DONE", "DONE", "DONE"), done.getList("fulfilment.status"));
        as("tenant-a", "privacy-officer")
                .get("/v1/requests/" + id + "/result")
                .then()
                .statusCode(200)
                .body("disclosure.consents.id", org.hamcrest.Matchers.equalTo(List.of("c1", "c2")))
                .body("disclosure.useStops", hasSize(1))
                .body("disclosure.thirdPartyRecords.provisions[0].id", org.hamcrest.Matchers.equalTo("p1"))
                .body("disclosure.thirdPartyRecords.receipts[0].id", org.hamcrest.Matchers.equalTo("r1"))
                .body("disclosure.holdings.id", org.hamcrest.Matchers.equalTo(List.of("h1", "h2", "h3")))
                .body("notice.ja", containsString("電磁的記録の提供により開示します"))
                .body("notice.en", containsString("by electronic record"));

        String html = as("tenant-a", "operator")
                .queryParam("format", "html")
                .get("/v1/requests/" + id + "/result")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .extract()
                .asString();
        assertTrue(html.contains("同意とその履歴 / Consents and their history (2)"), html);
        assertTrue(html.contains("<td>call-quality</td>"), html);
        assertTrue(html.contains("&lt;b&gt;ACME&lt;/b&gt;"), "values are escaped");
        String csv = as("tenant-a", "operator")
                .queryParam("format", "csv")
                .get("/v1/requests/" + id + "/result")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .extract()
                .asString();
        assertTrue(csv.startsWith("\uFEFFsection,index,field,value\r\n"), "UTF-8 with a byte-order mark: " + csv);
        assertTrue(csv.contains("consents,1,purpose,call-quality\r\n"), csv);
        assertTrue(csv.contains("thirdPartyRecords.receipts,0,provider,\"Tele, Inc.\"\r\n"), csv);
        as("tenant-a", "operator")
                .queryParam("format", "pdf")
                .get("/v1/requests/" + id + "/result")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("format"));

        // Every call carried request-service's own service token and named the tenant.
        List<LoggedRequest> calls =
                TargetStubs.retention.findAll(getRequestedFor(urlPathEqualTo("/v1/subjects/" + subject + "/holdings")));
        assertEquals(2, calls.size(), "two pages of holdings");
        for (LoggedRequest call : calls) {
            assertEquals("tenant-a", call.getHeader("X-Mamori-Tenant"));
            String token = call.getHeader("Authorization").substring("Bearer ".length());
            String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
            assertTrue(claims.contains("\"azp\":\"request-service\"") && claims.contains("\"service\""), claims);
        }
    }

    @Test
    void shouldWithholdTheSectionsOfAPartialDisclosureAndNotCallTheirService() {
        String subject = newSubject();
        stubPersonWithRecords(subject);
        String id = create("tenant-a", "DISCLOSURE", subject);
        verified("tenant-a", id);
        as("tenant-a", "privacy-officer")
                .body(Map.of(
                        "outcome",
                        "PARTIALLY_APPROVED",
                        "refusalGround",
                        "HARM_TO_PERSON_OR_THIRD_PARTY",
                        "reason",
                        "提供先の記録に第三者の情報が含まれるため",
                        "scope",
                        Map.of("withheldSections", List.of("THIRD_PARTY_RECORDS"))))
                .post("/v1/requests/" + id + "/decision")
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("IN_PROGRESS"))
                .body("fulfilment.action", org.hamcrest.Matchers.equalTo(List.of("FETCH_CONSENTS", "FETCH_HOLDINGS")));
        awaitStatus("tenant-a", id, "COMPLETED");
        as("tenant-a", "operator")
                .get("/v1/requests/" + id + "/result")
                .then()
                .body("outcome", org.hamcrest.Matchers.equalTo("PARTIALLY_APPROVED"))
                .body("disclosure.thirdPartyRecords", nullValue())
                .body("disclosure.holdings", hasSize(3))
                .body("notice.ja", containsString("ご請求の一部には応じられません"));
        assertEquals(
                0,
                TargetStubs.thirdparty
                        .findAll(getRequestedFor(urlPathEqualTo("/v1/subjects/" + subject + "/provisions")))
                        .size());
    }

    @Test
    void shouldStopUseOnceWithTheRequestsIdempotencyKeyAndTheMappedGround() {
        String subject = newSubject();
        String id = create("tenant-a", "USE_STOP", subject);
        verified("tenant-a", id);
        approved("tenant-a", id);
        awaitStatus("tenant-a", id, "COMPLETED");
        List<LoggedRequest> calls =
                TargetStubs.consent.findAll(postRequestedFor(urlPathEqualTo("/v1/subjects/" + subject + "/use-stops")));
        assertEquals(1, calls.size());
        assertEquals("mamori-req-" + id + "-consent-stop-use", calls.get(0).getHeader("Idempotency-Key"));
        assertTrue(
                equalToJson("{\"requestRef\":\"" + id + "\",\"ground\":\"ART_35_5_NO_LONGER_NEEDED\"}")
                        .match(calls.get(0).getBodyAsString())
                        .isExactMatch(),
                calls.get(0).getBodyAsString());
        as("tenant-a", "operator")
                .get("/v1/requests/" + id + "/result")
                .then()
                .body("notice.ja", containsString("利用を停止しました"))
                .body("notice.en", containsString("stopped using"));
    }

    @Test
    void shouldStopProvisionToThirdPartiesAtThirdpartyService() {
        String subject = newSubject();
        String id = create("tenant-a", "PROVISION_STOP", subject);
        verified("tenant-a", id);
        approved("tenant-a", id);
        awaitStatus("tenant-a", id, "COMPLETED");
        List<LoggedRequest> calls = TargetStubs.thirdparty.findAll(
                postRequestedFor(urlPathEqualTo("/v1/subjects/" + subject + "/provision-stops")));
        assertEquals(1, calls.size());
        assertTrue(equalToJson("{\"requestRef\":\"" + id + "\",\"ground\":\"ART_35_3\"}")
                .match(calls.get(0).getBodyAsString())
                .isExactMatch());
        assertEquals("tenant-a", calls.get(0).getHeader("X-Mamori-Tenant"));
    }

    @Test
    void shouldCompleteAProvisionStopWhenAStopIsAlreadyInForceWithoutRetryingIt() {
        String subject = newSubject();
        String path = "/v1/subjects/" + subject + "/provision-stops";
        // thirdparty-service's answer when an earlier request already stopped provision for the person.
        TargetStubs.thirdparty.stubFor(authorized(post(urlPathEqualTo(path)))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(409)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\":\"https://mamori.dev/problems/provision-stop-exists\",\"title\":"
                                + "\"Conflict\",\"status\":409,\"detail\":\"Provision for this person is already "
                                + "stopped by stop 5f0c on request earlier-1\"}")));
        String id = create("tenant-a", "PROVISION_STOP", subject);
        verified("tenant-a", id);
        approved("tenant-a", id);

        JsonPath done = awaitStatus("tenant-a", id, "COMPLETED");
        assertEquals("DONE", done.getString("fulfilment[0].status"));
        assertEquals(1, done.getInt("fulfilment[0].attempts"), "the wish is met: nothing to retry");
        assertEquals(409, done.getInt("fulfilment[0].lastHttpStatus"));
        assertTrue(
                done.getString("fulfilment[0].note").startsWith("a provision stop was already in force"),
                done.prettify());
        assertEquals(
                1,
                TargetStubs.thirdparty
                        .findAll(postRequestedFor(urlPathEqualTo(path)))
                        .size());
        as("tenant-a", "operator")
                .get("/v1/requests/" + id + "/result")
                .then()
                .body("actions[0].status", org.hamcrest.Matchers.equalTo("DONE"))
                .body("actions[0].note", containsString("already in force"))
                .body("actions[0].answer.alreadyInForce", org.hamcrest.Matchers.equalTo(true))
                .body("notice.ja", containsString("第三者への提供は、既に停止しております"))
                .body("notice.en", containsString("had already been stopped"));
    }

    @Test
    void shouldRetryAnotherConflictOfAProvisionStop() {
        String subject = newSubject();
        String path = "/v1/subjects/" + subject + "/provision-stops";
        // A 409 that is not "already stopped" (here: the target still works on the same key) stays retryable.
        TargetStubs.thirdparty.stubFor(authorized(post(urlPathEqualTo(path)))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(409)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody(
                                "{\"type\":\"https://mamori.dev/problems/idempotency-in-progress\",\"status\":409}")));
        String id = create("tenant-a", "PROVISION_STOP", subject);
        verified("tenant-a", id);
        approved("tenant-a", id);
        JsonPath failed = Workflow.awaitRequest("tenant-a", id, java.time.Duration.ofSeconds(20), r -> "FAILED"
                .equals(r.getString("fulfilment[0].status")));
        assertEquals("IN_PROGRESS", failed.getString("status"));
        assertEquals(4, failed.getInt("fulfilment[0].attempts"));
        assertEquals(null, failed.getString("fulfilment[0].note"));
    }

    @Test
    void shouldEraseAtRetentionServiceAndQuoteTheCertificateInTheNotice() {
        String subject = newSubject();
        TargetStubs.retention.stubFor(authorized(post(urlPathEqualTo("/v1/subjects/" + subject + "/erasure")))
                .atPriority(1)
                .willReturn(okJson("{\"erased\":12,\"certificateId\":\"cert-777\"}")));
        String id = create("tenant-a", "ERASURE", subject);
        verified("tenant-a", id);
        approved("tenant-a", id);
        awaitStatus("tenant-a", id, "COMPLETED");
        as("tenant-a", "operator")
                .get("/v1/requests/" + id + "/result")
                .then()
                .body("actions.find { it.action == 'ERASE' }.target", org.hamcrest.Matchers.equalTo("RETENTION"))
                .body("actions.find { it.action == 'ERASE' }.answer.erased", org.hamcrest.Matchers.equalTo(12))
                .body("notice.ja", containsString("12 件を消去しました。（消去証明書番号 cert-777）"))
                .body(
                        "notice.en",
                        containsString("We have erased 12 records of your retained personal data "
                                + "(erasure certificate cert-777)"))
                .body("notice.ja", not(containsString("保存しています")))
                .body("notice.en", not(containsString("retained and not erased")));
    }

    @Test
    void shouldTellThePersonHowManyRecordsALegalHoldKeptFromErasure() {
        String subject = newSubject();
        // retention-service erases what no legal hold keeps and counts the rest as held.
        TargetStubs.retention.stubFor(authorized(post(urlPathEqualTo("/v1/subjects/" + subject + "/erasure")))
                .atPriority(1)
                .willReturn(okJson("{\"subjectRef\":\"" + subject + "\",\"erased\":9,\"held\":3,"
                        + "\"certificateId\":\"cert-888\"}")));
        String id = create("tenant-a", "ERASURE", subject);
        verified("tenant-a", id);
        approved("tenant-a", id);
        awaitStatus("tenant-a", id, "COMPLETED");
        as("tenant-a", "operator")
                .get("/v1/requests/" + id + "/result")
                .then()
                .body("actions.find { it.action == 'ERASE' }.answer.held", org.hamcrest.Matchers.equalTo(3))
                .body("notice.ja", containsString("9 件を消去しました。（消去証明書番号 cert-888）"))
                .body("notice.ja", containsString("3 件は、法令に基づく保存義務または法的手続のための保存措置" + "（リーガルホールド）の対象であるため、消去せずに保存しています"))
                .body("notice.ja", containsString("ご請求の一部には応じられません"))
                .body("notice.en", containsString("We have erased 9 records"))
                .body(
                        "notice.en",
                        containsString("3 records are retained and not erased, because a legal hold or "
                                + "a legal obligation to keep them applies"));
    }

    @Test
    void shouldPassADecidedCorrectionToTheClientSystemSignedWithBeforeAndAfter() {
        String subject = newSubject();
        Map<String, Object> body = intake("CORRECTION", subject);
        body.put("callbackUrl", TargetStubs.hook("correction-" + subject));
        String id = create("tenant-a", body);
        verified("tenant-a", id);
        as("tenant-a", "privacy-officer")
                .body(Map.of(
                        "outcome",
                        "APPROVED",
                        "correction",
                        Map.of("before", "大阪市北区梅田1-1-1", "after", "東京都港区港南2-16-1")))
                .post("/v1/requests/" + id + "/decision")
                .then()
                .statusCode(200);
        awaitStatus("tenant-a", id, "COMPLETED");

        List<LoggedRequest> corrections =
                TargetStubs.client.findAll(postRequestedFor(urlPathEqualTo("/hooks/correction-" + subject))
                        .withHeader("X-Mamori-Event", equalTo("request.correction")));
        assertEquals(1, corrections.size());
        LoggedRequest sent = corrections.get(0);
        assertSignedForTenantA(sent);
        JsonPath payload = JsonPath.from(sent.getBodyAsString());
        assertEquals("大阪市北区梅田1-1-1", payload.getString("before"));
        assertEquals("東京都港区港南2-16-1", payload.getString("after"));
        assertEquals("postal address", payload.getString("dataItem"));
        as("tenant-a", "operator")
                .get("/v1/requests/" + id + "/result")
                .then()
                .body("notice.ja", containsString("訂正後：東京都港区港南2-16-1"))
                .body("notice.en", containsString("After: 東京都港区港南2-16-1"));
    }

    @Test
    void shouldHaveNoResultBeforeTheRequestEnds() {
        String id = create("tenant-a", "DISCLOSURE", newSubject());
        as("tenant-a", "operator")
                .get("/v1/requests/" + id + "/result")
                .then()
                .statusCode(409)
                .body("type", org.hamcrest.Matchers.equalTo("https://mamori.dev/problems/result-not-ready"));
        as("tenant-a", "auditor").get("/v1/requests/" + id + "/result").then().statusCode(403);
    }

    @Test
    void shouldTellThePurposesInWordsFromTheConsentsAndTheCategoriesOfTheDataHeld() {
        String subject = newSubject();
        stubPersonWithRecords(subject);
        // The tenant's purposes as consent-service publishes them; complaint-handling has no English wording.
        TargetStubs.consent.stubFor(authorized(get(urlPathEqualTo("/v1/purposes")))
                .atPriority(1)
                .willReturn(okJson("{\"items\":["
                        + "{\"code\":\"marketing\",\"current\":{\"titleJa\":\"新商品のご案内\","
                        + "\"titleEn\":\"Information on new products\",\"descriptionJa\":\"電話・郵送で新商品をご案内します\","
                        + "\"descriptionEn\":\"We tell you about new products by phone or post\"}},"
                        + "{\"code\":\"call-quality\",\"current\":{\"titleJa\":\"応対品質の向上\","
                        + "\"titleEn\":\"Improving the quality of our calls\"}},"
                        + "{\"code\":\"complaint-handling\",\"current\":{\"titleJa\":\"苦情への対応\"}},"
                        + "{\"code\":\"credit-check\",\"current\":{\"titleJa\":\"与信審査\",\"titleEn\":\"Credit check\"}}"
                        + "],\"limit\":500}")));
        // A holding's category is not a purpose: the category names the purposes its data serves.
        TargetStubs.retention.stubFor(authorized(get(urlPathEqualTo("/v1/data-categories/call-recording")))
                .atPriority(1)
                .willReturn(okJson("{\"code\":\"call-recording\",\"nameJa\":\"通話録音\","
                        + "\"purposeCodes\":[\"call-quality\",\"complaint-handling\"]}")));
        String id = create("tenant-a", "PURPOSE_NOTIFICATION", subject);
        verified("tenant-a", id);
        approved("tenant-a", id);
        awaitStatus("tenant-a", id, "COMPLETED");
        as("tenant-a", "operator")
                .get("/v1/requests/" + id + "/result")
                .then()
                .body(
                        "disclosure.purposes.code",
                        org.hamcrest.Matchers.equalTo(List.of("marketing", "call-quality", "complaint-handling")))
                .body("disclosure.purposes[0].titleJa", org.hamcrest.Matchers.equalTo("新商品のご案内"))
                .body("notice.ja", containsString("・新商品のご案内：電話・郵送で新商品をご案内します\n"))
                .body("notice.ja", containsString("・応対品質の向上\n"))
                .body("notice.ja", containsString("・苦情への対応\n"))
                .body("notice.en", containsString("- Information on new products: We tell you about new products"))
                .body("notice.en", containsString("- Improving the quality of our calls\n"))
                .body("notice.en", containsString("- 苦情への対応\n"))
                .body("notice.ja", not(containsString("call-recording")))
                .body("notice.ja", not(containsString("crm-profile")))
                .body("notice.ja", not(containsString("call-quality")))
                .body("notice.ja", not(containsString("与信審査")))
                .body("actions.target", everyItem(not(org.hamcrest.Matchers.equalTo("THIRDPARTY"))));
    }

    /** The client system's check: signed with tenant-a's secret over the timestamp and the bytes, and fresh. */
    static void assertSignedForTenantA(LoggedRequest sent) {
        try {
            dev.mamori.platform.signing.SignatureVerifier.withDefaultWindow()
                    .verify(
                            TargetStubs.TENANT_A_SECRET,
                            sent.getHeader("X-Mamori-Timestamp"),
                            sent.getHeader("X-Mamori-Signature"),
                            sent.getBody());
        } catch (dev.mamori.platform.signing.SignatureVerifier.Refused e) {
            throw new AssertionError("the client system would refuse it: " + e.getMessage(), e);
        }
    }
}
