package dev.mamori.request.service;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal data before it reaches the database (APPI Art. 23 technical security measures) with
 * AES-256-GCM. Each value gets a fresh 96-bit nonce and is bound, as associated data, to where it belongs
 * (tenant, request, field): a ciphertext copied into another row or column fails to decrypt instead of showing
 * someone else's data. Stored form: {@code <keyId>:<base64(nonce || ciphertext || tag)>}, or {@code <keyId>:z:<...>} for a value
 * deflated before it was sealed.
 */
@ApplicationScoped
@Startup
public class FieldCipher {

    /** The published dev/test key (application.properties); a production start with it is refused. */
    static final String DEV_TEST_KEY = "ZGV2LXRlc3Qtb25seS1rZXktbm90LWEtc2VjcmV0ISE=";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Values from this size on are deflated before they are sealed (see {@link #encrypt}). */
    static final int DEFLATE_FROM_BYTES = 4096;
    private static final String DEFLATED = "z:";

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

    /**
     * Encrypts {@code plaintext} for the place named by {@code context}; null stays null. Large values (a target's
     * answer, a disclosure package: megabytes of JSON) are deflated first and marked {@code z:}: the cipher then has a
     * fraction of the bytes to process (a disclosure runs rarely, so its cipher code runs cold), and the database a
     * fraction to store. The mark is covered by the associated data, so it cannot be flipped unnoticed. Short values
     * (contact details, names) are never compressed, so their ciphertext length says no more than before.
     */
    public String encrypt(String plaintext, String context) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] plain = plaintext.getBytes(StandardCharsets.UTF_8);
            boolean deflated = plain.length >= DEFLATE_FROM_BYTES;
            if (deflated) {
                plain = deflate(plain);
            }
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(context, deflated));
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return keyId + ":" + (deflated ? DEFLATED : "") + Base64.getEncoder().encodeToString(out);
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
            String body = stored.substring(colon + 1);
            boolean deflated = body.startsWith(DEFLATED);
            byte[] in = Base64.getDecoder().decode(deflated ? body.substring(DEFLATED.length()) : body);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(aad(context, deflated));
            byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return new String(deflated ? inflate(plain) : plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException | DataFormatException e) {
            throw new IllegalStateException("Ciphertext does not decrypt for " + context, e);
        }
    }

    /** Values written before compression existed (no mark) keep exactly the associated data they were sealed with. */
    private static byte[] aad(String context, boolean deflated) {
        return ("mamori-request/v1/" + context + (deflated ? "#deflate" : "")).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] deflate(byte[] plain) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(plain);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, plain.length / 4));
            byte[] buffer = new byte[64 * 1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** Only ever given bytes this class deflated and sealed: GCM has already proved them ours and unaltered. */
    private static byte[] inflate(byte[] compressed) throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 4);
            byte[] buffer = new byte[64 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("truncated compressed value");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }
}
