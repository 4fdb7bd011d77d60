package dev.mamori.retention.service;

import dev.mamori.platform.outbox.OutboxSettings;
import dev.mamori.platform.time.JapanTime;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;

/** Typed configuration of the retention service ({@code mamori.retention.*}). */
@ConfigMapping(prefix = "mamori.retention")
public interface RetentionConfig {

    /** The zone whose calendar days retention counts in and whose dates explanations show (Japan). */
    @WithDefault(JapanTime.ZONE_ID)
    ZoneId zone();

    Purge purge();

    Delivery delivery();

    Certificates certificates();

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

    /**
     * Erasure requests to owning systems, an outbox of the platform's: attempts, backoff, lease and batch size are
     * {@link OutboxSettings} under {@code mamori.retention.delivery.*}.
     */
    interface Delivery extends OutboxSettings {
        /** How often the deliverer looks for erasure requests to send ("off" disables it). */
        @WithDefault("10s")
        String every();

        /** How long one call may take. */
        @WithDefault("PT10S")
        Duration timeout();
    }

    interface Certificates {
        /** The most items one certificate lists; a longer period must be split. */
        @WithDefault("50000")
        int maxItems();
    }
}
