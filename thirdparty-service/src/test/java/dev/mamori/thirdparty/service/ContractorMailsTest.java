package dev.mamori.thirdparty.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.platform.mail.MailMessage;
import dev.mamori.platform.mail.StaffMail;
import dev.mamori.thirdparty.CertificationScheme;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ContractorMailsTest {

    private static final UUID CONTRACTOR = UUID.fromString("5f0e6c1a-2b7d-4c3e-9f80-1a2b3c4d5e6f");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    private static final String LINK = "https://console.example.jp/third-parties#contractors";

    @Test
    void shouldNameTheCertificationItsExpiryAndDaysLeftJapaneseFirst() {
        StaffMail.Text mail = ContractorMails.certificationExpiring(
                "tenant-a",
                CONTRACTOR,
                CertificationScheme.PRIVACY_MARK,
                "10862135(05)",
                TODAY.plusDays(30),
                TODAY,
                LINK);
        assertTrue(mail.subject().startsWith("【Mamori tenant-a】委託先の認証"), mail.subject());
        assertTrue(mail.subject().endsWith("/ Contractor certification expiring"), mail.subject());
        String text = mail.text();
        assertTrue(text.contains("委託先ID：" + CONTRACTOR), text);
        assertTrue(text.contains("認証：プライバシーマーク"), text);
        assertTrue(text.contains("登録番号：10862135(05)"), text);
        assertTrue(text.contains("有効期限：2026-03-31"), text);
        assertTrue(text.contains("30日後"), text);
        assertTrue(text.contains("第25条"), text);
        assertTrue(text.contains("Certification: PrivacyMark"), text);
        assertTrue(text.contains("expires in 30 day(s)"), text);
        assertTrue(text.contains(LINK), text);
        assertTrue(text.indexOf("委託先ID") < text.indexOf("Contractor id"), "Japanese first");
        new MailMessage("staff@example.jp", mail.subject(), mail.text());
    }

    @Test
    void shouldNameTheAuditDueDate() {
        StaffMail.Text mail = ContractorMails.auditDue("tenant-a", CONTRACTOR, TODAY.plusDays(7), TODAY, LINK);
        assertTrue(mail.subject().contains("監査期限"), mail.subject());
        assertTrue(mail.text().contains("監査期限：2026-03-08"), mail.text());
        assertTrue(mail.text().contains("7日後"), mail.text());
        assertTrue(mail.text().contains("Audit due on: 2026-03-08"), mail.text());
        assertTrue(mail.text().contains("due in 7 day(s)"), mail.text());
    }

    @Test
    void shouldHaveEverySchemeInBothLanguagesAndFillEveryArgument() {
        for (CertificationScheme scheme : CertificationScheme.values()) {
            StaffMail.Text mail =
                    ContractorMails.certificationExpiring("t", CONTRACTOR, scheme, "N-1", TODAY, TODAY, LINK);
            assertFalse(mail.text().contains("scheme."), mail.text());
            assertFalse(mail.text().matches("(?s).*\\{\\d}.*"), mail.text());
        }
        assertFalse(ContractorMails.auditDue("t", CONTRACTOR, TODAY, TODAY, LINK)
                .text()
                .matches("(?s).*\\{\\d}.*"));
    }
}
