package dev.mamori.platform.validation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.ClockProvider;
import jakarta.validation.ConstraintValidatorContext;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class NotFutureValidatorTest {

    /** 2026-03-31T14:58Z: 23:58 in Japan, two minutes before its 1 April. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-31T14:58:00Z"), ZoneOffset.UTC);

    private final NotFutureValidator validator = new NotFutureValidator();

    @Test
    void readsNowFromTheServicesClock() {
        assertTrue(validator.isValid(Instant.parse("2026-03-31T15:02:00Z"), at(CLOCK)), "within the skew");
        assertFalse(validator.isValid(Instant.parse("2026-03-31T15:04:00Z"), at(CLOCK)), "beyond the skew");
        assertTrue(validator.isValid(OffsetDateTime.parse("2026-04-01T00:02:00+09:00"), at(CLOCK)));
    }

    @Test
    void aDateIsADayInJapan() {
        // Within the skew it is already 1 April in Japan, though 31 March in UTC.
        assertTrue(validator.isValid(LocalDate.of(2026, 4, 1), at(CLOCK)));
        assertFalse(validator.isValid(LocalDate.of(2026, 4, 2), at(CLOCK)));
        assertFalse(validator.isValid(
                LocalDate.of(2026, 4, 1), at(Clock.offset(CLOCK, java.time.Duration.ofMinutes(-10)))));
    }

    private static ConstraintValidatorContext at(Clock clock) {
        ClockProvider provider = () -> clock;
        return (ConstraintValidatorContext) Proxy.newProxyInstance(
                NotFutureValidatorTest.class.getClassLoader(),
                new Class<?>[] {ConstraintValidatorContext.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getClockProvider")) {
                        return provider;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
