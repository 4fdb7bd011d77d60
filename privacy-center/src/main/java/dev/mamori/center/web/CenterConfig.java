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

        /** The most keys remembered per limit; the least recently seen goes first. */
        @WithDefault("100000")
        int maxKeys();
    }
}
