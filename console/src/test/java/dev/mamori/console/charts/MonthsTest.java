package dev.mamori.console.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonthsTest {

    @Test
    void theLastMonthsEndWithTodaysOldestFirst() {
        List<YearMonth> months = Months.last(LocalDate.of(2026, 2, 10), 3);
        assertEquals(List.of(YearMonth.of(2025, 12), YearMonth.of(2026, 1), YearMonth.of(2026, 2)), months);
    }

    @Test
    void anInstantCountsInTheMonthItIsInJapan() {
        // 2026-01-31 20:00 UTC is 2026-02-01 05:00 in Japan: a February request.
        assertEquals(YearMonth.of(2026, 2), Months.of("2026-01-31T20:00:00Z"));
        assertNull(Months.of(""));
        assertNull(Months.of("not a time"));
    }

    @Test
    void onlyMonthsOnTheChartAreCounted() {
        List<YearMonth> months = Months.last(LocalDate.of(2026, 2, 10), 2);
        int[] counts = new int[2];
        Months.count(months, counts, YearMonth.of(2026, 2));
        Months.count(months, counts, YearMonth.of(2026, 2));
        Months.count(months, counts, YearMonth.of(2025, 6));
        Months.count(months, counts, null);
        assertArrayEquals(new int[] {0, 2}, counts);
    }
}
