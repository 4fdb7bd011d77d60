package dev.mamori.request.service;

import dev.mamori.platform.outbox.OutboxSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.Map;

/** Typed configuration of the request service ({@code mamori.request.*}). */
@ConfigMapping(prefix = "mamori.request")
public interface RequestConfig {

    /** The published dev/test callback secret; a packaged service refuses to start with it (CallbackSender). */
    String DEV_CALLBACK_SECRET = "dev-callback-secret-not-for-production";

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

        /** How long after confirming a filing online the requester may upload identity documents. */
        @WithDefault("PT24H")
        Duration uploadWindow();
    }

    /**
     * The outbox of calls to the other services and the client system. Its retries are the platform's
     * ({@link OutboxSettings}: attempts, backoff, lease, batch size under {@code mamori.request.outbox.*}). With the
     * defaults (2 s doubling to 10 min, 20 attempts) a call rides out an outage of about two and a half hours before
     * it is FAILED (visible, retried only by an operator).
     */
    interface Outbox extends OutboxSettings {
        /** How often the deliverer looks for due tasks (a Quarkus scheduler interval). */
        @WithDefault("1s")
        String interval();

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

    /**
     * The privacy center's public address: links mailed to a requester (a result's download link) start with it.
     * Production: {@code MAMORI_REQUEST_CENTER_URL}.
     */
    @WithDefault("http://localhost:8091")
    String centerUrl();

    Delivery delivery();

    /**
     * How long the controller's name from consent-service (the company as the person's mails name it) is kept per
     * tenant; a failed lookup is retried after at most a minute.
     */
    @WithDefault("PT10M")
    Duration controllerNameCache();

    /** Electronic delivery of a result (Art. 33(1)): a link mailed to the requester, opened with a mailed code. */
    interface Delivery {
        /** How long the mailed link opens the result. */
        @WithDefault("P14D")
        Duration linkValidity();

        /** How long a confirmed code lets the requester download (every format, any number of times). */
        @WithDefault("PT15M")
        Duration grantValidity();
    }
}
