package dev.mamori.retention.service;

import dev.mamori.platform.crypto.FieldCipher;
import dev.mamori.retention.OwningSystem;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Owning systems' HMAC secrets at rest (APPI Art. 23: technical security control measures): sealed with the platform's
 * field cipher, bound to the system's row (its id, unique across tenants), so a secret copied onto another system's
 * row does not open, and never returned by the API.
 */
@ApplicationScoped
public class OwningSystemSecrets {

    /** How secrets were stored before the platform cipher: {@code v1:<base64>}, no associated data, key k1. */
    private static final String UNBOUND = "v1:";

    private static final String UNBOUND_KEY = "k1";

    private final FieldCipher cipher;

    public OwningSystemSecrets(FieldCipher cipher) {
        this.cipher = cipher;
    }

    /** The stored form of {@code secret} for {@code system}, whose id is set. */
    public String seal(OwningSystem system, String secret) {
        return cipher.encrypt(secret, context(system));
    }

    /** The system's secret, to sign a call with. */
    public String open(OwningSystem system) {
        String stored = system.secretCipher;
        // Written before the platform cipher, under the key that is now k1 (MAMORI_RETENTION_SECRET_KEY).
        return stored.startsWith(UNBOUND)
                ? cipher.decryptUnbound(UNBOUND_KEY, stored.substring(UNBOUND.length()))
                : cipher.decrypt(stored, context(system));
    }

    private static String context(OwningSystem system) {
        return "owning-system/" + system.id + "/secret";
    }
}
