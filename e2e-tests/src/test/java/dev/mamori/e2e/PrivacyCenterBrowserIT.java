package dev.mamori.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.launcher.Part;
import io.restassured.path.json.JsonPath;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A person's way in, end to end in a real browser against the real suite: an appointed agent files a disclosure
 * request on tenant-a's privacy center, reads the one-time code from the mail the suite really sent (GreenMail, read
 * over IMAP as a mail client would), confirms and gets a receipt number; an operator links the request to the person
 * in the console and verifies identity; the privacy officer approves; the agent sees the new status on the status page.
 */
@ExtendWith(SuiteExtension.class)
class PrivacyCenterBrowserIT {

    private static final Pattern CODE = Pattern.compile("(?<![0-9])([0-9]{6})(?![0-9])");

    private static String center() {
        return SuiteExtension.url(Part.PRIVACY_CENTER).toString();
    }

    private static String console() {
        return SuiteExtension.url(Part.CONSOLE).toString();
    }

    @Test
    void anAgentFilesOnlineAnOperatorLinksThePersonAndTheOfficerApproves() throws Exception {
        String agentMail = "agent-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
        String subject = "cust-web-" + UUID.randomUUID().toString().substring(0, 8);
        String receipt;
        try (ConsoleBrowser b = ConsoleBrowser.open()) {
            b.driver.get(center() + "/t/tenant-a/");
            assertTrue(b.driver.getPageSource().contains("利用目的"), "the public page shows the purposes of use");
            b.driver.get(center() + "/t/tenant-a/requests/new");
            b.driver.findElement(By.id("type-DISCLOSURE")).click();
            b.driver.findElement(By.id("requester-relation-APPOINTED_AGENT")).click();
            b.driver.findElement(By.id("agent-evidenceDescription")).sendKeys("委任状（本人の実印押印）");
            b.driver.findElement(By.id("requester-name")).sendKeys("代理 一郎");
            b.driver.findElement(By.id("requester-contact-email")).sendKeys(agentMail);
            b.driver.findElement(By.id("person-name")).sendKeys("山田 花子");
            b.driver.findElement(By.id("person-customerNumber")).sendKeys("C-20261202");
            b.driver.findElement(By.id("deliveryMethod-ELECTRONIC")).click();
            b.driver.findElement(By.id("formConsent")).click();
            b.screenshot("privacy-center-request-form");
            b.driver.findElement(By.id("submit")).click();

            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("code")));
            String code = awaitMail(agentMail, CODE, Duration.ofSeconds(60));
            // A wrong code first: the page says so and counts the tries down, nothing is filed.
            b.driver.findElement(By.id("code")).sendKeys(code.equals("000000") ? "111111" : "000000");
            b.driver.findElement(By.id("confirm")).click();
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("problem")));
            assertTrue(b.text("problem").contains("4"), b.text("problem"));
            b.driver.findElement(By.id("code")).clear();
            b.driver.findElement(By.id("code")).sendKeys(code);
            b.driver.findElement(By.id("confirm")).click();
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("receipt-number")));
            receipt = b.text("receipt-number");
            assertTrue(receipt.matches("R-[A-Z0-9]{4}-[A-Z0-9]{4}"), receipt);
            b.screenshot("privacy-center-receipt");
        }
        String receiptMail =
                awaitMail(agentMail, Pattern.compile("(" + Pattern.quote(receipt) + ")"), Duration.ofSeconds(60));
        assertEquals(receipt, receiptMail, "the receipt mail names the receipt number");

        String id = requestIdOf(receipt);
        try (ConsoleBrowser b = ConsoleBrowser.open()) {
            b.signIn(console(), "operator.a");
            b.driver.get(console() + "/requests/" + id);
            assertEquals(receipt, b.text("receipt"));
            assertTrue(b.text("identifiers").contains("山田 花子"), b.text("identifiers"));
            assertTrue(b.text("identifiers").contains("C-20261202"), b.text("identifiers"));
            b.driver.findElement(By.id("link-subjectRef")).sendKeys(subject);
            b.screenshot("console-link-person");
            b.driver.findElement(By.id("link")).click();
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
            assertEquals(subject, b.text("subject"));
            assertFalse(b.present(By.id("link-form")), "a linked request offers no second link");
            assertTrue(b.driver.getPageSource().contains("本人と連携"), "the link is on the timeline");

            // An agent's request: the agent's own identity document is what must be seen (Art. 37(3)).
            new Select(b.driver.findElement(By.id("agentDocumentType"))).selectByValue("DRIVERS_LICENSE");
            b.driver.findElement(By.id("verify")).click();
            b.wait.until(ExpectedConditions.textToBe(By.id("status"), "判断待ち"));
        }
        try (ConsoleBrowser b = ConsoleBrowser.open()) {
            b.signIn(console(), "officer.a");
            b.driver.get(console() + "/requests/" + id);
            new Select(b.driver.findElement(By.id("outcome"))).selectByValue("APPROVED");
            b.driver.findElement(By.id("decide")).click();
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
            assertNotEquals("判断待ち", b.text("status"));
            assertTrue(b.text("decision").startsWith("承認"), b.text("decision"));
        }
        try (ConsoleBrowser b = ConsoleBrowser.open()) {
            b.driver.get(center() + "/t/tenant-a/requests/status");
            b.driver.findElement(By.id("receiptNumber")).sendKeys(receipt);
            b.driver.findElement(By.id("email")).sendKeys(agentMail);
            b.driver.findElement(By.id("look-up")).click();
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("result-status")));
            assertEquals(receipt, b.text("result-number"));
            assertFalse(b.text("result-status").isBlank());
            assertFalse(b.driver.getPageSource().contains("山田 花子"), "the status page shows no personal data");

            // Another address with the same receipt number learns nothing.
            b.driver.get(center() + "/t/tenant-a/requests/status");
            b.driver.findElement(By.id("receiptNumber")).sendKeys(receipt);
            b.driver.findElement(By.id("email")).sendKeys("someone-else@example.jp");
            b.driver.findElement(By.id("look-up")).click();
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("problem")));
            assertFalse(b.present(By.id("result-status")));
        }
    }

    /** The request's id, found by its receipt number among tenant-a's requests as the client's officer sees them. */
    private static String requestIdOf(String receipt) {
        for (int offset = 0; ; offset += 500) {
            JsonPath page = given().baseUri(SuiteExtension.url(Part.REQUEST).toString())
                    .auth()
                    .oauth2(SuiteExtension.token("tenant-a-privacy-officer"))
                    .queryParam("status", "IDENTITY_UNVERIFIED")
                    .queryParam("limit", 500)
                    .queryParam("offset", offset)
                    .get("/v1/requests")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<String> ids = page.getList("items.findAll { it.receiptNumber == '" + receipt + "' }.id");
            if (!ids.isEmpty()) {
                return ids.get(0);
            }
            if (page.getString("next") == null) {
                throw new AssertionError("no request with receipt " + receipt);
            }
        }
    }

    /** Waits for a mail to {@code address} whose text matches {@code pattern}; answers the pattern's first group. */
    private static String awaitMail(String address, Pattern pattern, Duration timeout) throws Exception {
        Instant until = Instant.now().plus(timeout);
        Properties props = new Properties();
        Session session = Session.getInstance(props);
        while (true) {
            try (Store store = session.getStore("imap")) {
                store.connect("127.0.0.1", SuiteExtension.suite().mailImapPort(), address, address);
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                Message[] messages = inbox.getMessages();
                for (int i = messages.length - 1; i >= 0; i--) {
                    Matcher m = pattern.matcher(text(messages[i]));
                    if (m.find()) {
                        return m.group(1);
                    }
                }
                inbox.close(false);
            } catch (jakarta.mail.AuthenticationFailedException e) {
                // No mail for the address yet: GreenMail creates the mailbox when the first mail arrives.
            }
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("no mail to " + address + " matching " + pattern + " within " + timeout);
            }
            Thread.sleep(500);
        }
    }

    private static String text(Message message) throws Exception {
        Object content = message.getContent();
        if (content instanceof MimeMultipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(multipart.getBodyPart(i).getContent()).append('\n');
            }
            return message.getSubject() + "\n" + all;
        }
        return message.getSubject() + "\n" + content;
    }
}
