package dev.mamori.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10), 0.2);

    @Test
    void shouldDoubleFromTheBaseAfterEachFailedAttempt() {
        assertEquals(Duration.ofSeconds(2), backoff.delay(1, 0));
        assertEquals(Duration.ofSeconds(4), backoff.delay(2, 0));
        assertEquals(Duration.ofSeconds(8), backoff.delay(3, 0));
        assertEquals(Duration.ofSeconds(256), backoff.delay(8, 0));
    }

    @Test
    void shouldNeverWaitLongerThanTheCapHoweverManyAttempts() {
        assertEquals(Duration.ofSeconds(512), backoff.delay(9, 0));
        assertEquals(Duration.ofMinutes(10), backoff.delay(10, 0), "1024 s is over the cap");
        assertEquals(Duration.ofMinutes(10), backoff.delay(64, 0));
        assertEquals(Duration.ofMinutes(10), backoff.delay(Integer.MAX_VALUE, 0));
        assertEquals(Duration.ofSeconds(2), backoff.delay(0, 0), "attempt 0 (never tried) waits the base");
    }

    @Test
    void shouldShortenAWaitByAtMostTheJitterAndNeverLengthenIt() {
        assertEquals(Duration.ofMillis(6400), backoff.delay(3, 1.0), "8 s less at most 20 %");
        assertEquals(Duration.ofMillis(7200), backoff.delay(3, 0.5));
        for (int i = 0; i < 1_000; i++) {
            Duration d = backoff.delay(20);
            assertTrue(
                    d.compareTo(Duration.ofMinutes(8)) >= 0 && d.compareTo(Duration.ofMinutes(10)) <= 0, d.toString());
        }
        Backoff exact = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5), 0);
        assertEquals(Duration.ofSeconds(4), exact.delay(3));
    }

    @Test
    void shouldRefuseSettingsThatMakeNoSense() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 0.1));
        assertThrows(
                IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0.1));
        assertThrows(
                IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 1.0));
        assertThrows(
                IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), -0.1));
    }
}
