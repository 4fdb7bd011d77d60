package dev.mamori.request.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.request.DeliveryMethod;
import dev.mamori.request.RefusalGround;
import dev.mamori.request.RequestType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class NoticeMailsTest {

    private static final String REASON = "開示により第三者の権利利益を害するおそれがあるため";

    @Test
    void shouldRefuseInJapaneseWithTheGroundsLegalLabelAndTheOfficersReason() {
        FilingMails.Composed ja = NoticeMails.refusal(
                "ja",
                "株式会社サンプル",
                "taro@example.jp",
                "R-7KQ4-M2XD",
                RequestType.DISCLOSURE,
                RefusalGround.HARM_TO_PERSON_OR_THIRD_PARTY,
                REASON,
                false);
        assertEquals("taro@example.jp", ja.to());
        assertTrue(ja.subject().startsWith("株式会社サンプル："), ja.subject());
        assertTrue(ja.subject().contains("R-7KQ4-M2XD"), ja.subject());
        assertTrue(ja.text().contains("ご請求には応じられません"), ja.text());
        assertTrue(ja.text().contains("理由：" + RefusalGround.HARM_TO_PERSON_OR_THIRD_PARTY.ja()), ja.text());
        assertTrue(ja.text().contains("個人情報保護法第33条第2項第1号"), ja.text());
        assertTrue(ja.text().contains(REASON), ja.text());
        assertTrue(ja.text().contains("保有個人データの開示"), ja.text());
        assertFalse(ja.text().contains("taro@example.jp"), "the address is not repeated in the body");
    }

    @Test
    void shouldRefuseInEnglishWithTheEnglishAndTheJapaneseGroundAndSayWhenOnlyPartIsRefused() {
        FilingMails.Composed en = NoticeMails.refusal(
                "en",
                "Sample K.K.",
                "taro@example.jp",
                "R-7KQ4-M2XD",
                RequestType.ERASURE,
                RefusalGround.GROUND_NOT_ESTABLISHED,
                "  The data is still needed for the contract.  ",
                false);
        assertTrue(en.subject().startsWith("Sample K.K.: notice about your request"), en.subject());
        assertTrue(en.text().contains("Ground: " + RefusalGround.GROUND_NOT_ESTABLISHED.en()), en.text());
        assertTrue(en.text().contains(RefusalGround.GROUND_NOT_ESTABLISHED.ja()), en.text());
        assertTrue(en.text().contains("Reason: The data is still needed for the contract.\n"), en.text());
        assertTrue(en.text().contains("Erasure"), en.text());

        FilingMails.Composed partial = NoticeMails.refusal(
                "ja",
                "株式会社サンプル",
                "taro@example.jp",
                "R-7KQ4-M2XD",
                RequestType.DISCLOSURE,
                RefusalGround.SERIOUS_HINDRANCE_TO_BUSINESS,
                "社内調査中の記録を含むため",
                true);
        assertTrue(partial.text().contains("ご請求の一部には応じられません"), partial.text());
        assertTrue(partial.text().contains(RefusalGround.SERIOUS_HINDRANCE_TO_BUSINESS.ja()), partial.text());
        assertTrue(partial.text().contains("社内調査中の記録を含むため"), partial.text());
    }

    @Test
    void shouldTellTheNewDueDateAndTheReasonOfAnExtension() {
        FilingMails.Composed ja = NoticeMails.extension(
                "ja",
                "株式会社サンプル",
                "taro@example.jp",
                "R-7KQ4-M2XD",
                RequestType.DISCLOSURE,
                LocalDate.of(2026, 12, 24),
                "調査に時間を要するため");
        assertTrue(ja.text().contains("2026-12-24 まで延長"), ja.text());
        assertTrue(ja.text().contains("延長の理由：調査に時間を要するため"), ja.text());
        FilingMails.Composed en = NoticeMails.extension(
                "en",
                "Sample K.K.",
                "taro@example.jp",
                "R-7KQ4-M2XD",
                RequestType.USE_STOP,
                LocalDate.of(2026, 12, 24),
                "it's spread over several systems {0}");
        assertTrue(en.text().contains("extend the date of our answer to 2026-12-24"), en.text());
        assertTrue(en.text().contains("Reason: it's spread over several systems {0}"), en.text());
    }

    @Test
    void shouldSayHowTheResultReachesThePersonWhenItIsNotDeliveredElectronically() {
        FilingMails.Composed paper = NoticeMails.completed(
                "ja", "株式会社サンプル", "taro@example.jp", "R-7KQ4-M2XD", RequestType.DISCLOSURE, DeliveryMethod.PAPER);
        assertTrue(paper.subject().contains("完了"), paper.subject());
        assertTrue(paper.text().contains("郵送"), paper.text());
        FilingMails.Composed erasure =
                NoticeMails.completed("en", "Sample K.K.", "taro@example.jp", "R-7KQ4-M2XD", RequestType.ERASURE, null);
        assertTrue(erasure.text().contains("was completed"), erasure.text());
        assertTrue(erasure.text().contains("separately in writing"), erasure.text());
    }

    @Test
    void shouldMailTheDownloadLinkWithItsEndInJapanTimeAndTheCodeWithItsTenMinutes() {
        OffsetDateTime end = OffsetDateTime.of(2026, 12, 17, 6, 30, 0, 0, ZoneOffset.UTC);
        String link = "https://privacy.example.jp/t/tenant-a/downloads/abc";
        FilingMails.Composed ja = NoticeMails.deliveryLink(
                "ja", "株式会社サンプル", "taro@example.jp", "R-7KQ4-M2XD", RequestType.DISCLOSURE, link, end);
        assertTrue(ja.text().contains(link), ja.text());
        assertTrue(ja.text().contains("2026-12-17 15:30（日本時間） まで有効"), ja.text());
        assertTrue(ja.text().contains("確認コードを改めてお送りします"), ja.text());
        FilingMails.Composed en = NoticeMails.deliveryLink(
                "en", "Sample K.K.", "taro@example.jp", "R-7KQ4-M2XD", RequestType.DISCLOSURE, link, end);
        assertTrue(en.text().contains("valid until 2026-12-17 15:30 JST"), en.text());

        FilingMails.Composed code = NoticeMails.deliveryCode("ja", "株式会社サンプル", "taro@example.jp", "004217");
        assertTrue(code.text().contains("確認コード：004217"), code.text());
        assertTrue(code.text().contains("10分間有効"), code.text());
        FilingMails.Composed codeEn = NoticeMails.deliveryCode("en", "Sample K.K.", "taro@example.jp", "004217");
        assertTrue(codeEn.text().contains("Code: 004217"), codeEn.text());
    }
}
