package dev.mamori.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.launcher.Part;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The console's other areas in a real browser against the real suite: the audit view verifies all four services'
 * chains at once, a person's page shows what the services hold about them and records a use stop, the dashboard
 * counts what needs action. Screenshots of these pages go to docs/screenshots/.
 */
@ExtendWith(SuiteExtension.class)
class ConsolePagesIT {

    /** The suite's console, or one started on its own (mamori.e2e.console, e.g. http://localhost:8091) beside it. */
    private static String console() {
        return System.getProperty(
                "mamori.e2e.console", SuiteExtension.url(Part.CONSOLE).toString());
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static RequestSpecification call(Part service, String clientId) {
        return given().baseUri(SuiteExtension.url(service).toString())
                .auth()
                .oauth2(SuiteExtension.token(clientId))
                .contentType(ContentType.JSON);
    }

    @Test
    void anAuditorVerifiesTheChainsOfAllFourServicesInOneView() throws Exception {
        // Something in request-service's log to list: a request received.
        call(Part.REQUEST, "tenant-a-client-system")
                .body("""
                {"type": "DISCLOSURE", "subjectRef": "%s", "deliveryMethod": "PAPER",
                 "requester": {"name": "山田 太郎", "relation": "SELF",
                   "contact": {"postalAddress": "東京都港区港南2-16-1"}}}""".formatted(unique("cust-audit")))
                .post("/v1/requests")
                .then()
                .statusCode(201);
        try (ConsoleBrowser b = ConsoleBrowser.open()) {
            b.signIn(console(), "auditor.a");
            b.driver.findElement(By.linkText("監査")).click();
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("chains")));
            for (String service :
                    List.of("consent-service", "request-service", "retention-service", "thirdparty-service")) {
                WebElement row = b.driver.findElement(By.id("chain-" + service));
                assertEquals("正常", row.findElement(By.className("chain-state")).getText(), row.getText());
            }
            assertTrue(b.text("chains-summary").contains("4つのサービスすべて"), b.text("chains-summary"));
            b.screenshot("console-audit-chains");

            b.driver.findElement(By.linkText("監査イベント")).click();
            new Select(b.driver.findElement(By.name("service"))).selectByValue("request-service");
            b.driver.findElement(By.cssSelector("form.filters button")).click();
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit-events")));
            assertTrue(b.text("audit-events").contains("REQUEST_RECEIVED"), "request-service's events are listed");

            // Auditors may not record anything about a person: no use-stop form on a person's page.
            b.driver.get(console() + "/people?subjectRef=" + unique("cust"));
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("person-ref")));
            assertFalse(b.present(By.id("use-stop-form")));
        }
    }

    @Test
    void anOfficerOpensAPersonSeesTheirConsentsAndRecordsAUseStop() throws Exception {
        String purpose = unique("support");
        String subject = unique("cust-person");
        call(Part.CONSENT, "tenant-a-privacy-officer")
                .body("""
                {"code": "%s", "titleJa": "お問い合わせ対応", "titleEn": "Handling enquiries",
                 "descriptionJa": "お問い合わせに回答するため、氏名と電話番号を利用します。", "dataItems": ["name", "phone"]}
                """.formatted(purpose))
                .post("/v1/purposes")
                .then()
                .statusCode(201);
        call(Part.CONSENT, "tenant-a-client-system")
                .body("""
                {"subjectRef": "%s", "purpose": "%s", "purposeVersion": 1, "decision": "GIVEN", "method": "WEB_FORM",
                 "evidence": {"channel": "https://example.jp/entry", "noticeVersion": "2026-04", "language": "ja",
                              "capturedAt": "%s"}}""".formatted(subject, purpose, OffsetDateTime.now().minusMinutes(1)))
                .post("/v1/consents")
                .then()
                .statusCode(201);

        try (ConsoleBrowser b = ConsoleBrowser.open()) {
            b.signIn(console(), "officer.a");
            b.driver.findElement(By.linkText("本人")).click();
            b.driver.findElement(By.id("subjectRef")).sendKeys(subject);
            b.driver.findElement(By.id("open-person")).click();
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("consents")));
            WebElement consent = b.driver.findElement(By.cssSelector("#consents tr[data-purpose='" + purpose + "']"));
            assertEquals(
                    "有効", consent.findElement(By.className("consent-status")).getText());
            WebElement decision = b.driver.findElement(By.cssSelector("#decisions tr[data-purpose='" + purpose + "']"));
            assertTrue(decision.getText().contains("はい"), decision.getText());

            // A use stop needs the request it was decided on: the service names the field, nothing is stopped.
            b.driver
                    .findElement(By.cssSelector("#use-stop-form input[name='purposes'][value='" + purpose + "']"))
                    .click();
            new Select(b.driver.findElement(By.id("ground"))).selectByValue("ART_35_5_NO_LONGER_NEEDED");
            b.driver.findElement(By.id("stop-use")).click();
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("problem")));
            assertTrue(b.present(By.cssSelector("#use-stop-form .field-error")), "the error is beside its field");
            assertFalse(b.present(By.cssSelector("#use-stops .use-stop")), "nothing was stopped");

            b.driver
                    .findElement(By.cssSelector("#use-stop-form input[name='purposes'][value='" + purpose + "']"))
                    .click();
            b.driver.findElement(By.id("requestRef")).sendKeys("req-2026-0042");
            b.driver.findElement(By.id("stop-use")).click();
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
            assertTrue(b.text("use-stops").contains("req-2026-0042"), b.text("use-stops"));
            WebElement stopped = b.driver.findElement(By.cssSelector("#decisions tr[data-purpose='" + purpose + "']"));
            assertTrue(stopped.getText().contains("利用停止中"), "consent-service now answers USE_STOPPED");
            b.screenshot("console-person");
        }
    }

    @Test
    void theDashboardCountsWhatNeedsActionToday() throws Exception {
        String subject = unique("cust-dash");
        String id = call(Part.REQUEST, "tenant-a-client-system")
                .body("""
                {"type": "DISCLOSURE", "subjectRef": "%s", "deliveryMethod": "PAPER",
                 "requester": {"name": "山田 太郎", "relation": "SELF",
                   "contact": {"postalAddress": "東京都港区港南2-16-1"}}}""".formatted(subject))
                .post("/v1/requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        call(Part.REQUEST, "tenant-a-operator")
                .body("{\"method\": \"DOCUMENTS\", \"documents\": [{\"type\": \"DRIVERS_LICENSE\"}]}")
                .post("/v1/requests/" + id + "/identity-verification")
                .then()
                .statusCode(200);
        int pending = call(Part.REQUEST, "tenant-a-privacy-officer")
                .queryParam("status", "PENDING_DECISION")
                .queryParam("limit", 500)
                .get("/v1/requests")
                .then()
                .statusCode(200)
                .extract()
                .path("items.size()");

        try (ConsoleBrowser b = ConsoleBrowser.open()) {
            b.signIn(console(), "officer.a");
            b.driver.findElement(By.linkText("ダッシュボード")).click();
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("today")));
            String figure = b.driver
                    .findElement(By.cssSelector("#pending-decisions .figure"))
                    .getText();
            assertEquals(String.valueOf(pending), figure.replace("+", ""), "the count of requests awaiting decision");
            assertTrue(pending >= 1);
            assertTrue(b.present(By.cssSelector("svg.bars rect")), "the requests chart draws this month's request");
            assertFalse(b.present(By.tagName("script")), "charts are drawn without scripts");
            b.screenshot("console-dashboard");
        }
    }

    @Test
    void theWorklistShowsTheMostUrgentFiftyAPage() throws Exception {
        // Enough open requests in tenant-c for a second page: arrived on different days, so due on different days.
        for (int i = 0; i < 55; i++) {
            call(Part.REQUEST, "tenant-c-operator")
                    .body("""
                    {"type": "DISCLOSURE", "subjectRef": "%s", "deliveryMethod": "PAPER", "channel": "LETTER",
                     "receivedAt": "%s",
                     "requester": {"name": "山田 太郎", "relation": "SELF",
                       "contact": {"postalAddress": "東京都港区港南2-16-1"}}}""".formatted(
                                    unique("cust-page"),
                                    OffsetDateTime.now().minusDays(i % 15).minusMinutes(1)))
                    .post("/v1/requests")
                    .then()
                    .statusCode(201);
        }
        try (ConsoleBrowser b = ConsoleBrowser.open()) {
            b.signIn(console(), "officer.c");
            List<Integer> first = daysLeft(b);
            assertEquals(50, first.size(), "a page holds 50 requests");
            assertEquals(first.stream().sorted().toList(), first, "the most urgent first: " + first);
            assertEquals("1〜50 件目", b.text("worklist-range"));
            b.driver.findElement(By.cssSelector(".pager a[rel=next]")).click();
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("worklist-range"), "51〜"));
            List<Integer> second = daysLeft(b);
            assertFalse(second.isEmpty());
            assertTrue(
                    second.get(0) >= first.get(first.size() - 1),
                    "the second page goes on where the first ended: " + first + " then " + second);
            assertTrue(b.present(By.cssSelector(".pager a[rel=prev]")));
        }
    }

    /** The business days left of the worklist's open rows, top to bottom. */
    private static List<Integer> daysLeft(ConsoleBrowser b) {
        return b.driver.findElements(By.cssSelector("#worklist tbody tr td:first-child")).stream()
                .map(cell -> cell.getText().replaceAll("[^0-9-].*$", "").trim())
                .filter(text -> !text.isEmpty())
                .map(Integer::valueOf)
                .toList();
    }
}
