package dev.mamori.thirdparty.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Typed configuration of the thirdparty service ({@code mamori.thirdparty.*}). */
@ConfigMapping(prefix = "mamori.thirdparty")
public interface ThirdPartyConfig {

    Contractors contractors();

    RecordPurge recordPurge();

    Consent consent();

    /** The calls to consent-service (APPI Arts. 27(1), 28(1)). */
    interface Consent {
        /** Each attempt to read a purpose. */
        @WithDefault("2s")
        Duration purposeTimeout();

        /** Each attempt to ask for a batch of decisions. */
        @WithDefault("3s")
        Duration decideTimeout();

        /** The pause before retrying a failure that may pass (twice at most), growing with each retry. */
        @WithDefault("100ms")
        Duration retryDelay();

        /** How long a tenant's circuit breaker stays open once that tenant's calls failed repeatedly. */
        @WithDefault("10s")
        Duration breakerOpenFor();
    }

    interface Contractors {
        /**
         * How many days before a certification expires a contractor's view warns of it, so that the renewal is on
         * record before the contractor becomes unusable (Art. 25).
         */
        @WithDefault("60")
        int certificationWarningDays();
    }

    interface RecordPurge {
        /**
         * How often every tenant's provision and receipt records past their retention end are deleted (APPI Arts.
         * 29(2), 30(4); PPC Rules 21, 25); "off" disables it (tests run it by hand).
         */
        @WithDefault("1h")
        String every();

        /** Records of each kind per batch; each batch is one statement per kind and one transaction. */
        @WithDefault("500")
        int batchSize();
    }
}
