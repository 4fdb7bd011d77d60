package dev.mamori.incident.service;

import dev.mamori.platform.time.JapanTime;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * When the reports to the PPC are due (PPC Rule 8), in days of Japan time counted from the day the company knew
 * (the day itself is not counted, as in the Civil Code's Art. 140): the preliminary report "promptly" (Rule 8(1);
 * the PPC's guidelines read it as about 3 to 5 days, the suite's setting picks within that), the final one within
 * 30 days, or 60 when an act with an unlawful purpose is suspected (Rule 8(2), Rule 7(iii)).
 */
public final class ReportClock {

    public static final int MIN_PRELIMINARY_DAYS = 3;
    public static final int MAX_PRELIMINARY_DAYS = 5;
    public static final int FINAL_DAYS = 30;
    public static final int FINAL_DAYS_UNLAWFUL_PURPOSE = 60;

    private ReportClock() {}

    /** The day the company knew, in Japan. */
    public static LocalDate knownOn(OffsetDateTime discoveredAt) {
        return JapanTime.dateOf(discoveredAt);
    }

    public static LocalDate preliminaryDueOn(OffsetDateTime discoveredAt, int preliminaryDays) {
        if (preliminaryDays < MIN_PRELIMINARY_DAYS || preliminaryDays > MAX_PRELIMINARY_DAYS) {
            throw new IllegalArgumentException("preliminary report days must be 3 to 5, not " + preliminaryDays);
        }
        return knownOn(discoveredAt).plusDays(preliminaryDays);
    }

    public static LocalDate finalDueOn(OffsetDateTime discoveredAt, boolean unlawfulPurpose) {
        return knownOn(discoveredAt).plusDays(unlawfulPurpose ? FINAL_DAYS_UNLAWFUL_PURPOSE : FINAL_DAYS);
    }

    /** Days from today to the due date: 0 on the day itself, negative once it has passed. */
    public static long daysLeft(LocalDate today, LocalDate dueOn) {
        return ChronoUnit.DAYS.between(today, dueOn);
    }
}
