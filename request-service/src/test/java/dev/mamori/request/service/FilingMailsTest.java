package dev.mamori.request.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.request.RequestType;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FilingMailsTest {

    @Test
    void shouldMailTheCodeInTheFilersLanguageNamingTheCompanyAndTheTenMinutes() {
        FilingMails.Composed ja = FilingMails.code("ja", "tenant-a", "agent@example.jp", "042137");
        assertEquals("agent@example.jp", ja.to());
        assertTrue(ja.subject().startsWith("tenant-a"), ja.subject());
        assertTrue(ja.text().contains("確認コード：042137"), ja.text());
        assertTrue(ja.text().contains("10分間有効"), ja.text());

        FilingMails.Composed en = FilingMails.code("en", "tenant-a", "agent@example.jp", "042137");
        assertTrue(en.subject().startsWith("tenant-a:"), en.subject());
        assertTrue(en.text().contains("Code: 042137"), en.text());
        assertTrue(en.text().contains("expires in 10 minutes"), en.text());
        assertFalse(en.text().contains("agent@example.jp"), "the address is not repeated in the body");
    }

    @Test
    void shouldMailTheReceiptWithNumberTypeAndDueDateOnly() {
        FilingMails.Composed ja = FilingMails.receipt(
                "ja", "tenant-a", "agent@example.jp", "R-7KQ4-M2XD", RequestType.DISCLOSURE, LocalDate.of(2026, 4, 15));
        assertTrue(ja.subject().contains("R-7KQ4-M2XD"), ja.subject());
        assertTrue(ja.text().contains("保有個人データの開示"), ja.text());
        assertTrue(ja.text().contains("2026-04-15"), ja.text());

        FilingMails.Composed en = FilingMails.receipt(
                "en", "tenant-a", "agent@example.jp", "R-7KQ4-M2XD", RequestType.ERASURE, LocalDate.of(2026, 4, 15));
        assertTrue(en.text().contains("Receipt number: R-7KQ4-M2XD"), en.text());
        assertTrue(en.text().contains("Kind of request: Erasure"), en.text());
        assertTrue(en.text().contains("Expected answer by: 2026-04-15"), en.text());
    }

    @Test
    void shouldHaveATypeLabelForEveryRequestTypeInBothLanguages() {
        for (RequestType type : RequestType.values()) {
            for (String language : new String[] {"ja", "en"}) {
                String text = FilingMails.receipt(language, "c", "a@example.jp", "R-2222-2222", type, LocalDate.now())
                        .text();
                assertFalse(text.contains("type."), text);
            }
        }
    }
}
