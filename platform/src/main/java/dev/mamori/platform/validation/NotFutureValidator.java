package dev.mamori.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;

/** Checks {@link NotFuture} for {@link Instant}, {@link OffsetDateTime}, {@link ZonedDateTime} and {@link LocalDate}. */
public class NotFutureValidator implements ConstraintValidator<NotFuture, TemporalAccessor> {

    /** Clocks of callers and of the suite differ by a little; five minutes is more than NTP ever leaves. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** The zone dates are read in (a date sent without a time is a date in Japan). */
    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    @Override
    public boolean isValid(TemporalAccessor value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        Instant latest = Instant.now().plus(CLOCK_SKEW);
        if (value instanceof LocalDate date) {
            return !date.isAfter(LocalDate.ofInstant(latest, JAPAN));
        }
        if (value instanceof Instant instant) {
            return !instant.isAfter(latest);
        }
        if (value instanceof OffsetDateTime time) {
            return !time.toInstant().isAfter(latest);
        }
        if (value instanceof ZonedDateTime time) {
            return !time.toInstant().isAfter(latest);
        }
        return true;
    }
}
