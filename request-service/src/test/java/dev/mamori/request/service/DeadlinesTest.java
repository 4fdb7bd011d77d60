package dev.mamori.request.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.request.RequestType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class DeadlinesTest {

    @Test
    void shouldEndTheTwoWeeksFourteenDaysAfterTheJapaneseDayOfArrival() {
        // 2025-03-31 23:00 UTC is already 1 April in Tokyo.
        OffsetDateTime arrived = OffsetDateTime.parse("2025-03-31T23:00:00Z");
        assertEquals(LocalDate.parse("2025-04-01"), Deadlines.arrivalDay(arrived));
        assertEquals(LocalDate.parse("2025-04-15"), Deadlines.statutoryMarker(RequestType.DISCLOSURE, arrived));
        assertEquals(LocalDate.parse("2025-04-15"), Deadlines.statutoryMarker(RequestType.PROVISION_STOP, arrived));
    }

    @Test
    void shouldGiveNoMarkerToAPurposeNotification() {
        assertNull(Deadlines.statutoryMarker(
                RequestType.PURPOSE_NOTIFICATION, OffsetDateTime.parse("2025-04-01T01:00:00Z")));
    }

    @Test
    void shouldCountTheDueDateInJapaneseBusinessDaysSkippingGoldenWeek() {
        // Arrived Mon 28 Apr 2025: 29 Apr (Showa Day) and 3-6 May (with the substitute holiday) do not count.
        assertEquals(
                LocalDate.parse("2025-05-12"), Deadlines.dueOn(OffsetDateTime.parse("2025-04-28T00:00:00+09:00"), 7));
    }

    @Test
    void shouldCountBusinessDaysLeftDownToZeroOnTheDueDayAndBelowAfterIt() {
        LocalDate due = LocalDate.parse("2026-05-07");
        assertEquals(0, Deadlines.businessDaysLeft(due, due));
        assertEquals(1, Deadlines.businessDaysLeft(due, LocalDate.parse("2026-05-01")));
        assertEquals(-1, Deadlines.businessDaysLeft(due, LocalDate.parse("2026-05-08")));
        assertEquals(-1, Deadlines.businessDaysLeft(due, LocalDate.parse("2026-05-10")));
    }

    @Test
    void shouldCallAnOpenRequestOverdueOnlyAfterItsDueDay() {
        LocalDate due = LocalDate.parse("2025-04-15");
        assertFalse(Deadlines.overdue(due, false, due));
        assertTrue(Deadlines.overdue(due, false, due.plusDays(1)));
        assertFalse(Deadlines.overdue(due, true, due.plusDays(30)));
    }
}
