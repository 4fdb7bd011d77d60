package dev.mamori.center.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The privacy center's own settings (prefix {@code mamori.center}). */
@ConfigMapping(prefix = "mamori.center")
public interface CenterConfig {

    /**
     * The key of the forms' tokens (HMAC-SHA256). Replicas must share it. Without one each start draws a random key
     * and warns: fine for a developer's machine, not for a deployment (forms open across a restart or on another
     * replica would be refused).
     */
    Optional<String> formKey();

    /** How long a rendered form may be sent back: long enough to gather a request's details. */
    @WithDefault("PT2H")
    Duration formTtl();

    /** Mark the form cookie Secure (served over HTTPS, as on the internet). */
    @WithDefault("false")
    boolean secureCookies();

    Limits limits();

    Uploads uploads();

    /** Identity documents the requester uploads after confirming a request. */
    interface Uploads {
        /**
         * The largest file the privacy center forwards, in bytes: the same as request-service's
         * {@code mamori.request.identity.max-copy-bytes}. A larger one is refused here, before anything is sent.
         * quarkus.http.limits.max-body-size must be larger (the form around it and base64 are not counted here).
         */
        @WithDefault("2097152")
        int maxBytes();
    }

    /** Abuse limits, counted in memory per replica (docs/architecture.md, "The privacy center"). */
    interface Limits {
        /** Filings per requester e-mail address within {@link #filingWindow()}: each one mails a code. */
        @WithDefault("5")
        int filingsPerEmail();

        /** Filings and fresh codes per client address within {@link #filingWindow()}. */
        @WithDefault("20")
        int filingsPerAddress();

        @WithDefault("PT1H")
        Duration filingWindow();

        /** Code entries per client address within {@link #codeWindow()} (request-service also counts per filing). */
        @WithDefault("10")
        int codeTriesPerAddress();

        @WithDefault("PT10M")
        Duration codeWindow();

        /** Status look-ups per client address within {@link #lookupWindow()}: a receipt number must not be guessed. */
        @WithDefault("10")
        int lookupsPerAddress();

        @WithDefault("PT10M")
        Duration lookupWindow();

        /** Codes mailed per delivery link within {@link #filingWindow()} (request-service allows 5 per hour too). */
        @WithDefault("5")
        int deliveryCodesPerLink();

        /** Code entries per delivery link within {@link #codeWindow()}, whatever the address. */
        @WithDefault("10")
        int codeTriesPerLink();

        /** Downloads of results per client address within {@link #downloadWindow()}. */
        @WithDefault("30")
        int downloadsPerAddress();

        @WithDefault("PT10M")
        Duration downloadWindow();

        /** Identity document uploads per client address within {@link #filingWindow()}. */
        @WithDefault("20")
        int uploadsPerAddress();

        /** Upload attempts per receipt number within {@link #filingWindow()} (request-service keeps 5 at most). */
        @WithDefault("10")
        int uploadsPerReceipt();

        /** The most keys remembered per limit; the least recently seen goes first. */
        @WithDefault("100000")
        int maxKeys();
    }
}
