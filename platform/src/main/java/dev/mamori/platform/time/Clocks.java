package dev.mamori.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.validation.ClockProvider;
import java.time.Clock;

/**
 * The one {@link Clock} of a service: rules that depend on now or today (deadlines, retention, record periods, the
 * use decision) take it by injection instead of reading the system clock, so a test can hold time still or move it.
 * The default is the system clock in UTC (read a date through {@link JapanTime#today(Clock)}); a test or a profile
 * replaces it by producing its own {@code Clock} bean. Bean Validation reads the same clock ({@code @NotFuture}).
 */
@Singleton
public class Clocks {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    ClockProvider clockProvider(Clock clock) {
        return () -> clock;
    }
}
