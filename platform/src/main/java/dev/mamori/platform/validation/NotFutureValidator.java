package dev.mamori.platform.validation;

import dev.mamori.platform.time.JapanTime;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;

/**
 * Checks {@link NotFuture} for {@link Instant}, {@link OffsetDateTime}, {@link ZonedDateTime} and {@link LocalDate}
 * against the service's clock ({@code Clocks}, through Bean Validation's clock provider). A date sent without a
 * time is a date in Japan.
 */
public class NotFutureValidator implements ConstraintValidator<NotFuture, TemporalAccessor> {

    /** Clocks of callers and of the suite differ by a little; five minutes is more than NTP ever leaves. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    @Override
    public boolean isValid(TemporalAccessor value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        Instant latest = context.getClockProvider().getClock().instant().plus(CLOCK_SKEW);
        if (value instanceof LocalDate date) {
            return !date.isAfter(LocalDate.ofInstant(latest, JapanTime.ZONE));
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
