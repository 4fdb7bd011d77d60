package dev.mamori.request.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.Map;

/** Typed configuration of the request service ({@code mamori.request.*}). */
@ConfigMapping(prefix = "mamori.request")
public interface RequestConfig {

    /** The published dev/test callback secret; a packaged service refuses to start with it (CallbackSender). */
    String DEV_CALLBACK_SECRET = "dev-callback-secret-not-for-production";

    ContactEncryption contactEncryption();

    /**
     * Business days from arrival to the due date for a tenant without its own settings. The Act only says "without
     * delay" (遅滞なく); the client contract's SLA replaces this per tenant.
     */
    @WithDefault("10")
    @Min(1)
    @Max(120)
    int defaultBusinessDaysToDue();

    /** Business days before the due date from which an open request counts as near due. */
    @WithDefault("3")
    @Min(0)
    @Max(60)
    int defaultNearDueBusinessDays();

    Identity identity();

    Outbox outbox();

    Callback callback();

    interface ContactEncryption {
        /** Base64 of a 256-bit AES key. In production from {@code MAMORI_REQUEST_CONTACT_KEY}. */
        @NotBlank
        String key();

        /** Written in front of every ciphertext, so keys can be rotated without guessing which one encrypted what. */
        @WithDefault("k1")
        @Pattern(regexp = "[A-Za-z0-9_-]{1,32}")
        String keyId();
    }

    interface Identity {
        /** How long a copy of an identity document is kept before the scheduled job deletes it. */
        @WithDefault("P14D")
        Duration copyRetention();

        /** How often the deletion job runs (a Quarkus scheduler interval). */
        @WithDefault("1h")
        String purgeInterval();

        /** The largest copy accepted, in bytes after base64 decoding. */
        @WithDefault("2097152")
        int maxCopyBytes();
    }

    interface Outbox {
        /** How often the deliverer looks for due tasks (a Quarkus scheduler interval). */
        @WithDefault("1s")
        String interval();

        /** Tasks claimed per run; they are sent in parallel. */
        @WithDefault("20")
        @Min(1)
        @Max(200)
        int batchSize();

        /**
         * Attempts before a task is FAILED (visible, retried only by an operator). With the default backoff (2 s
         * doubling to 10 min) 20 attempts ride out an outage of about two and a half hours.
         */
        @WithDefault("20")
        @Min(1)
        int maxAttempts();

        /** Wait after the first failed attempt; doubled after each further failure. */
        @WithDefault("PT2S")
        Duration backoffBase();

        @WithDefault("PT10M")
        Duration backoffMax();

        /** How long a claimed task is reserved for the replica that claimed it. */
        @WithDefault("PT2M")
        Duration lease();

        /** How long one attempt may take. */
        @WithDefault("PT20S")
        Duration callTimeout();
    }

    interface Callback {
        /** Signing secret of tenants without their own. In production from {@code MAMORI_CALLBACK_SECRET}. */
        @NotBlank
        String defaultSecret();

        /** Per-tenant signing secrets: {@code mamori.request.callback.secrets.<tenant>}. */
        Map<String, String> secrets();

        @WithDefault("PT10S")
        Duration timeout();

        @WithDefault("PT5S")
        Duration connectTimeout();
    }
}
