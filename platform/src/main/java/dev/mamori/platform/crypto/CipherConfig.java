package dev.mamori.platform.crypto;

import io.smallrye.config.ConfigMapping;
import java.util.Map;
import java.util.Optional;

/**
 * The field cipher's keys ({@code mamori.cipher.*}). A service that stores encrypted fields sets {@code domain};
 * a service without it has no cipher. Rotation: add the new key under a new id, make it {@code current-key}, keep
 * the old one for as long as values sealed with it are stored.
 */
@ConfigMapping(prefix = "mamori.cipher")
public interface CipherConfig {

    /**
     * Bound into every value's associated data (e.g. {@code mamori-request}), so a value of one service does not open
     * in another. Never change it once values are stored: they would no longer decrypt.
     */
    Optional<String> domain();

    /** The id of the key new values are sealed with; development and tests default to the built-in {@code dev}. */
    Optional<String> currentKey();

    /**
     * Keys by id ({@code mamori.cipher.keys.<id>}, letters, digits, {@code -} and {@code _}): base64 of 32 random
     * bytes (AES-256). A stored value names the id of its key, so every key that sealed a stored value must stay.
     */
    Map<String, String> keys();
}
