package dev.mamori.retention.service;

import dev.mamori.platform.time.JapanTime;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/** Typed configuration of the retention service ({@code mamori.retention.*}). */
@ConfigMapping(prefix = "mamori.retention")
public interface RetentionConfig {

    /** The zone whose calendar days retention counts in and whose dates explanations show (Japan). */
    @WithDefault(JapanTime.ZONE_ID)
    ZoneId zone();

    Purge purge();

    Delivery delivery();

    Certificates certificates();

    /**
     * Base64 of a 32-byte AES key that encrypts owning systems' HMAC secrets at rest. When absent, a key is
     * derived from the database password, so the secrets are never stored in the clear next to their key; set
     * it explicitly in production (and rotate by re-registering systems).
     */
    Optional<String> secretKey();

    interface Purge {
        /** How often the scheduled purge runs over all tenants ("off" disables it). */
        @WithDefault("1h")
        String every();

        /** Holdings per batch; each batch is one statement and one transaction. */
        @WithDefault("5000")
        int batchSize();

        /** A RUNNING run whose heartbeat is older than this is taken to be abandoned and is continued. */
        @WithDefault("PT2M")
        Duration lease();
    }

    interface Delivery {
        /** How often the deliverer looks for erasure requests to send ("off" disables it). */
        @WithDefault("10s")
        String every();

        /** Attempts before a request is FAILED (it can be retried by hand). */
        @WithDefault("8")
        int maxAttempts();

        /** The wait after the first failed attempt; doubled after each further one, at most {@link #maxBackoff()}. */
        @WithDefault("PT30S")
        Duration backoff();

        @WithDefault("PT1H")
        Duration maxBackoff();

        @WithDefault("PT10S")
        Duration timeout();

        /** How long a claimed request is this replica's before another may take it over. */
        @WithDefault("PT2M")
        Duration lease();

        /** Requests claimed per round. */
        @WithDefault("20")
        int batchSize();
    }

    interface Certificates {
        /** The most items one certificate lists; a longer period must be split. */
        @WithDefault("50000")
        int maxItems();
    }
}
