package dev.mamori.retention.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mamori.platform.time.JapanTime;
import dev.mamori.retention.Holding;
import dev.mamori.retention.RetentionBasis;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** The retention arithmetic on its own, without a server: the convention documented on {@link RetentionPolicy}. */
class RetentionPolicyTest {

    private final RetentionPolicy japan = RetentionPolicy.inZone(JapanTime.ZONE);

    @Test
    void shouldBeDueAtTheSameTimeOfDay92CalendarDaysAfterCollection() {
        OffsetDateTime deleteAfter =
                japan.deleteAfter(OffsetDateTime.parse("2026-01-01T00:00:00+09:00"), RetentionBasis.COLLECTION, 92);
        assertEquals(OffsetDateTime.parse("2026-04-03T00:00:00+09:00").toInstant(), deleteAfter.toInstant());
        assertEquals(LocalDate.parse("2026-04-03"), japan.deleteOn(deleteAfter));
    }

    @Test
    void shouldCountDaysInJapanWhateverOffsetTheClientSent() {
        OffsetDateTime utc =
                japan.deleteAfter(OffsetDateTime.parse("2025-12-31T15:00:00Z"), RetentionBasis.COLLECTION, 92);
        assertEquals(LocalDate.parse("2026-04-03"), japan.deleteOn(utc));
        OffsetDateTime newYork =
                japan.deleteAfter(OffsetDateTime.parse("2025-12-31T10:30:00-05:00"), RetentionBasis.COLLECTION, 92);
        assertEquals(OffsetDateTime.parse("2026-04-03T00:30:00+09:00").toInstant(), newYork.toInstant());
    }

    @Test
    void shouldCountTheLeapDay() {
        OffsetDateTime deleteAfter =
                japan.deleteAfter(OffsetDateTime.parse("2028-01-01T10:00:00+09:00"), RetentionBasis.COLLECTION, 92);
        assertEquals(LocalDate.parse("2028-04-02"), japan.deleteOn(deleteAfter));
    }

    @Test
    void shouldLeaveContractEndHoldingsWithoutADate() {
        assertNull(
                japan.deleteAfter(OffsetDateTime.parse("2026-01-01T00:00:00+09:00"), RetentionBasis.CONTRACT_END, 30));
        assertNull(japan.deleteOn(null));
    }

    @Test
    void shouldDefaultTo92DaysFromCollectionAndToTheContractEndItself() {
        assertEquals(92, RetentionPolicy.defaultDays(RetentionBasis.COLLECTION));
        assertEquals(0, RetentionPolicy.defaultDays(RetentionBasis.CONTRACT_END));
    }

    @Test
    void shouldExplainTheDateInWordsAPrivacyOfficerCanRepeat() {
        Holding h = new Holding();
        h.categoryCode = "call-recording";
        h.collectedAt = OffsetDateTime.parse("2025-11-22T13:00:00+09:00");
        h.retentionBasis = RetentionBasis.COLLECTION;
        h.retentionDays = 92;
        h.deleteAfter = japan.deleteAfter(h.collectedAt, h.retentionBasis, h.retentionDays);
        assertEquals(
                "delete on 2026-02-22 because category call-recording keeps data 92 days from collection "
                        + "(collected on 2025-11-22)",
                japan.explain(h).en());
        assertEquals(
                "データ区分 call-recording は収集日から92日間保管するため、2026-02-22 に削除します（収集日 2025-11-22）",
                japan.explain(h).ja());

        h.retentionBasis = RetentionBasis.CONTRACT_END;
        h.retentionDays = 30;
        h.deleteAfter = null;
        assertEquals(
                "delete 30 days after the client contract ends, because category call-recording is kept until "
                        + "then; the date is set when the contract end is recorded",
                japan.explain(h).en());
    }

    @Test
    void shouldReadOnlyRfc3339WithAnOffset() {
        assertEquals(
                OffsetDateTime.parse("2026-01-01T10:15:30.123456+09:00"),
                HoldingService.parseCollectedAt("2026-01-01t10:15:30.1234567+09:00"));
        assertThrows(IllegalArgumentException.class, () -> HoldingService.parseCollectedAt("2026-01-01T10:15:30"));
        assertThrows(IllegalArgumentException.class, () -> HoldingService.parseCollectedAt("2026-01-01"));
        assertThrows(IllegalArgumentException.class, () -> HoldingService.parseCollectedAt("1899-12-31T23:59:59Z"));
    }
}
