package dev.mamori.center;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The link mailed for an electronic delivery: explain, send a code, enter it, download, against
 * request-service's delivery API as ServiceStubs answers it.
 */
@QuarkusTest
class ResultDeliveryTest {

    private static final String LINK = "/t/tenant-a/downloads/" + ServiceStubs.DELIVERY_TOKEN;
    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static RequestFormTest.Form form(Response page, String formId) {
        Matcher m = Pattern.compile(
                        "id=\"" + formId + "\">\\s*<input type=\"hidden\" name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(page.asString());
        assertTrue(m.find(), page.asString());
        String cookie = page.cookie("mamori-form");
        return new RequestFormTest.Form(m.group(1), cookie, page.asString());
    }

    /** The download page, as the browser has it after the right code. */
    private static RequestFormTest.Form ready(String lang) {
        RequestFormTest.Form code = RequestFormTest.open(LINK + "/code", lang);
        Response ready = RequestFormTest.post(LINK + "/code/confirmation", code, Map.of("code", "123456"), lang);
        assertEquals(200, ready.statusCode(), ready.asString());
        Matcher m = TOKEN.matcher(ready.asString());
        assertTrue(m.find());
        return new RequestFormTest.Form(m.group(1), code.cookie(), ready.asString());
    }

    @Test
    void shouldExplainAndSendACodeOnlyWhenAsked() {
        int before = ServiceStubs.DELIVERY_CALLS.size();
        Response start = given().get(LINK);
        assertEquals(200, start.statusCode());
        String html = start.asString();
        assertTrue(html.contains("株式会社エー商事 へのご請求について"), html);
        assertTrue(html.contains("このリンクを知っているだけでは、回答は表示されません"));
        assertTrue(html.contains("action=\"" + LINK + "/code\""));
        assertFalse(html.contains("<script"));
        assertEquals("no-store", start.header("Cache-Control"));
        assertEquals(before, ServiceStubs.DELIVERY_CALLS.size(), "opening the link sends nothing");

        RequestFormTest.post(LINK + "/code", form(start, "send-code-form"), Map.of(), null)
                .then()
                .statusCode(303)
                .header(
                        "Location",
                        containsString(LINK + "/code?sent=1&until=2026-12-02T08%3A10Z&to=a***%40example.jp"));
        assertEquals(
                "code " + ServiceStubs.DELIVERY_TOKEN + " tenant-a Bearer " + ServiceStubs.TOKEN,
                ServiceStubs.DELIVERY_CALLS.get(before));
        given().queryParam("sent", "1")
                .queryParam("until", "2026-12-02T08:10Z")
                .queryParam("to", "a***@example.jp")
                .get(LINK + "/code")
                .then()
                .statusCode(200)
                .body(containsString("確認コードを a***@example.jp にお送りしました"))
                .body(containsString("2026年12月2日 17:10"))
                .body(containsString("autocomplete=\"one-time-code\""));
        given().cookie("mamori-lang", "en")
                .queryParam("sent", "1")
                .queryParam("to", "<b>@x")
                .get(LINK + "/code")
                .then()
                .body(containsString("We have sent a confirmation code. Any previous code"))
                .body(not(containsString("&lt;b&gt;")));
    }

    @Test
    void shouldOfferThreeDownloadsCarryingTheGrantInPostedFormsOnly() {
        RequestFormTest.Form ready = ready(null);
        String html = ready.html();
        assertTrue(html.contains("<dd id=\"receipt-number\">R-AB12-CD34</dd>"), html);
        for (String format : new String[] {"html", "json", "csv"}) {
            assertTrue(
                    html.contains(
                            "<form method=\"post\" action=\"" + LINK + "/package\" id=\"download-" + format + "\">"),
                    format);
            assertTrue(html.contains("name=\"format\" value=\"" + format + "\""), format);
        }
        assertTrue(html.contains("name=\"grant\" value=\"" + ServiceStubs.GRANT + "\""));
        assertFalse(html.contains("?grant") || html.contains("&grant"), "the grant is never in a URL");
        assertTrue(ServiceStubs.DELIVERY_CALLS.stream()
                .anyMatch(c -> c.equals("confirm " + ServiceStubs.DELIVERY_TOKEN + " tenant-a {\"code\":\"123456\"}")));
    }

    @Test
    void shouldStreamTheFileAsAnAttachmentWithNosniffAndNoStore() {
        RequestFormTest.Form ready = ready(null);
        Response file = RequestFormTest.post(
                LINK + "/package", ready, Map.of("format", "csv", "grant", ServiceStubs.GRANT), null);
        assertEquals(200, file.statusCode(), file.asString());
        assertEquals("attachment; filename=\"R-AB12-CD34.csv\"", file.header("Content-Disposition"));
        assertEquals("nosniff", file.header("X-Content-Type-Options"));
        assertEquals("no-store", file.header("Cache-Control"));
        assertTrue(file.contentType().startsWith("text/csv"), file.contentType());
        assertEquals("item,value\nname,山田 花子\n", new String(file.asByteArray(), StandardCharsets.UTF_8));
        assertTrue(ServiceStubs.DELIVERY_CALLS.contains(
                "package " + ServiceStubs.DELIVERY_TOKEN + " csv " + ServiceStubs.GRANT + " tenant-a"));
        // The HTML result is a file, not a page of the site: nothing in it may run.
        Response html = RequestFormTest.post(
                LINK + "/package", ready, Map.of("format", "html", "grant", ServiceStubs.GRANT), null);
        assertEquals("attachment; filename=\"R-AB12-CD34.html\"", html.header("Content-Disposition"));
        assertEquals("sandbox; default-src 'none'", html.header("Content-Security-Policy"));
    }

    @Test
    void shouldAskForAFreshCodeWhenTheGrantIsWrongOrTheFormatUnknown() {
        RequestFormTest.Form ready = ready(null);
        RequestFormTest.post(
                        LINK + "/package",
                        ready,
                        Map.of("format", "csv", "grant", "grant.wrong-wrong-wrong-wrong"),
                        null)
                .then()
                .statusCode(403)
                .body(containsString("ダウンロードできる時間が過ぎました"))
                .body(containsString("action=\"" + LINK + "/code\""));
        int before = ServiceStubs.DELIVERY_CALLS.size();
        RequestFormTest.post(LINK + "/package", ready, Map.of("format", "exe", "grant", ServiceStubs.GRANT), null)
                .then()
                .statusCode(403);
        assertEquals(before, ServiceStubs.DELIVERY_CALLS.size(), "an unknown format is not sent");
        // Without the form token, nothing is downloaded.
        RequestFormTest.post(LINK + "/package", null, Map.of("format", "csv", "grant", ServiceStubs.GRANT), null)
                .then()
                .statusCode(403)
                .header("Content-Disposition", equalTo(null));
        assertEquals(before, ServiceStubs.DELIVERY_CALLS.size());
    }

    @Test
    void shouldSayHowManyTriesAreLeftAfterAWrongCodeAndOfferAFreshOneWhenUsedUp() {
        RequestFormTest.Form code = RequestFormTest.open(LINK + "/code", null);
        RequestFormTest.post(LINK + "/code/confirmation", code, Map.of("code", "000000"), null)
                .then()
                .statusCode(422)
                .body(containsString("確認コードが違います。あと2回入力できます。"))
                .body(containsString("name=\"code\""));
        RequestFormTest.post(
                        LINK + "/code/confirmation",
                        RequestFormTest.open(LINK + "/code", "en"),
                        Map.of("code", "000000"),
                        "en")
                .then()
                .statusCode(422)
                .body(containsString("You may try 2 more times."));
        RequestFormTest.post(LINK + "/code/confirmation", code, Map.of("code", "222222"), null)
                .then()
                .statusCode(429)
                .body(containsString("入力回数の上限に達しました"))
                .body(not(containsString("name=\"code\"")))
                .body(containsString("action=\"" + LINK + "/code\""));
        RequestFormTest.post(LINK + "/code/confirmation", code, Map.of("code", "111111"), null)
                .then()
                .statusCode(410)
                .body(containsString("確認コードの有効期限が切れました"));
        int before = ServiceStubs.DELIVERY_CALLS.size();
        RequestFormTest.post(LINK + "/code/confirmation", code, Map.of("code", "12ab"), null)
                .then()
                .statusCode(400)
                .body(containsString("6桁の数字でご入力ください"));
        assertEquals(before, ServiceStubs.DELIVERY_CALLS.size(), "a malformed code is not sent");
    }

    @Test
    void shouldSayPlainlyWhenTheLinkHasExpiredOrIsUnknownAndRevealNothing() {
        String expired = "/t/tenant-a/downloads/" + ServiceStubs.EXPIRED_TOKEN;
        Response start = given().get(expired);
        assertEquals(200, start.statusCode(), "the first page says nothing of the link");
        RequestFormTest.post(expired + "/code", form(start, "send-code-form"), Map.of(), null)
                .then()
                .statusCode(410)
                .body(containsString("このリンクの有効期限が過ぎました"))
                .body(not(containsString("id=\"send-code\"")));
        String unknown = "/t/tenant-a/downloads/" + ServiceStubs.UNKNOWN_TOKEN;
        Response other = given().get(unknown);
        String unknownPage = RequestFormTest.post(unknown + "/code", form(other, "send-code-form"), Map.of(), null)
                .then()
                .statusCode(404)
                .body(containsString("このリンクは使えません"))
                .extract()
                .asString();
        assertFalse(unknownPage.contains("R-AB12-CD34") || unknownPage.contains("@"), unknownPage);
        // A token that cannot be one, and the code of an expired link: the same words.
        given().get("/t/tenant-a/downloads/short").then().statusCode(404).body(containsString("このリンクは使えません"));
        RequestFormTest.post(
                        expired + "/code/confirmation",
                        RequestFormTest.open(expired + "/code", "en"),
                        Map.of("code", "123456"),
                        "en")
                .then()
                .statusCode(410)
                .body(containsString("This link has expired"));
        // Another company's page for a link: no such page.
        given().get("/t/tenant-unset/downloads/" + ServiceStubs.DELIVERY_TOKEN)
                .then()
                .statusCode(404);
    }

    @Test
    void shouldSwitchLanguageBackToTheLinksPage() {
        given().redirects()
                .follow(false)
                .get("/lang/en?back=" + LINK + "/code")
                .then()
                .statusCode(303)
                .header("Location", containsString(LINK + "/code"));
    }
}
