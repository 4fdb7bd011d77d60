package dev.mamori.center;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The online request form, the code that confirms the requester's address, the receipt and the status look-up,
 * against request-service's filing API as ServiceStubs answers it.
 */
@QuarkusTest
class RequestFormTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    /** A browser's view of a form page: its token and the nonce cookie it came with. */
    record Form(String token, String cookie, String html) {}

    static Form open(String path, String lang) {
        RequestSpecification request = given();
        if (lang != null) {
            request = request.cookie("mamori-lang", lang);
        }
        Response page = request.get(path);
        assertEquals(200, page.statusCode(), page.asString());
        Matcher m = TOKEN.matcher(page.asString());
        assertTrue(m.find(), "the page has a form token");
        String cookie = page.cookie("mamori-form");
        assertNotNull(cookie, "the page sets the nonce cookie");
        return new Form(m.group(1), cookie, page.asString());
    }

    static Map<String, String> agentDisclosure(String email) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("type", "DISCLOSURE");
        f.put("requester.relation", "APPOINTED_AGENT");
        f.put("agent.evidenceDescription", "委任状");
        f.put("requester.name", "山田 太郎");
        f.put("requester.contact.email", email);
        f.put("requester.contact.phone", "090-1234-5678");
        f.put("person.name", "山田 花子");
        f.put("person.email", "hanako@example.jp");
        f.put("person.customerNumber", "C-1234");
        f.put("deliveryMethod", "ELECTRONIC");
        f.put("formConsent", "true");
        return f;
    }

    static Response post(String path, Form form, Map<String, String> fields, String lang) {
        RequestSpecification request =
                given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8");
        if (form != null) {
            request = request.cookie("mamori-form", form.cookie()).formParam("_csrf", form.token());
        }
        if (lang != null) {
            request = request.cookie("mamori-lang", lang);
        }
        for (var e : fields.entrySet()) {
            request = request.formParam(e.getKey(), e.getValue());
        }
        return request.post(path);
    }

    // --- the form ---

    @Test
    void shouldOfferEveryTypeOfRequestWithItsArticleWhoMayFileAndTheFeeInJapanese() {
        Form form = open("/t/tenant-a/requests/new", null);
        String html = form.html();
        assertTrue(html.contains("<html lang=\"ja\">"));
        for (String type : List.of(
                "PURPOSE_NOTIFICATION",
                "DISCLOSURE",
                "PROVISION_RECORD_DISCLOSURE",
                "CORRECTION",
                "USE_STOP",
                "ERASURE",
                "PROVISION_STOP")) {
            assertTrue(html.contains("id=\"type-" + type + "\""), type);
            assertTrue(html.contains("<label for=\"type-" + type + "\">"), type);
        }
        for (String article : List.of("法第32条第2項", "法第33条", "法第33条第5項", "法第34条", "法第35条第1項", "法第35条第3項")) {
            assertTrue(html.contains(article), article);
        }
        assertTrue(html.contains("1,000円"), "the disclosure fee from the request settings");
        assertTrue(html.contains("法定代理人") && html.contains("任意代理人") && html.contains("委任状"));
        assertTrue(html.contains("マイナンバー（個人番号）が見えないように"), "the masking note");
        assertTrue(html.contains("社内で使う管理番号をご存じである必要はありません"));
        assertTrue(html.contains("name=\"formConsent\" value=\"true\""));
        assertTrue(html.contains("確認コードと受付のお知らせをこのアドレスにお送りします"));
        assertFalse(html.contains("<script"));
    }

    @Test
    void shouldOfferTheFormInEnglishWhenTheReaderChoseIt() {
        String html = open("/t/tenant-a/requests/new", "en").html();
        assertTrue(html.contains("<html lang=\"en\">"));
        assertTrue(html.contains("Art. 32(2)") && html.contains("Art. 33(5)") && html.contains("Art. 34"));
        assertTrue(html.contains("Art. 35(3)"));
        assertTrue(html.contains("JPY 1,000"));
        assertTrue(html.contains("Send me a confirmation code"));
        assertTrue(html.contains("You are not expected to know our internal reference numbers"));
        assertFalse(html.contains("請求の種類"), "no Japanese label left on the English page");
    }

    @Test
    void shouldSetTheNonceCookieStrictAndHttpOnly() {
        String setCookie = given().get("/t/tenant-a/requests/new").header("Set-Cookie");
        assertTrue(setCookie.startsWith("mamori-form="), setCookie);
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.toLowerCase().contains("samesite=strict"), setCookie);
    }

    @Test
    void shouldSendTheFilingExactlyAsTypedAndGoOnToTheCodePage() throws Exception {
        int before = ServiceStubs.FILINGS.size();
        Form form = open("/t/tenant-a/requests/new", null);
        post("/t/tenant-a/requests/new", form, agentDisclosure("agent@example.jp"), null)
                .then()
                .statusCode(303)
                .header("Location", containsString("/t/tenant-a/requests/confirm/" + ServiceStubs.FILING_ID));
        assertEquals(before + 1, ServiceStubs.FILINGS.size());
        JsonNode sent = JSON.readTree(ServiceStubs.FILINGS.get(before));
        JsonNode expected = JSON.readTree("""
                {"type": "DISCLOSURE",
                 "requester": {"name": "山田 太郎", "relation": "APPOINTED_AGENT",
                               "contact": {"email": "agent@example.jp", "phone": "090-1234-5678"}},
                 "agent": {"type": "POWER_OF_ATTORNEY", "evidenceDescription": "委任状"},
                 "person": {"name": "山田 花子", "email": "hanako@example.jp", "customerNumber": "C-1234"},
                 "deliveryMethod": "ELECTRONIC",
                 "formConsent": true,
                 "language": "ja"}""");
        assertEquals(expected, sent);
        assertEquals(
                "Bearer " + ServiceStubs.TOKEN + " tenant-a",
                ServiceStubs.FILING_CALLS.get(ServiceStubs.FILING_CALLS.size() - 1));
    }

    @Test
    void shouldFileOnceForAFormSentTwice() {
        Form form = open("/t/tenant-a/requests/new", null);
        Matcher formId =
                Pattern.compile("name=\"_formId\" value=\"([0-9a-f-]{36})\"").matcher(form.html());
        assertTrue(formId.find());
        Map<String, String> f = agentDisclosure("twice@example.jp");
        f.put("_formId", formId.group(1));
        int before = ServiceStubs.IDEMPOTENCY_KEYS.size();
        post("/t/tenant-a/requests/new", form, f, null).then().statusCode(303);
        post("/t/tenant-a/requests/new", form, f, null).then().statusCode(303);
        // request-service answers the second with the first one's filing: one filing, one mail.
        assertEquals(
                List.of("center-filing-" + formId.group(1), "center-filing-" + formId.group(1)),
                ServiceStubs.IDEMPOTENCY_KEYS.subList(before, before + 2));
        // The same form sent again with other contents becomes a new form, kept filled in.
        Map<String, String> edited = agentDisclosure("reused@example.jp");
        edited.put("_formId", formId.group(1));
        String html = post("/t/tenant-a/requests/new", form, edited, null)
                .then()
                .statusCode(409)
                .body(containsString("別の内容で一度送信されています"))
                .body(containsString("value=\"reused@example.jp\""))
                .extract()
                .asString();
        assertFalse(html.contains("value=\"" + formId.group(1) + "\""), "a new form id");
    }

    @Test
    void shouldSendOnlyThePartsTheChosenTypeTakesAndTheLanguageOfThePage() throws Exception {
        int before = ServiceStubs.FILINGS.size();
        Form form = open("/t/tenant-a/requests/new", "en");
        Map<String, String> f = new LinkedHashMap<>();
        f.put("type", "CORRECTION");
        f.put("requester.relation", "SELF");
        f.put("requester.name", "Hanako Yamada");
        f.put("requester.contact.email", "hanako@example.jp");
        f.put("person.phone", "03-1234-5678");
        f.put("correction.kind", "CORRECTION");
        f.put("correction.dataItem", "postal address");
        f.put("correction.claimedUntrue", "住所が転居前のまま\r\n2行目");
        f.put("correction.requestedContent", "港".repeat(4000)); // as long as request-service takes
        f.put("deliveryMethod", "PAPER"); // chosen before changing one's mind: not for a correction
        f.put("ground", "ART_35_1");
        f.put("agent.evidenceDescription", "not an agent");
        f.put("formConsent", "true");
        post("/t/tenant-a/requests/new", form, f, "en").then().statusCode(303);
        JsonNode sent = JSON.readTree(ServiceStubs.FILINGS.get(before));
        JsonNode expected = JSON.readTree("""
                {"type": "CORRECTION",
                 "requester": {"name": "Hanako Yamada", "relation": "SELF",
                               "contact": {"email": "hanako@example.jp"}},
                 "person": {"name": "Hanako Yamada", "phone": "03-1234-5678"},
                 "correction": {"kind": "CORRECTION", "dataItem": "postal address",
                                "claimedUntrue": "住所が転居前のまま\\r\\n2行目",
                                "requestedContent": "%s"},
                 "formConsent": true,
                 "language": "en"}""".formatted("港".repeat(4000)));
        assertEquals(expected, sent);
    }

    @Test
    void shouldShowTheServicesFieldErrorNextToItsFieldAndKeepWhatWasTyped() {
        Form form = open("/t/tenant-a/requests/new", null);
        Map<String, String> f = agentDisclosure("fielderror@example.jp");
        f.put("person.phone", "abc");
        String html = post("/t/tenant-a/requests/new", form, f, null)
                .then()
                .statusCode(400)
                .extract()
                .asString();
        assertTrue(html.contains("<p class=\"field-error\" id=\"person-phone-error\">電話番号は数字"), html);
        assertTrue(html.contains("aria-describedby=\"person-phone-error\" aria-invalid=\"true\""), html);
        assertTrue(html.contains("<a href=\"#person-phone\">当社に登録の電話番号: 電話番号は数字"), "summary links to it");
        assertTrue(html.contains("value=\"山田 花子\""), "what was typed stays");
        String en = post("/t/tenant-a/requests/new", open("/t/tenant-a/requests/new", "en"), f, "en")
                .then()
                .statusCode(400)
                .extract()
                .asString();
        assertTrue(en.contains("id=\"person-phone-error\">Please enter a phone number"), en);
    }

    @Test
    void shouldCheckTheFormItselfBeforeSendingAnything() {
        int before = ServiceStubs.FILINGS.size();
        Form form = open("/t/tenant-a/requests/new", null);
        Map<String, String> f = agentDisclosure("agent@example.jp");
        f.remove("formConsent");
        f.remove("person.email");
        f.remove("person.customerNumber");
        f.remove("deliveryMethod");
        f.put("type", "PROVISION_STOP");
        f.put("ground", "ART_35_1"); // Art. 35(1) grounds use stop and erasure, not a provision stop
        String html = post("/t/tenant-a/requests/new", form, f, null)
                .then()
                .statusCode(400)
                .extract()
                .asString();
        assertEquals(before, ServiceStubs.FILINGS.size(), "nothing sent");
        assertTrue(html.contains("id=\"error-summary\""));
        assertTrue(html.contains("id=\"formConsent-error\""));
        assertTrue(html.contains("id=\"person-error\">ご本人を特定するため"));
        assertTrue(html.contains("id=\"ground-error\">この理由は、選んだ請求の種類には当てはまりません"));
        assertTrue(html.contains("<a href=\"#formConsent\">"));
        assertEveryLinkInThePageLeadsToAnElementOfIt(html);
    }

    @Test
    void shouldLinkEveryErrorOfTheSummaryToItsPlaceForAnyFieldTheServiceNames() {
        // Every field and group the form knows, and one it does not, named by request-service at once.
        Form form = open("/t/tenant-a/requests/new", null);
        String html = post("/t/tenant-a/requests/new", form, agentDisclosure("allfields@example.jp"), null)
                .then()
                .statusCode(400)
                .extract()
                .asString();
        assertEveryLinkInThePageLeadsToAnElementOfIt(html);
        List<String> all = new java.util.ArrayList<>(dev.mamori.center.service.FilingForm.FIELDS);
        all.addAll(dev.mamori.center.service.FilingForm.GROUPS);
        for (String field : all) {
            assertTrue(html.contains("id=\"" + field.replace('.', '-') + "-error\""), "an error beside " + field);
        }
        assertTrue(html.contains("<a href=\"#request-form\">入力内容: 入力してください。</a>"), "the unknown one");
    }

    private static void assertEveryLinkInThePageLeadsToAnElementOfIt(String html) {
        Matcher links = Pattern.compile("href=\"#([^\"]+)\"").matcher(html);
        int count = 0;
        while (links.find()) {
            count++;
            assertTrue(html.contains("id=\"" + links.group(1) + "\""), "no element for #" + links.group(1));
        }
        assertTrue(count > 0, "the summary links to the fields");
    }

    @Test
    void shouldRefuseAPostWithoutAValidFormTokenAndSendNothing() {
        int before = ServiceStubs.FILINGS.size();
        Form form = open("/t/tenant-a/requests/new", null);
        Map<String, String> f = agentDisclosure("agent@example.jp");
        // No token at all.
        post("/t/tenant-a/requests/new", null, f, null)
                .then()
                .statusCode(403)
                .body(containsString("有効期限が切れたか、正しく送信されませんでした"))
                .body(containsString("href=\"/t/tenant-a/requests/new\""));
        // A forged token.
        Form forged = new Form(form.token().substring(0, form.token().length() - 4) + "AAAA", form.cookie(), "");
        post("/t/tenant-a/requests/new", forged, f, null).then().statusCode(403);
        // The right token without the cookie it is bound to (another site cannot make the browser send it).
        post("/t/tenant-a/requests/new", new Form(form.token(), "AAAAAAAAAAAAAAAAAAAAAA", ""), f, null)
                .then()
                .statusCode(403);
        // Another company's or another form's token.
        Form other = open("/t/tenant-a/requests/status", null);
        post("/t/tenant-a/requests/new", other, f, null).then().statusCode(403);
        // An expired token: its expiry is signed, so it cannot be moved forward.
        String expired = "1." + form.token().substring(form.token().indexOf('.') + 1);
        post("/t/tenant-a/requests/new", new Form(expired, form.cookie(), ""), f, "en")
                .then()
                .statusCode(403)
                .body(containsString("This form has expired or was not sent correctly"));
        assertEquals(before, ServiceStubs.FILINGS.size(), "nothing sent");
    }

    @Test
    void shouldAskToTryLaterNotShowAStackTraceWhenRequestServiceFails() {
        Form form = open("/t/tenant-a/requests/new", null);
        post("/t/tenant-a/requests/new", form, agentDisclosure("down@example.jp"), null)
                .then()
                .statusCode(503)
                .body(containsString("しばらくしてからもう一度送信してください"))
                .body(containsString("value=\"山田 花子\""))
                .body(not(containsString("Exception")))
                .body(not(containsString("dev.mamori")));
    }

    @Test
    void shouldStopFilingsOverTheLimitOfOneEmailAddressWith429() {
        int before = ServiceStubs.FILINGS.size();
        Form form = open("/t/tenant-a/requests/new", null);
        for (int i = 0; i < 5; i++) {
            post("/t/tenant-a/requests/new", form, agentDisclosure("Limit@Example.jp"), null)
                    .then()
                    .statusCode(303);
        }
        post("/t/tenant-a/requests/new", form, agentDisclosure("limit@example.jp"), null)
                .then()
                .statusCode(429)
                .header("Retry-After", not(equalTo(null)))
                .body(containsString("しばらく受け付けを停止しています"));
        post("/t/tenant-a/requests/new", form, agentDisclosure("limit@example.jp"), "en")
                .then()
                .statusCode(429)
                .body(containsString("Please try again later"));
        assertEquals(before + 5, ServiceStubs.FILINGS.size(), "nothing sent over the limit");
    }

    // --- the code ---

    private static final String CONFIRM = "/t/tenant-a/requests/confirm/" + ServiceStubs.FILING_ID;

    @Test
    void shouldReceiveTheRequestWithTheRightCodeAndShowTheReceiptAndWhatHappensNext() {
        Form form = open(CONFIRM + "?until=2026-12-02T08:10:00Z", null);
        assertTrue(form.html().contains("autocomplete=\"one-time-code\""));
        assertTrue(form.html().contains("2026年12月2日 17:10"), "the code's expiry in Japan time");
        String html = post(CONFIRM, form, Map.of("code", "１２３ ４５６"), null)
                .then()
                .statusCode(201)
                .extract()
                .asString();
        assertTrue(html.contains("<dd id=\"receipt-number\" class=\"big\">R-AB12-CD34</dd>"), html);
        assertTrue(html.contains("遅滞なく"));
        assertTrue(html.contains("2026年12月16日"), "the due date the service gave");
        assertTrue(html.contains("ご本人確認をお待ちしています"));
        assertTrue(html.contains("href=\"/t/tenant-a/requests/status\""));
        assertTrue(
                ServiceStubs.CODES.contains(ServiceStubs.FILING_ID + " {\"code\":\"123456\"}"),
                ServiceStubs.CODES::toString);
        // Sent with a key of the filing and the code: reloading the receipt re-posts and gets the same receipt.
        assertEquals(
                "center-confirm-" + ServiceStubs.FILING_ID + "-123456",
                ServiceStubs.IDEMPOTENCY_KEYS.get(ServiceStubs.IDEMPOTENCY_KEYS.size() - 1));
    }

    @Test
    void shouldSayHowManyTriesAreLeftAfterAWrongCode() {
        Form form = open(CONFIRM, null);
        post(CONFIRM, form, Map.of("code", "000000"), null)
                .then()
                .statusCode(422)
                .body(containsString("確認コードが違います。あと3回入力できます。"))
                .body(containsString("name=\"code\""));
        post(CONFIRM, open(CONFIRM, "en"), Map.of("code", "000000"), "en")
                .then()
                .statusCode(422)
                .body(containsString("You may try 3 more times."));
    }

    @Test
    void shouldOfferAFreshCodeWhenTheCodeExpiredOrItsTriesAreUsedUp() {
        Form form = open(CONFIRM, null);
        post(CONFIRM, form, Map.of("code", "111111"), null)
                .then()
                .statusCode(410)
                .body(containsString("有効期限が切れました"))
                .body(containsString("action=\"" + CONFIRM + "/code\""))
                .body(not(containsString("name=\"code\"")));
        post(CONFIRM, form, Map.of("code", "222222"), null)
                .then()
                .statusCode(429)
                .body(containsString("入力回数の上限に達しました"))
                .body(containsString("action=\"" + CONFIRM + "/code\""));
        // The fresh-code form has its own token.
        Matcher m = Pattern.compile("action=\"" + Pattern.quote(CONFIRM + "/code") + "\" id=\"fresh-form\">\\s*"
                        + "<input type=\"hidden\" name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(form.html());
        assertTrue(m.find(), form.html());
        post(CONFIRM + "/code", new Form(m.group(1), form.cookie(), ""), Map.of(), null)
                .then()
                .statusCode(303)
                .header("Location", containsString(CONFIRM + "?sent=1&until=2026-12-02T08%3A20Z"));
        assertTrue(ServiceStubs.CODES.contains(ServiceStubs.FILING_ID + " fresh"));
        // The code form's token does not send a fresh code.
        post(CONFIRM + "/code", form, Map.of(), null).then().statusCode(403);
        given().get(CONFIRM + "?sent=1").then().statusCode(200).body(containsString("新しい確認コードをお送りしました"));
    }

    @Test
    void shouldSayPlainlyWhenTheFilingIsNotThereOrTheCodeIsMalformed() {
        String gone = "/t/tenant-a/requests/confirm/" + ServiceStubs.GONE_FILING_ID;
        post(gone, open(gone, null), Map.of("code", "123456"), null)
                .then()
                .statusCode(404)
                .body(containsString("この請求は見つかりません"));
        int codes = ServiceStubs.CODES.size();
        post(CONFIRM, open(CONFIRM, null), Map.of("code", "12ab"), null)
                .then()
                .statusCode(400)
                .body(containsString("6桁の数字でご入力ください"));
        assertEquals(codes, ServiceStubs.CODES.size(), "a malformed code is not sent");
        given().get("/t/tenant-a/requests/confirm/not-a-filing").then().statusCode(404);
    }

    // --- the status ---

    @Test
    void shouldShowTheStatusForTheRightPair() {
        Form form = open("/t/tenant-a/requests/status", null);
        post(
                        "/t/tenant-a/requests/status",
                        form,
                        Map.of("receiptNumber", "r-ab12-cd34", "email", "agent@example.jp"),
                        null)
                .then()
                .statusCode(200)
                .body(containsString("<dd id=\"result-type\">開示</dd>"))
                .body(containsString("<dd id=\"result-status\">内容を確認しています</dd>"))
                .body(containsString("2026年12月16日"));
    }

    @Test
    void shouldAnswerTheSameForAnUnknownReceiptAndAWrongPair() {
        Form form = open("/t/tenant-a/requests/status", null);
        Response unknown = post(
                "/t/tenant-a/requests/status",
                form,
                Map.of("receiptNumber", "R-ZZZZ-ZZZZ", "email", "agent@example.jp"),
                null);
        Response wrongPair = post(
                "/t/tenant-a/requests/status",
                form,
                Map.of("receiptNumber", "R-AB12-CD34", "email", "other@example.jp"),
                null);
        assertEquals(404, unknown.statusCode());
        assertEquals(404, wrongPair.statusCode());
        String message = "入力された受付番号とメールアドレスに当てはまる請求は見つかりませんでした";
        assertTrue(unknown.asString().contains(message));
        assertEquals(problemOf(unknown.asString()), problemOf(wrongPair.asString()));
    }

    private static String problemOf(String html) {
        Matcher m = Pattern.compile("<div class=\"problem\"[^>]*>(.*?)</div>", Pattern.DOTALL)
                .matcher(html);
        assertTrue(m.find(), html);
        return m.group(1);
    }

    // --- every page ---

    @Test
    void shouldRunNoScriptAndSendTheStrictPolicyOnEveryPage() {
        for (String path : List.of(
                "/t/tenant-a/requests/new", "/t/tenant-a/requests/status", CONFIRM, "/t/tenant-unset/requests/new")) {
            given().get(path)
                    .then()
                    .header("Content-Security-Policy", equalTo(CSP))
                    .body(not(containsString("<script")))
                    .body(not(containsString("<style")))
                    .body(not(containsString(" style=")));
        }
        Form form = open(CONFIRM, null);
        post(CONFIRM, form, Map.of("code", "123456"), null)
                .then()
                .header("Content-Security-Policy", equalTo(CSP))
                .body(not(containsString("<script")));
        post("/t/tenant-a/requests/new", null, Map.of(), null)
                .then()
                .header("Content-Security-Policy", equalTo(CSP))
                .body(not(containsString("<script")));
    }

    @Test
    void shouldHaveNoFormForACompanyWithoutAPublicNotice() {
        given().get("/t/tenant-unset/requests/new").then().statusCode(404);
        given().get("/t/tenant-unset/requests/status").then().statusCode(404);
        // An id that cannot be a tenant's is not a page, posted to or not.
        post("/t/Not_A_Tenant/requests/new", null, Map.of(), null).then().statusCode(404);
        post("/t/Not_A_Tenant/requests/status", null, Map.of(), null).then().statusCode(404);
        post("/t/Not_A_Tenant/requests/confirm/" + ServiceStubs.FILING_ID, null, Map.of(), null)
                .then()
                .statusCode(404);
    }
}
