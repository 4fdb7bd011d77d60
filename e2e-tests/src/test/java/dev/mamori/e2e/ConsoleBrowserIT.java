package dev.mamori.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.launcher.Part;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The staff console in a real browser against the real suite: people sign in at Keycloak (demo realm), and every page
 * is the services' answer to their own token. Screenshots of the main pages go to docs/screenshots/.
 */
@ExtendWith(SuiteExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    private static String console() {
        return SuiteExtension.url(Part.CONSOLE).toString();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A request taken in by the tenant's own system, identity verified by its operator: it waits for a decision. */
    private static String pendingRequest(String tenant, String subject) {
        String id = intake(tenant, subject);
        given().baseUri(SuiteExtension.url(Part.REQUEST).toString())
                .auth()
                .oauth2(SuiteExtension.token(tenant + "-operator"))
                .contentType(ContentType.JSON)
                .body("{\"method\": \"DOCUMENTS\", \"documents\": [{\"type\": \"DRIVERS_LICENSE\"}]}")
                .post("/v1/requests/" + id + "/identity-verification")
                .then()
                .statusCode(200);
        return id;
    }

    private static String intake(String tenant, String subject) {
        return given().baseUri(SuiteExtension.url(Part.REQUEST).toString())
                .auth()
                .oauth2(SuiteExtension.token(tenant + "-client-system"))
                .contentType(ContentType.JSON)
                .body("""
                {"type": "DISCLOSURE", "subjectRef": "%s", "deliveryMethod": "PAPER",
                 "requester": {"name": "山田 太郎", "relation": "SELF",
                   "contact": {"postalAddress": "東京都港区港南2-16-1"}}}""".formatted(subject))
                .post("/v1/requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    @Order(1)
    void anOfficerRefusesAPendingRequestWithAGroundAndReadsTheNotice() throws Exception {
        String subject = unique("cust-refuse");
        pendingRequest("tenant-a", subject);
        try (ConsoleBrowser b = ConsoleBrowser.open()) {
            b.signIn(console(), "officer.a");
            assertTrue(b.text("signed-in-as").startsWith("officer.a"));
            assertEquals("tenant-a", b.text("current-tenant"));

            // The worklist shows the most urgent 50; the officer finds this one by the person's reference.
            b.driver.get(console() + "/requests?status=PENDING_DECISION");
            b.driver.findElement(By.id("subject-filter")).sendKeys(subject);
            b.driver.findElement(By.id("subject-filter")).submit();
            b.wait.until(
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-subject='" + subject + "']")));
            assertEquals(
                    1,
                    b.driver.findElements(By.cssSelector("#worklist tbody tr")).size());
            WebElement row = b.driver.findElement(By.cssSelector("tr[data-subject='" + subject + "']"));
            assertTrue(row.getText().contains("判断待ち"), row.getText());
            b.screenshot("requests-worklist");
            row.findElement(By.linkText(subject)).click();

            // A refusal needs its statutory ground: the service's field error shows beside the field.
            new Select(b.driver.findElement(By.id("outcome"))).selectByValue("REFUSED");
            b.driver.findElement(By.id("reason")).sendKeys("通話相手である第三者の権利利益を害するおそれがあるため");
            b.driver.findElement(By.id("decide")).click();
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("problem")));
            assertEquals("判断待ち", b.text("status"), "nothing was decided");
            assertTrue(
                    b.present(By.cssSelector("#decide-form .field-error")),
                    "the refusal without a ground shows an error in the decision form");

            new Select(b.driver.findElement(By.id("refusalGround"))).selectByValue("HARM_TO_PERSON_OR_THIRD_PARTY");
            b.screenshot("request-decide");
            b.driver.findElement(By.id("decide")).click();
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
            assertEquals("不開示等", b.text("status"));
            assertTrue(b.text("decision").contains("第33条第2項第1号"), b.text("decision"));
            assertTrue(b.text("timeline").contains("拒否"), b.text("timeline"));
            b.screenshot("request-detail");

            b.driver.findElement(By.id("notice-link")).click();
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
            assertTrue(b.text("notice").contains("第33条第2項第1号"), b.text("notice"));
            b.screenshot("request-notice");
        }
    }

    @Test
    void anOperatorTakesAPhoneRequestAndCannotDecideIt() throws Exception {
        String subject = unique("cust-phone");
        try (ConsoleBrowser b = ConsoleBrowser.open()) {
            b.signIn(console(), "operator.a");
            b.driver.findElement(By.linkText("請求の受付")).click();
            new Select(b.driver.findElement(By.id("type"))).selectByValue("DISCLOSURE");
            b.driver.findElement(By.id("subjectRef")).sendKeys(subject);
            new Select(b.driver.findElement(By.id("channel"))).selectByValue("PHONE");
            b.driver.findElement(By.id("name")).sendKeys("鈴木 一郎");
            b.driver.findElement(By.id("phone")).sendKeys("090-1234-5678");
            b.screenshot("request-intake");
            // No delivery method for a disclosure: the service names the field.
            b.driver.findElement(By.id("take-in")).click();
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("problem")));
            assertEquals(subject, b.driver.findElement(By.id("subjectRef")).getAttribute("value"), "entries are kept");

            new Select(b.driver.findElement(By.id("deliveryMethod"))).selectByValue("PAPER");
            b.driver.findElement(By.id("postalAddress")).sendKeys("東京都港区港南2-16-1");
            b.driver.findElement(By.id("take-in")).click();
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
            assertEquals("本人確認待ち", b.text("status"));

            b.driver.findElement(By.id("verify")).click();
            b.wait.until(ExpectedConditions.textToBe(By.id("status"), "判断待ち"));
            assertFalse(b.present(By.id("decide")), "an operator sees no decide button");
            assertFalse(b.present(By.id("decide-form")));

            // A decision posted anyway (a forged form with the page's valid token) is refused and changes nothing.
            String url = b.driver.getCurrentUrl().replaceFirst("\\?.*$", "");
            String token = b.driver.findElement(By.name("_csrf")).getAttribute("value");
            post(b, url + "/decide", List.of("_csrf", token, "outcome", "APPROVED"));
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("refusal")));
            assertTrue(b.text("refusal").contains("権限がありません"), b.text("refusal"));

            // A form with a forged token is refused too, in the person's language, with nothing done.
            b.driver.get(url);
            post(b, url + "/pause", List.of("_csrf", "forged", "reason", "test"));
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("refusal")));
            assertTrue(b.text("refusal").contains("変更は行われていません"), b.text("refusal"));

            b.driver.get(url);
            assertEquals("判断待ち", b.text("status"), "neither post changed the request");
        }
        // The service itself refuses an operator's decision as well (the console's check is not the only one).
        given().baseUri(SuiteExtension.url(Part.REQUEST).toString())
                .auth()
                .oauth2(SuiteExtension.token("tenant-a-operator"))
                .contentType(ContentType.JSON)
                .body("{\"outcome\": \"APPROVED\"}")
                .post("/v1/requests/" + UUID.randomUUID() + "/decision")
                .then()
                .statusCode(403);
    }

    @Test
    void theBpoOperatorSwitchesFromTenantAToTenantB() throws Exception {
        String a = unique("cust-bpo-a");
        String bSubject = unique("cust-bpo-b");
        intake("tenant-a", a);
        intake("tenant-b", bSubject);
        try (ConsoleBrowser b = ConsoleBrowser.open()) {
            b.signIn(console(), "operator.bpo");
            assertEquals("tenant-a", b.text("list-tenant"));
            assertFalse(b.present(By.cssSelector("tr[data-subject='" + bSubject + "']")));
            b.driver.get(console() + "/requests?subject=" + a);
            assertTrue(b.present(By.cssSelector("tr[data-subject='" + a + "']")));
            b.driver.get(console() + "/requests?subject=" + bSubject);
            assertFalse(
                    b.present(By.cssSelector("tr[data-subject='" + bSubject + "']")),
                    "tenant-b's request is not shown");

            new Select(b.driver.findElement(By.id("tenant"))).selectByValue("tenant-b");
            b.screenshot("tenant-switch");
            b.driver.findElement(By.id("switch-tenant")).click();
            b.wait.until(ExpectedConditions.textToBe(By.id("list-tenant"), "tenant-b"));
            assertFalse(b.present(By.cssSelector("tr[data-subject='" + a + "']")), "tenant-a's request is not shown");
            b.driver.get(console() + "/requests?subject=" + bSubject);
            assertEquals("tenant-b", b.text("list-tenant"));
            assertTrue(b.present(By.cssSelector("tr[data-subject='" + bSubject + "']")));
            b.driver.get(console() + "/requests?subject=" + a);
            assertFalse(b.present(By.cssSelector("tr[data-subject='" + a + "']")), "tenant-a's request is not shown");
        }
    }

    @Test
    @Order(4)
    void anAuditorReadsWithoutActions() throws Exception {
        String subject = unique("cust-audit");
        pendingRequest("tenant-a", subject);
        try (ConsoleBrowser b = ConsoleBrowser.open()) {
            b.signIn(console(), "auditor.a");
            b.driver.findElement(By.linkText(subject)).click();
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("timeline")));
            assertEquals("判断待ち", b.text("status"));
            assertTrue(b.driver.findElements(By.cssSelector("main form")).isEmpty(), "an auditor has no forms");
            assertFalse(b.present(By.linkText("請求の受付")));

            // Each service checks its own hash-chained audit log for the tenant; the person's decision is on record.
            b.driver.findElement(By.linkText("監査")).click();
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("chains")));
            for (String service :
                    List.of("consent-service", "request-service", "retention-service", "thirdparty-service")) {
                WebElement row = b.driver.findElement(By.id("chain-" + service));
                assertEquals("正常", row.findElement(By.className("chain-state")).getText(), service);
            }
            b.screenshot("audit");
            // The audit names the person who decided in the console (their user name), not a console account.
            assertTrue(auditActors("tenant-a").contains("officer.a"), "request-service's audit names officer.a");

            b.driver.findElement(By.linkText("English")).click();
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("日本語")));
            assertTrue(b.driver.findElement(By.tagName("h1")).getText().contains("Data-subject requests"));
            b.screenshot("requests-worklist-en");
        }
    }

    /** Who acted, as request-service's audit log of the tenant records it (every page of it). */
    private static java.util.Set<String> auditActors(String tenant) {
        java.util.Set<String> actors = new java.util.HashSet<>();
        String after = "0";
        while (after != null) {
            var page = given().baseUri(SuiteExtension.url(Part.REQUEST).toString())
                    .auth()
                    .oauth2(SuiteExtension.token(tenant + "-auditor"))
                    .queryParam("afterSeq", after)
                    .queryParam("limit", 500)
                    .get("/v1/audit-events")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            actors.addAll(page.getList("items.actorSubject", String.class));
            after = page.getString("next");
        }
        return actors;
    }

    /** Posts a form the page did not offer, as a forger would (WebDriver's script is not bound by the page's CSP). */
    private static void post(ConsoleBrowser b, String action, List<String> fields) {
        ((JavascriptExecutor) b.driver)
                .executeScript(
                        "const f = document.createElement('form'); f.method = 'post'; f.action = arguments[0];"
                                + "const v = arguments[1]; for (let i = 0; i < v.length; i += 2) {"
                                + " const e = document.createElement('input'); e.type = 'hidden'; e.name = v[i];"
                                + " e.value = v[i + 1]; f.appendChild(e); }"
                                + "document.body.appendChild(f); f.submit();",
                        action,
                        fields);
    }
}
