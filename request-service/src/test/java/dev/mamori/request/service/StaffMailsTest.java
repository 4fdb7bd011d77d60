package dev.mamori.request.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.platform.mail.MailMessage;
import dev.mamori.platform.mail.StaffMail;
import dev.mamori.request.RequestType;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StaffMailsTest {

    private static final UUID ID = UUID.fromString("0b7c2f7e-8d7a-4f57-9a55-3f2d8f0c1e01");
    private static final String LINK = "https://console.example.jp/requests/" + ID;
    private static final StaffMails.About ONLINE =
            new StaffMails.About(ID, "R-7KQ4-M2XD", RequestType.DISCLOSURE, LocalDate.of(2026, 4, 15));
    private static final StaffMails.About BY_PHONE =
            new StaffMails.About(ID, null, RequestType.ERASURE, LocalDate.of(2026, 4, 15));

    @Test
    void shouldNameTheRequestByReceiptIdKindAndDueDateWithTheConsoleLinkJapaneseFirst() {
        StaffMail.Text mail = StaffMails.awaitingDecision("tenant-a", ONLINE, LINK);
        assertTrue(mail.subject().startsWith("【Mamori tenant-a】判断待ち"), mail.subject());
        assertTrue(mail.subject().contains("R-7KQ4-M2XD"), mail.subject());
        assertTrue(mail.subject().endsWith("/ Awaiting decision"), mail.subject());
        String text = mail.text();
        assertTrue(text.contains("受付番号：R-7KQ4-M2XD"), text);
        assertTrue(text.contains("申出ID：" + ID), text);
        assertTrue(text.contains("お申し出の種類：保有個人データの開示"), text);
        assertTrue(text.contains("回答期限：2026-04-15"), text);
        assertTrue(text.contains("Kind of request: Disclosure of retained personal data"), text);
        assertTrue(text.contains("Due date: 2026-04-15"), text);
        assertTrue(text.contains("コンソールで確認してください：" + LINK), text);
        assertTrue(text.contains("Open it in the console: " + LINK), text);
        assertTrue(text.indexOf("判断を待って") < text.indexOf("awaits your decision"), "Japanese first");
        new MailMessage("staff@example.jp", mail.subject(), mail.text());
    }

    @Test
    void shouldNameARequestWithoutReceiptNumberByItsId() {
        StaffMail.Text mail = StaffMails.overdue("tenant-a", BY_PHONE, LINK);
        assertTrue(mail.subject().contains(ID.toString()), mail.subject());
        assertTrue(mail.subject().contains("期限 2026-04-15"), mail.subject());
        assertFalse(mail.text().contains("受付番号"), mail.text());
        assertTrue(mail.text().contains("お申し出の種類：消去"), mail.text());
        assertTrue(mail.text().contains("回答期限を過ぎた"), mail.text());
        assertTrue(mail.text().contains("past its due date"), mail.text());
    }

    @Test
    void shouldSayHowManyBusinessDaysAreLeft() {
        StaffMail.Text mail = StaffMails.nearDue("tenant-a", ONLINE, 3, LINK);
        assertTrue(mail.subject().contains("回答期限が近い"), mail.subject());
        assertTrue(mail.subject().contains("期限 2026-04-15"), mail.subject());
        assertTrue(mail.text().contains("あと3営業日"), mail.text());
        assertTrue(mail.text().contains("due in 3 business day(s)"), mail.text());
        assertTrue(mail.text().contains(LINK), mail.text());
    }

    @Test
    void shouldSayWhenARequestIsDueToday() {
        StaffMail.Text mail = StaffMails.nearDue("tenant-a", ONLINE, 0, LINK);
        assertTrue(mail.subject().contains("回答期限が近い"), mail.subject());
        assertTrue(mail.text().contains("本日が回答期限"), mail.text());
        assertTrue(mail.text().contains("due today"), mail.text());
        assertFalse(mail.text().contains("あと0営業日"), mail.text());
    }

    @Test
    void shouldCountTheDigestWithoutGroupingDigits() {
        StaffMail.Text mail = StaffMails.digest(
                "tenant-a",
                LocalDate.of(2026, 4, 15),
                new StaffMails.Counts(1234, 5, 6, 7, 8),
                "https://console.example.jp/requests");
        assertTrue(mail.subject().contains("2026-04-15"), mail.subject());
        String text = mail.text();
        assertTrue(text.contains("対応中：1234件"), text);
        assertTrue(text.contains("判断待ち：5件"), text);
        assertTrue(text.contains("回答期限間近：6件"), text);
        assertTrue(text.contains("期限超過：7件"), text);
        assertTrue(text.contains("オンライン受付で本人未特定：8件"), text);
        assertTrue(text.contains("Open: 1234"), text);
        assertTrue(text.contains("Filed online, not yet linked to a person: 8"), text);
        assertTrue(text.contains("https://console.example.jp/requests"), text);
    }

    @Test
    void shouldHaveEveryTemplateAndTypeLabelInBothLanguages() {
        for (RequestType type : RequestType.values()) {
            StaffMails.About about = new StaffMails.About(ID, "R-2222-2222", type, LocalDate.of(2026, 1, 5));
            for (StaffMail.Text mail : new StaffMail.Text[] {
                StaffMails.awaitingDecision("t", about, LINK),
                StaffMails.nearDue("t", about, 0, LINK),
                StaffMails.overdue("t", about, LINK)
            }) {
                assertFalse(mail.text().contains("type."), mail.text());
                assertFalse(mail.text().matches("(?s).*\\{\\d}.*"), "every argument filled: " + mail.text());
                assertEquals(1, mail.text().split("-{40}", -1).length - 1, "one rule between ja and en");
            }
        }
    }

    @Test
    void shouldKeepALongSubjectWithinTheMailLimit() {
        String tenant = "t".repeat(300);
        StaffMail.Text mail = StaffMails.overdue(tenant, ONLINE, LINK);
        assertTrue(mail.subject().length() <= MailMessage.MAX_SUBJECT, mail.subject());
        new MailMessage("staff@example.jp", mail.subject(), mail.text());
    }
}
