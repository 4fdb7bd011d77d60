package dev.mamori.request.service;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal data before it reaches the database (APPI Art. 23 technical security measures) with
 * AES-256-GCM. Each value gets a fresh 96-bit nonce and is bound, as associated data, to where it belongs
 * (tenant, request, field): a ciphertext copied into another row or column fails to decrypt instead of showing
 * someone else's data. Stored form: {@code <keyId>:<base64(nonce || ciphertext || tag)>}.
 */
@ApplicationScoped
@Startup
public class FieldCipher {

    /** The published dev/test key (application.properties); a production start with it is refused. */
    static final String DEV_TEST_KEY = "ZGV2LXRlc3Qtb25seS1rZXktbm90LWEtc2VjcmV0ISE=";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final String keyId;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public FieldCipher(RequestConfig config) {
        this(config.contactEncryption().key(), config.contactEncryption().keyId(), LaunchMode.current());
    }

    FieldCipher(String base64Key, String keyId, LaunchMode mode) {
        if (mode == LaunchMode.NORMAL && MessageDigest.isEqual(DEV_TEST_KEY.getBytes(StandardCharsets.US_ASCII),
                base64Key.trim().getBytes(StandardCharsets.US_ASCII))) {
            throw new IllegalStateException("mamori.request.contact-encryption.key is the published dev/test key; "
                    + "set MAMORI_REQUEST_CONTACT_KEY to a secret 256-bit key (base64)");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("mamori.request.contact-encryption.key is not base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException("mamori.request.contact-encryption.key must be 32 bytes (AES-256), not "
                    + raw.length);
        }
        this.key = new SecretKeySpec(raw, "AES");
        this.keyId = keyId;
    }

    /** Encrypts {@code plaintext} for the place named by {@code context}; null stays null. */
    public String encrypt(String plaintext, String context) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(context));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return keyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt", e);
        }
    }

    /** Decrypts a value written by {@link #encrypt} for the same context; fails if it was altered or moved. */
    public String decrypt(String stored, String context) {
        if (stored == null) {
            return null;
        }
        int colon = stored.indexOf(':');
        if (colon < 0 || !stored.substring(0, colon).equals(keyId)) {
            throw new IllegalStateException("Ciphertext was written with key '"
                    + (colon < 0 ? "?" : stored.substring(0, colon)) + "', which is not configured");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(aad(context));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Ciphertext does not decrypt for " + context, e);
        }
    }

    private static byte[] aad(String context) {
        return ("mamori-request/v1/" + context).getBytes(StandardCharsets.UTF_8);
    }
}
