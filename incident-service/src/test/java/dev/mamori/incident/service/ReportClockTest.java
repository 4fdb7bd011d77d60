package dev.mamori.incident.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** PPC Rule 8: report dates in days of Japan time from the day the company knew. */
class ReportClockTest {

    @Test
    void theDayCountsInJapanNotUtc() {
        // 16:30 UTC on 1 April is 01:30 on 2 April in Tokyo: the company knew on 2 April.
        OffsetDateTime knew = OffsetDateTime.parse("2026-04-01T16:30:00Z");
        assertEquals(LocalDate.parse("2026-04-02"), ReportClock.knownOn(knew));
        assertEquals(LocalDate.parse("2026-04-05"), ReportClock.preliminaryDueOn(knew, 3));
        assertEquals(LocalDate.parse("2026-05-02"), ReportClock.finalDueOn(knew, false));
    }

    @Test
    void theFinalReportHasSixtyDaysWhenAnUnlawfulPurposeIsSuspected() {
        OffsetDateTime knew = OffsetDateTime.parse("2026-04-02T10:00:00+09:00");
        assertEquals(LocalDate.parse("2026-06-01"), ReportClock.finalDueOn(knew, true));
    }

    @Test
    void thePreliminaryPeriodIsThreeToFiveDays() {
        OffsetDateTime knew = OffsetDateTime.parse("2026-04-02T10:00:00+09:00");
        assertEquals(LocalDate.parse("2026-04-07"), ReportClock.preliminaryDueOn(knew, 5));
        assertThrows(IllegalArgumentException.class, () -> ReportClock.preliminaryDueOn(knew, 2));
        assertThrows(IllegalArgumentException.class, () -> ReportClock.preliminaryDueOn(knew, 6));
    }

    @Test
    void daysLeftIsZeroOnTheDayAndNegativeAfter() {
        LocalDate due = LocalDate.parse("2026-04-05");
        assertEquals(2, ReportClock.daysLeft(LocalDate.parse("2026-04-03"), due));
        assertEquals(0, ReportClock.daysLeft(due, due));
        assertEquals(-1, ReportClock.daysLeft(LocalDate.parse("2026-04-06"), due));
    }
}
