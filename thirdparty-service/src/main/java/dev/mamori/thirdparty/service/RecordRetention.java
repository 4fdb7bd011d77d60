package dev.mamori.thirdparty.service;

import dev.mamori.thirdparty.RecordMethod;
import java.time.LocalDate;

/**
 * How long a provision or receipt record is kept (APPI Arts. 29(2), 30(4); PPC Rules 21, 25), as the last day of
 * the period. Periods follow the Civil Code: "from the day X, counting it" (起算して) includes day X, "from the day
 * the record was made" does not (Art. 140), and a period of years ends the day before the corresponding day, or at
 * the end of the month when that month has no such day (Art. 143(2)). Record dates are dates in Japan
 * ({@code JapanTime}).
 */
public final class RecordRetention {

    private RecordRetention() {}

    /**
     * The last day to keep a record made on {@code recordedOn} by {@code method}; {@code lastTransferOn} is the day
     * of the last provision or receipt the record covers (needed for BULK and CONTRACT_SUBSTITUTE).
     */
    public static LocalDate retainUntil(RecordMethod method, LocalDate recordedOn, LocalDate lastTransferOn) {
        return switch (method) {
            // Rule 25(i): "1 year from the day of the last receipt, counting that day".
            case CONTRACT_SUBSTITUTE -> lastDayOfYearsCountingFrom(lastTransferOn, 1);
            // Rule 25(ii): "3 years from the day of the last receipt, counting that day".
            case BULK -> lastDayOfYearsCountingFrom(lastTransferOn, 3);
            // Art. 30(4) with Rule 25(iii): 3 years from the day the record was made, that day not counted.
            case EACH -> recordedOn.plusYears(3);
        };
    }

    /** The last day of a period of {@code years} years whose first day is {@code firstDay}. */
    static LocalDate lastDayOfYearsCountingFrom(LocalDate firstDay, int years) {
        LocalDate corresponding = firstDay.plusYears(years);
        // plusYears clamps 29 February to the 28th: that month has no corresponding day, so the period ends at its end.
        return corresponding.getDayOfMonth() == firstDay.getDayOfMonth() ? corresponding.minusDays(1) : corresponding;
    }
}
