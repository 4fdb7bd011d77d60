package dev.mamori.center.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * At most {@code limit} events per key within a sliding {@code window}, in memory. Each key keeps at most
 * {@code limit} instants, and at most {@code maxKeys} keys are kept (the least recently used is forgotten first), so
 * memory stays bounded whatever a caller sends. Per process: several replicas each count their own share.
 */
public final class RateLimiter {

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> hits;

    public RateLimiter(int limit, Duration window, int maxKeys, Clock clock) {
        if (limit < 1 || window.isNegative() || window.isZero() || maxKeys < 1) {
            throw new IllegalArgumentException("A limit needs a positive count, window and key bound");
        }
        this.limit = limit;
        this.window = window;
        this.clock = clock;
        this.hits = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /**
     * Counts an event for {@code key} if the key is under its limit. Empty when it was counted; otherwise how long
     * until the oldest event counted leaves the window (for a Retry-After).
     */
    public synchronized Optional<Duration> acquire(String key) {
        Instant now = Instant.now(clock);
        Deque<Instant> times = hits.computeIfAbsent(key, k -> new ArrayDeque<>());
        Instant horizon = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
            times.pollFirst();
        }
        if (times.size() >= limit) {
            Duration wait = Duration.between(now, times.peekFirst().plus(window));
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        }
        times.addLast(now);
        return Optional.empty();
    }

    synchronized int keys() {
        return hits.size();
    }
}
