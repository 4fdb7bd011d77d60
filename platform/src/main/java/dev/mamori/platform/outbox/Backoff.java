package dev.mamori.platform.outbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one wait between two attempts of an outbox row: {@code base · 2^(attempts−1)}, at most {@code max}, then
 * shortened by up to {@code jitter} (a fraction) at random. The jitter spreads the retries of many rows that failed
 * together (a target was down), so they do not all arrive the moment it is back; it only ever shortens a wait, so
 * the cap holds.
 */
public record Backoff(Duration base, Duration max, double jitter) {

    public Backoff {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < base <= max, not " + base + " / " + max);
        }
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("backoff jitter is a fraction in [0, 1), not " + jitter);
        }
    }

    public static Backoff of(OutboxSettings settings) {
        return new Backoff(settings.backoffBase(), settings.backoffMax(), settings.backoffJitter());
    }

    /** The wait after the {@code attempts}-th failed attempt (1 for the first). */
    public Duration delay(int attempts) {
        return delay(attempts, ThreadLocalRandom.current().nextDouble());
    }

    /** As {@link #delay(int)}, with {@code random} in [0, 1) chosen by the caller (tests). */
    public Duration delay(int attempts, double random) {
        Duration wait = exponential(attempts);
        long nanos = wait.toNanos();
        return Duration.ofNanos(nanos - (long) (nanos * jitter * random));
    }

    /** The wait before jitter: doubled per attempt from {@code base}, never above {@code max}. */
    Duration exponential(int attempts) {
        int doublings = Math.max(0, attempts - 1);
        // Past 62 doublings any base overflows; the cap is reached long before.
        if (doublings >= 62 || base.toNanos() > (max.toNanos() >> doublings)) {
            return max;
        }
        return base.multipliedBy(1L << doublings);
    }
}
