package dev.mamori.console.charts;

import dev.mamori.web.JapanTime;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Counting by calendar month in Japan time for the dashboard's trends. Only counting: whether a request was answered
 * in time, or a consent is in force, is the services' answer, never worked out here.
 */
public final class Months {

    private Months() {}

    /** The last {@code n} months up to and including {@code today}'s, oldest first. */
    public static List<YearMonth> last(LocalDate today, int n) {
        List<YearMonth> months = new ArrayList<>();
        YearMonth current = YearMonth.from(today);
        for (int i = n - 1; i >= 0; i--) {
            months.add(current.minusMonths(i));
        }
        return months;
    }

    /** The month an instant falls in, in Japan; null for a blank or unreadable value. */
    public static YearMonth of(OffsetDateTime instant) {
        return instant == null ? null : YearMonth.from(instant.atZoneSameInstant(JapanTime.ZONE));
    }

    public static YearMonth of(String instant) {
        if (instant == null || instant.isBlank()) {
            return null;
        }
        try {
            return of(OffsetDateTime.parse(instant.strip()));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Adds one to the month's slot when the month is among {@code months}. */
    public static void count(List<YearMonth> months, int[] counts, YearMonth month) {
        int i = month == null ? -1 : months.indexOf(month);
        if (i >= 0) {
            counts[i]++;
        }
    }

    public static List<String> labels(List<YearMonth> months) {
        return months.stream().map(YearMonth::toString).toList();
    }
}
