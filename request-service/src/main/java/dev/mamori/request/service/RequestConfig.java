package dev.mamori.request.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Typed configuration of the request service ({@code mamori.request.*}). */
@ConfigMapping(prefix = "mamori.request")
public interface RequestConfig {

    ContactEncryption contactEncryption();

    /**
     * Calendar days from arrival to the due date. A stand-in until the tenant's SLA counted in Japanese business
     * days is modelled; the Act itself only says "without delay" (遅滞なく).
     */
    @WithDefault("14")
    @Min(1)
    @Max(365)
    int dueDays();

    interface ContactEncryption {
        /** Base64 of a 256-bit AES key. In production from {@code MAMORI_REQUEST_CONTACT_KEY}. */
        @NotBlank
        String key();

        /** Written in front of every ciphertext, so keys can be rotated without guessing which one encrypted what. */
        @WithDefault("k1")
        @Pattern(regexp = "[A-Za-z0-9_-]{1,32}")
        String keyId();
    }
}
