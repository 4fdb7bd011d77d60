package dev.mamori.center.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    /** A clock the test moves by hand: no waiting, no timing. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-12-02T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final HandClock clock = new HandClock();

    @Test
    void shouldCountUpToTheLimitThenRefuseUntilTheOldestLeavesTheWindow() {
        RateLimiter limiter = new RateLimiter(5, Duration.ofHours(1), 100, clock);
        for (int i = 0; i < 5; i++) {
            assertEquals(Optional.empty(), limiter.acquire("a@example.jp"));
            clock.now = clock.now.plusSeconds(60);
        }
        // 5 minutes after the first: it leaves the window in 55 minutes.
        assertEquals(Optional.of(Duration.ofMinutes(55)), limiter.acquire("a@example.jp"));
        clock.now = clock.now.plus(Duration.ofMinutes(55));
        assertEquals(Optional.empty(), limiter.acquire("a@example.jp"));
        assertTrue(limiter.acquire("a@example.jp").isPresent(), "the second one is still in the window");
    }

    @Test
    void shouldNotCountARefusedEvent() {
        RateLimiter limiter = new RateLimiter(2, Duration.ofMinutes(10), 100, clock);
        limiter.acquire("k");
        limiter.acquire("k");
        for (int i = 0; i < 10; i++) {
            assertTrue(limiter.acquire("k").isPresent());
        }
        clock.now = clock.now.plus(Duration.ofMinutes(10));
        assertEquals(Optional.empty(), limiter.acquire("k"), "refusals did not extend the wait");
    }

    @Test
    void shouldCountEachKeyApart() {
        RateLimiter limiter = new RateLimiter(1, Duration.ofMinutes(10), 100, clock);
        assertEquals(Optional.empty(), limiter.acquire("192.0.2.1"));
        assertTrue(limiter.acquire("192.0.2.1").isPresent());
        assertEquals(Optional.empty(), limiter.acquire("192.0.2.2"));
    }

    @Test
    void shouldKeepAtMostTheBoundOfKeysForgettingTheLeastRecentlyUsed() {
        RateLimiter limiter = new RateLimiter(1, Duration.ofMinutes(10), 3, clock);
        limiter.acquire("a");
        limiter.acquire("b");
        limiter.acquire("c");
        assertTrue(limiter.acquire("a").isPresent(), "a is used again, so b is the eldest");
        limiter.acquire("d");
        assertEquals(3, limiter.keys());
        assertEquals(Optional.empty(), limiter.acquire("b"), "b was forgotten");
        assertTrue(limiter.acquire("a").isPresent(), "a, used recently, is still counted");
    }
}
