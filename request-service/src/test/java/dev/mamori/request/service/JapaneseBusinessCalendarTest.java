package dev.mamori.request.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class JapaneseBusinessCalendarTest {

    private final JapaneseBusinessCalendar calendar = JapaneseBusinessCalendar.INSTANCE;

    private static List<LocalDate> dates(String... days) {
        return java.util.Arrays.stream(days).map(LocalDate::parse).toList();
    }

    @Test
    void shouldKnowEvery2026HolidayIncludingTheSubstituteAndCitizensHolidays() {
        // Cabinet Office list for 2026: 3 May falls on a Sunday (substitute 6 May), and 22 September lies between
        // Respect for the Aged Day and the autumnal equinox (citizens' holiday).
        assertEquals(
                dates(
                        "2026-01-01",
                        "2026-01-12",
                        "2026-02-11",
                        "2026-02-23",
                        "2026-03-20",
                        "2026-04-29",
                        "2026-05-03",
                        "2026-05-04",
                        "2026-05-05",
                        "2026-05-06",
                        "2026-07-20",
                        "2026-08-11",
                        "2026-09-21",
                        "2026-09-22",
                        "2026-09-23",
                        "2026-10-12",
                        "2026-11-03",
                        "2026-11-23"),
                List.copyOf(calendar.holidays(2026).keySet()));
        assertEquals("振替休日", calendar.holidays(2026).get(LocalDate.parse("2026-05-06")));
        assertEquals("国民の休日", calendar.holidays(2026).get(LocalDate.parse("2026-09-22")));
    }

    @Test
    void shouldKnowThe2025And2024SubstituteHolidays() {
        assertEquals(
                dates(
                        "2025-01-01",
                        "2025-01-13",
                        "2025-02-11",
                        "2025-02-23",
                        "2025-02-24",
                        "2025-03-20",
                        "2025-04-29",
                        "2025-05-03",
                        "2025-05-04",
                        "2025-05-05",
                        "2025-05-06",
                        "2025-07-21",
                        "2025-08-11",
                        "2025-09-15",
                        "2025-09-23",
                        "2025-10-13",
                        "2025-11-03",
                        "2025-11-23",
                        "2025-11-24"),
                List.copyOf(calendar.holidays(2025).keySet()));
        assertEquals(
                dates(
                        "2024-01-01",
                        "2024-01-08",
                        "2024-02-11",
                        "2024-02-12",
                        "2024-02-23",
                        "2024-03-20",
                        "2024-04-29",
                        "2024-05-03",
                        "2024-05-04",
                        "2024-05-05",
                        "2024-05-06",
                        "2024-07-15",
                        "2024-08-11",
                        "2024-08-12",
                        "2024-09-16",
                        "2024-09-22",
                        "2024-09-23",
                        "2024-10-14",
                        "2024-11-03",
                        "2024-11-04",
                        "2024-11-23"),
                List.copyOf(calendar.holidays(2024).keySet()));
    }

    @Test
    void shouldApplyTheSpecialLawsOf2019And2020() {
        // Enthronement: 1 May and 22 Oct 2019, with 30 Apr and 2 May as citizens' holidays; no Emperor's Birthday.
        assertTrue(calendar.isHoliday(LocalDate.parse("2019-04-30")));
        assertTrue(calendar.isHoliday(LocalDate.parse("2019-05-01")));
        assertTrue(calendar.isHoliday(LocalDate.parse("2019-05-02")));
        assertTrue(calendar.isHoliday(LocalDate.parse("2019-10-22")));
        assertFalse(calendar.isHoliday(LocalDate.parse("2019-12-23")));
        assertFalse(calendar.isHoliday(LocalDate.parse("2019-02-23")));
        // Tokyo Olympics moves.
        assertTrue(calendar.isHoliday(LocalDate.parse("2020-07-23")));
        assertTrue(calendar.isHoliday(LocalDate.parse("2020-07-24")));
        assertTrue(calendar.isHoliday(LocalDate.parse("2020-08-10")));
        assertFalse(calendar.isHoliday(LocalDate.parse("2020-10-12")));
        assertFalse(calendar.isHoliday(LocalDate.parse("2020-08-11")));
    }

    @Test
    void shouldComputeTheEquinoxes() {
        assertEquals(20, JapaneseBusinessCalendar.vernalEquinoxDay(2026));
        assertEquals(23, JapaneseBusinessCalendar.autumnalEquinoxDay(2026));
        assertEquals(21, JapaneseBusinessCalendar.vernalEquinoxDay(2023));
        assertEquals(22, JapaneseBusinessCalendar.autumnalEquinoxDay(2024));
        assertEquals(21, JapaneseBusinessCalendar.vernalEquinoxDay(2027));
        assertEquals(23, JapaneseBusinessCalendar.autumnalEquinoxDay(2027));
    }

    @Test
    void shouldCloseFrom29DecemberTo3January() {
        assertTrue(calendar.isBusinessDay(LocalDate.parse("2026-12-28")));
        for (String day : List.of("2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02", "2027-01-03")) {
            assertFalse(calendar.isBusinessDay(LocalDate.parse(day)), day);
        }
        assertTrue(calendar.isBusinessDay(LocalDate.parse("2027-01-04")));
    }

    @Test
    void shouldAddBusinessDaysOverWeekendsHolidaysAndTheYearEnd() {
        // Fri 25 Dec 2026 + 2 business days: Mon 28 Dec, then the closure and the weekend, Mon 4 Jan 2027.
        assertEquals(LocalDate.parse("2027-01-04"), calendar.plusBusinessDays(LocalDate.parse("2026-12-25"), 2));
        // Thu 30 Apr 2026 + 1: Fri 1 May; + 2: Thu 7 May after Golden Week.
        assertEquals(LocalDate.parse("2026-05-01"), calendar.plusBusinessDays(LocalDate.parse("2026-04-30"), 1));
        assertEquals(LocalDate.parse("2026-05-07"), calendar.plusBusinessDays(LocalDate.parse("2026-04-30"), 2));
        // Silver Week 2026: Fri 18 Sep + 1 = Thu 24 Sep.
        assertEquals(LocalDate.parse("2026-09-24"), calendar.plusBusinessDays(LocalDate.parse("2026-09-18"), 1));
        // From a Sunday, the first business day counts as one.
        assertEquals(LocalDate.parse("2026-06-08"), calendar.plusBusinessDays(LocalDate.parse("2026-06-07"), 1));
        assertEquals(LocalDate.parse("2026-06-07"), calendar.plusBusinessDays(LocalDate.parse("2026-06-07"), 0));
    }

    @Test
    void shouldCountBusinessDaysBetweenTwoDaysInEitherDirection() {
        assertEquals(2, calendar.businessDaysBetween(LocalDate.parse("2026-04-30"), LocalDate.parse("2026-05-07")));
        assertEquals(-2, calendar.businessDaysBetween(LocalDate.parse("2026-05-07"), LocalDate.parse("2026-04-30")));
        assertEquals(0, calendar.businessDaysBetween(LocalDate.parse("2026-05-02"), LocalDate.parse("2026-05-06")));
    }

    @Test
    void shouldRefuseYearsItDoesNotModel() {
        assertThrows(IllegalArgumentException.class, () -> calendar.holidays(1999));
        assertThrows(IllegalArgumentException.class, () -> calendar.holidays(2100));
    }
}
