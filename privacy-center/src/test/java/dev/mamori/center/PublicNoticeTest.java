package dev.mamori.center;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.RedirectConfig;
import org.junit.jupiter.api.Test;

/** What APPI Art. 32(1) and Art. 21 say must be public, on each company's own page, from what the suite holds. */
@QuarkusTest
class PublicNoticeTest {

    @Test
    void shouldPublishTheControllerEveryPurposeInForceTheRequestsTheirFeesAndWhereToComplain() {
        ServiceStubs.CALLS.clear();
        given().get("/t/tenant-a/")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<html lang=\"ja\">"))
                .body(containsString("株式会社エー商事"))
                .body(containsString("東京都千代田区一番町1-1"))
                .body(containsString("代表取締役 山田 太郎"))
                .body(containsString("商品の配送"))
                .body(containsString("ご注文の商品をお届けするために利用します。"))
                .body(containsString("新商品のご案内"))
                .body(containsString("個人データを第三者に提供することがあります"))
                .body(containsString("開示"))
                .body(containsString("第三者提供の停止"))
                .body(containsString("1,000円"))
                .body(containsString("10営業日"))
                .body(containsString("苦情の申出先"))
                .body(containsString("privacy@a.example.jp"));
        // The services were called with the privacy center's own token, for the page's tenant only.
        assertTrue(
                ServiceStubs.CALLS.contains("Bearer " + ServiceStubs.TOKEN + " tenant-a"),
                ServiceStubs.CALLS::toString);
    }

    @Test
    void shouldShowThePageInEnglishWhenTheReaderChoosesIt() {
        given().redirects()
                .follow(false)
                .get("/lang/en?back=/t/tenant-a/")
                .then()
                .statusCode(303)
                .header("Location", containsString("/t/tenant-a/"))
                .cookie("mamori-lang", "en");
        given().cookie("mamori-lang", "en")
                .get("/t/tenant-a/")
                .then()
                .statusCode(200)
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("Delivering goods"))
                .body(containsString("JPY 1,000"))
                .body(containsString("Where to complain"));
    }

    @Test
    void shouldNotRedirectTheLanguageSwitchToAnotherSite() {
        given().config(RestAssured.config()
                        .redirect(RedirectConfig.redirectConfig().followRedirects(false)))
                .get("/lang/en?back=//evil.example/t/x/")
                .then()
                .statusCode(303)
                .header("Location", not(containsString("evil")));
    }

    @Test
    void shouldAnswerAPlain404ForACompanyWithoutAPublishedControllerOrAMalformedId() {
        given().get("/t/tenant-unset/")
                .then()
                .statusCode(404)
                .body(containsString("ページが見つかりません"))
                .body(not(containsString("利用目的")));
        given().get("/t/Robert'); DROP/").then().statusCode(404);
    }

    @Test
    void shouldAnswer503NotAStackTraceWhenAServiceFails() {
        given().get("/t/tenant-down/")
                .then()
                .statusCode(503)
                .body(containsString("しばらくしてから"))
                .body(not(containsString("Exception")));
    }

    @Test
    void shouldForbidScriptsFramingAndThirdPartyResourcesOnEveryPage() {
        given().get("/t/tenant-a/")
                .then()
                .header(
                        "Content-Security-Policy",
                        equalTo("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                                + "frame-ancestors 'none'; base-uri 'none'"))
                .header("X-Frame-Options", "DENY")
                .body(not(containsString("<script")));
    }
}
