package dev.mamori.platform.outbox;

import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * How an outbox retries: a config group that a service's own {@code @ConfigMapping} extends, so every outbox is
 * configured with the same names under the service's prefix (e.g. {@code mamori.request.outbox.max-attempts}).
 */
public interface OutboxSettings {

    /** Attempts before a row is dead-lettered (visible, sent again only when someone retries it). */
    @Min(1)
    int maxAttempts();

    /** The wait after the first failed attempt; doubled after each further failure. */
    Duration backoffBase();

    /** The longest wait between two attempts. */
    Duration backoffMax();

    /** Up to this fraction of a wait is taken off at random, so rows that failed together do not retry together. */
    @WithDefault("0.2")
    @DecimalMin("0")
    @DecimalMax("0.9")
    double backoffJitter();

    /** How long a claimed row is the claiming replica's; after that another replica may take it over. */
    @WithDefault("PT2M")
    Duration lease();

    /** Rows claimed per round. */
    @WithDefault("20")
    @Min(1)
    @Max(500)
    int batchSize();
}
