package dev.mamori.platform.time;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The calendar the suite's rules count in. Dates in the law's periods (a request's arrival day, APPI Art. 39(1); a
 * record's retention, Rules 21 and 25; a person's age; a retention period in days) are days in Japan, whatever
 * zone the server or the caller is in. Japan has no daylight saving, so a day there is always 24 hours.
 */
public final class JapanTime {

    /** The zone's id, for configuration defaults that need a constant. */
    public static final String ZONE_ID = "Asia/Tokyo";

    public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

    private JapanTime() {}

    /** Today in Japan by {@code clock}. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** The day in Japan on which {@code instant} falls, or null for null. */
    public static LocalDate dateOf(OffsetDateTime instant) {
        return instant == null ? null : instant.atZoneSameInstant(ZONE).toLocalDate();
    }

    /** The first instant of {@code day} in Japan (its midnight, +09:00). */
    public static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toOffsetDateTime();
    }
}
