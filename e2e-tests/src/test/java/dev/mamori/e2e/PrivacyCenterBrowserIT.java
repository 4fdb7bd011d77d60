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
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A person's way in, end to end in a real browser against the real suite: an appointed agent files a disclosure
 * request on tenant-a's privacy center, reads the one-time code from the mail the suite really sent (GreenMail, read
 * over IMAP as a mail client would), confirms, gets a receipt number and uploads an identity document (a fake one is
 * refused by its content); an operator sees the copy, links the request to the person in the console and verifies
 * identity; the privacy officer approves; the disclosure completes and the agent is mailed a link, opens it, enters a
 * fresh code and downloads the package; the status page shows the request. A refused request's mail carries the
 * statutory ground and the officer's reason in Japanese.
 */
@ExtendWith(SuiteExtension.class)
class PrivacyCenterBrowserIT {

    private static final Pattern CODE = Pattern.compile("(?<![0-9])([0-9]{6})(?![0-9])");
    /** The fresh code of an electronic delivery, not the filing's. */
    private static final Pattern DELIVERY_CODE =
            Pattern.compile("ダウンロードするための確認コード[\\s\\S]*?(?<![0-9])([0-9]{6})(?![0-9])");

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
            receipt = fileAsAgent(b, agentMail, true);

            // The identity document: a page that is not an image, named .png, is refused by its content; a real
            // image is taken, listed by its type and size, and never shown back.
            Path dir = Files.createTempDirectory("mamori-upload-");
            Path fake = dir.resolve("license.png");
            Files.writeString(fake, "<html><script>alert(1)</script></html>");
            upload(b, fake);
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload-file-error")));
            assertFalse(b.present(By.id("uploaded")), "nothing was stored");
            Path image = dir.resolve("license-front.png");
            BufferedImage picture = new BufferedImage(64, 40, BufferedImage.TYPE_INT_RGB);
            picture.setRGB(3, 3, 0x336699);
            ImageIO.write(picture, "png", image.toFile());
            upload(b, image);
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("uploaded")));
            assertTrue(b.text("uploaded").contains("運転免許証"), b.text("uploaded"));
            assertFalse(b.present(By.id("upload-file-error")));
            b.screenshot("privacy-center-upload");
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
            assertTrue(b.text("identity-documents").contains("運転免許証"), "the uploaded copy is listed for staff");
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
        // The disclosure completes (the suite's services answer the fulfilment) and the agent is mailed a link.
        String link = awaitMail(
                agentMail,
                Pattern.compile("(" + Pattern.quote(center()) + "/t/tenant-a/downloads/[A-Za-z0-9_-]+)"),
                Duration.ofSeconds(120));
        try (ConsoleBrowser b = ConsoleBrowser.open()) {
            b.driver.get(link);
            b.driver.findElement(By.id("send-code")).click();
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("code")));
            String fresh = awaitMail(agentMail, DELIVERY_CODE, Duration.ofSeconds(60));
            b.driver.findElement(By.id("code")).sendKeys(fresh);
            b.driver.findElement(By.id("confirm")).click();
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("delivery-ready-title")));
            assertEquals(receipt, b.text("receipt-number"));
            b.screenshot("privacy-center-download");
            b.driver.findElement(By.id("download-json-button")).click();
            String json = Files.readString(b.awaitDownload(receipt + ".json"));
            assertTrue(json.contains(id), "the package is this request's result");
            assertTrue(json.contains("DISCLOSURE"), json);
            b.driver.findElement(By.id("download-csv-button")).click();
            assertFalse(Files.readString(b.awaitDownload(receipt + ".csv")).isBlank());
        }
        // Every download is on the request's timeline (and in the audit log).
        List<String> kinds = given().baseUri(SuiteExtension.url(Part.REQUEST).toString())
                .auth()
                .oauth2(SuiteExtension.token("tenant-a-privacy-officer"))
                .get("/v1/requests/" + id + "/events")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.kind");
        assertTrue(kinds.contains("RESULT_DELIVERY_SENT"), kinds.toString());
        assertEquals(2, kinds.stream().filter("RESULT_DOWNLOADED"::equals).count(), kinds.toString());

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

    @Test
    void aRefusedRequestsNoticeCarriesTheGroundAndTheReasonInJapanese() throws Exception {
        String agentMail = "agent-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
        String receipt;
        try (ConsoleBrowser b = ConsoleBrowser.open()) {
            receipt = fileAsAgent(b, agentMail, false);
        }
        String id = requestIdOf(receipt);
        String reason = "通話録音に第三者である別のお客様の情報が含まれるため";
        given().baseUri(SuiteExtension.url(Part.REQUEST).toString())
                .auth()
                .oauth2(SuiteExtension.token("tenant-a-operator"))
                .contentType("application/json")
                .body(Map.of(
                        "subjectRef", "cust-web-" + UUID.randomUUID().toString().substring(0, 8)))
                .put("/v1/requests/" + id + "/subject")
                .then()
                .statusCode(200);
        given().baseUri(SuiteExtension.url(Part.REQUEST).toString())
                .auth()
                .oauth2(SuiteExtension.token("tenant-a-operator"))
                .contentType("application/json")
                .body(Map.of(
                        "method",
                        "DOCUMENTS",
                        "documents",
                        List.of(Map.of("type", "DRIVERS_LICENSE", "provesIdentityOf", "AGENT"))))
                .post("/v1/requests/" + id + "/identity-verification")
                .then()
                .statusCode(200);
        try (ConsoleBrowser b = ConsoleBrowser.open()) {
            b.signIn(console(), "officer.a");
            b.driver.get(console() + "/requests/" + id);
            new Select(b.driver.findElement(By.id("outcome"))).selectByValue("REFUSED");
            new Select(b.driver.findElement(By.id("refusalGround"))).selectByValue("HARM_TO_PERSON_OR_THIRD_PARTY");
            b.driver.findElement(By.id("reason")).sendKeys(reason);
            b.driver.findElement(By.id("decide")).click();
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
        }
        String notice = awaitMail(
                agentMail,
                Pattern.compile("(" + Pattern.quote(receipt) + "[\\s\\S]*ご請求には応じられません[\\s\\S]*)"),
                Duration.ofSeconds(60));
        assertTrue(notice.contains("本人又は第三者の生命、身体、財産その他の権利利益を害するおそれがある"), notice);
        assertTrue(notice.contains("第33条第2項第1号"), notice);
        assertTrue(notice.contains(reason), notice);
        assertFalse(notice.contains("HARM_TO_PERSON_OR_THIRD_PARTY"), "the ground is in words, not a code");
    }

    /**
     * Files a disclosure as an appointed agent on tenant-a's form, reads the code from the mail and confirms it;
     * answers the receipt number. {@code tryWrongCode}: a wrong code first, which the page counts down.
     */
    private static String fileAsAgent(ConsoleBrowser b, String agentMail, boolean tryWrongCode) throws Exception {
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
        if (tryWrongCode) {
            b.screenshot("privacy-center-request-form");
        }
        b.driver.findElement(By.id("submit")).click();

        b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("code")));
        String code = awaitMail(agentMail, CODE, Duration.ofSeconds(60));
        if (tryWrongCode) {
            // A wrong code first: the page says so and counts the tries down, nothing is filed.
            b.driver.findElement(By.id("code")).sendKeys(code.equals("000000") ? "111111" : "000000");
            b.driver.findElement(By.id("confirm")).click();
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("problem")));
            assertTrue(b.text("problem").contains("4"), b.text("problem"));
            b.driver.findElement(By.id("code")).clear();
        }
        b.driver.findElement(By.id("code")).sendKeys(code);
        b.driver.findElement(By.id("confirm")).click();
        b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("receipt-number")));
        String receipt = b.text("receipt-number");
        assertTrue(receipt.matches("R-[A-Z0-9]{4}-[A-Z0-9]{4}"), receipt);
        if (tryWrongCode) {
            b.screenshot("privacy-center-receipt");
        }
        return receipt;
    }

    /** Sends one identity document (the agent's driving licence, front) from the receipt page's form. */
    private static void upload(ConsoleBrowser b, Path file) {
        b.driver.findElement(By.id("upload-documentType-DRIVERS_LICENSE")).click();
        if (b.present(By.id("upload-side-FRONT"))) {
            b.driver.findElement(By.id("upload-side-FRONT")).click();
        }
        b.driver.findElement(By.id("upload-provesIdentityOf-AGENT")).click();
        b.driver
                .findElement(By.id("upload-file"))
                .sendKeys(file.toAbsolutePath().toString());
        if (!b.driver.findElement(By.id("upload-noMyNumber")).isSelected()) {
            b.driver.findElement(By.id("upload-noMyNumber")).click();
        }
        b.driver.findElement(By.id("upload-submit")).click();
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
