package dev.mamori.platform.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class JapanTimeTest {

    @Test
    void todayIsTheDateInJapanWhateverTheClocksZone() {
        // 15:00 UTC is already midnight in Japan (+09:00).
        Clock clock = Clock.fixed(Instant.parse("2026-03-31T15:00:00Z"), ZoneOffset.UTC);
        assertEquals(LocalDate.of(2026, 4, 1), JapanTime.today(clock));
        assertEquals(LocalDate.of(2026, 3, 31), JapanTime.today(Clock.offset(clock, java.time.Duration.ofSeconds(-1))));
    }

    @Test
    void anInstantFallsOnItsJapaneseDay() {
        assertEquals(LocalDate.of(2026, 4, 1), JapanTime.dateOf(OffsetDateTime.parse("2026-03-31T23:30:00-01:00")));
        assertNull(JapanTime.dateOf(null));
        assertEquals(OffsetDateTime.parse("2026-04-01T00:00:00+09:00"), JapanTime.startOf(LocalDate.of(2026, 4, 1)));
    }
}
