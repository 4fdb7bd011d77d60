package dev.mamori.platform.crypto;

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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encrypts personal data and secrets before they reach the database (APPI Art. 23: technical security control
 * measures) with AES-256-GCM, one fresh 96-bit nonce per value. Each value is bound, as associated data, to the
 * service ({@code mamori.cipher.domain}) and to where it belongs ({@code context}: tenant, row, field), so a
 * ciphertext copied into another row or column fails to decrypt instead of showing someone else's data.
 *
 * <p>Stored form: {@code <keyId>:<base64(nonce || ciphertext || tag)>}, or {@code <keyId>:z:<…>} for a value deflated
 * before it was sealed. Keys rotate: a value opens with whichever configured key its id names, new values are sealed
 * with {@code mamori.cipher.current-key} ({@link CipherConfig}).
 *
 * <p>Development and tests get a built-in key ({@code dev}), published in this repository. A packaged service (prod
 * profile) stops at start when any configured key is that key, or is derived from the database password (a key kept
 * next to the data it protects protects nothing).
 */
@ApplicationScoped
@Startup // created at start, so that a refused key stops the start rather than the first write
public class FieldCipher {

    /** The built-in development and test key's id, and the key (base64); refused in production. */
    public static final String DEV_KEY_ID = "dev";

    static final String DEV_KEY = "ZGV2LXRlc3Qtb25seS1rZXktbm90LWEtc2VjcmV0ISE=";
    /** Values from this size on are deflated before they are sealed (see {@link #encrypt}). */
    public static final int DEFLATE_FROM_BYTES = 4096;

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String DEFLATED = "z:";

    private final String domain;
    private final String currentKey;
    private final Map<String, SecretKey> keys;
    /**
     * One cipher and one random source per thread, initialised again for every value (GCM wants a fresh nonce each
     * time anyway): {@code Cipher.getInstance} looks the provider up on every call, and one shared SecureRandom
     * serialises every encrypting thread on its lock; together about 8 % of a request's intake (JFR).
     */
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available", e);
        }
    });

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);

    @Inject
    public FieldCipher(
            CipherConfig config,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> databasePassword) {
        this(
                config.domain(),
                config.currentKey(),
                config.keys(),
                LaunchMode.current() == LaunchMode.NORMAL,
                databasePassword);
    }

    /**
     * @param production a packaged service: no built-in key, and development keys refused
     */
    public FieldCipher(
            Optional<String> domain,
            Optional<String> currentKey,
            Map<String, String> configured,
            boolean production,
            Optional<String> databasePassword) {
        if (domain.isEmpty()) {
            if (!configured.isEmpty() || currentKey.isPresent()) {
                throw new IllegalStateException("mamori.cipher.keys are set but mamori.cipher.domain is not: name the "
                        + "service's cipher domain (e.g. mamori-request), once and for good");
            }
            // This service stores nothing encrypted.
            this.domain = null;
            this.currentKey = null;
            this.keys = Map.of();
            return;
        }
        if (!DOMAIN.matcher(domain.get()).matches()) {
            throw new IllegalStateException("mamori.cipher.domain must match " + DOMAIN + ": " + domain.get());
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        configured.forEach((id, value) -> keys.put(id, key(id, value, production, databasePassword)));
        if (!production && !keys.containsKey(DEV_KEY_ID)) {
            keys.put(DEV_KEY_ID, new SecretKeySpec(Base64.getDecoder().decode(DEV_KEY), "AES"));
        }
        String current = currentKey.orElse(production ? null : DEV_KEY_ID);
        if (current == null) {
            throw new IllegalStateException("mamori.cipher.current-key is not set: name the key new values are sealed "
                    + "with, and give it as mamori.cipher.keys.<id> (base64 of 32 random bytes)");
        }
        if (!keys.containsKey(current)) {
            throw new IllegalStateException("mamori.cipher.current-key is " + current + " but mamori.cipher.keys."
                    + current + " is not set (base64 of 32 random bytes)");
        }
        this.domain = domain.get();
        this.currentKey = current;
        this.keys = Map.copyOf(keys);
    }

    private static SecretKey key(String id, String value, boolean production, Optional<String> databasePassword) {
        String name = "mamori.cipher.keys." + id;
        if (!KEY_ID.matcher(id).matches()) {
            throw new IllegalStateException(name + ": a key id is 1-32 letters, digits, - or _");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " is not base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException(name + " must be 32 bytes (AES-256), not " + raw.length);
        }
        if (production && MessageDigest.isEqual(raw, Base64.getDecoder().decode(DEV_KEY))) {
            throw new IllegalStateException(
                    name + " is the development key published in this repository: a packaged "
                            + "service refuses it. Set it to base64 of 32 random bytes (openssl rand -base64 32) from a Secret");
        }
        if (production && databasePassword.isPresent() && derivedFrom(raw, value.trim(), databasePassword.get())) {
            throw new IllegalStateException(name + " is derived from the database password, so whoever can read the "
                    + "database's login can decrypt what it protects: a packaged service refuses it. Set it to base64 "
                    + "of 32 random bytes (openssl rand -base64 32) from a Secret");
        }
        return new SecretKeySpec(raw, "AES");
    }

    /** The password itself, its SHA-256, or the SHA-256 earlier versions derived their development key with. */
    static boolean derivedFrom(byte[] key, String base64, String password) {
        if (password.isEmpty()) {
            return false;
        }
        byte[] plain = password.getBytes(StandardCharsets.UTF_8);
        return base64.equals(password)
                || MessageDigest.isEqual(key, plain)
                || MessageDigest.isEqual(key, sha256(plain))
                || MessageDigest.isEqual(
                        key, sha256(("mamori-retention-secret-box:" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** The id of the key new values are sealed with. */
    public String currentKey() {
        return configured().currentKey;
    }

    /**
     * Encrypts {@code plaintext} for the place named by {@code context}; null stays null. Large values (a target's
     * answer, a disclosure package: megabytes of JSON) are deflated first and marked {@code z:}: the cipher then has
     * a fraction of the bytes to process, and the database a fraction to store. The mark is covered by the associated
     * data, so it cannot be flipped unnoticed. Short values (contact details, names, secrets) are never compressed,
     * so their ciphertext length says no more than their length.
     */
    public String encrypt(String plaintext, String context) {
        if (plaintext == null) {
            return null;
        }
        configured();
        try {
            byte[] plain = plaintext.getBytes(StandardCharsets.UTF_8);
            boolean deflated = plain.length >= DEFLATE_FROM_BYTES;
            if (deflated) {
                plain = deflate(plain);
            }
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.get().nextBytes(nonce);
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKey), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(context, deflated));
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
            return currentKey + ":" + (deflated ? DEFLATED : "")
                    + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt", e);
        }
    }

    /**
     * Decrypts a value written by {@link #encrypt} for the same context, with the key its id names; fails if it was
     * altered, moved, or sealed with a key that is not configured.
     */
    public String decrypt(String stored, String context) {
        if (stored == null) {
            return null;
        }
        configured();
        int colon = stored.indexOf(':');
        SecretKey key = colon < 0 ? null : keys.get(stored.substring(0, colon));
        if (key == null) {
            String id = colon < 0 ? "?" : stored.substring(0, colon);
            throw new IllegalStateException("Ciphertext was written with key '" + id + "', which is not configured "
                    + "(mamori.cipher.keys." + id + ")");
        }
        try {
            String body = stored.substring(colon + 1);
            boolean deflated = body.startsWith(DEFLATED);
            byte[] plain = open(
                    key,
                    Base64.getDecoder().decode(deflated ? body.substring(DEFLATED.length()) : body),
                    aad(context, deflated));
            return new String(deflated ? inflate(plain) : plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException | DataFormatException e) {
            throw new IllegalStateException("Ciphertext does not decrypt for " + context, e);
        }
    }

    /**
     * Opens a value sealed by an earlier version without associated data ({@code base64(nonce || ciphertext || tag)}
     * under the key {@code keyId}), so that it can be read and sealed again in the current form. Never used to seal.
     */
    public String decryptUnbound(String keyId, String base64) {
        configured();
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("Key '" + keyId + "' is not configured (mamori.cipher.keys." + keyId + ")");
        }
        try {
            return new String(open(key, Base64.getDecoder().decode(base64), null), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Ciphertext does not decrypt with key " + keyId, e);
        }
    }

    private static byte[] open(SecretKey key, byte[] in, byte[] aad) throws GeneralSecurityException {
        if (in.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new GeneralSecurityException("too short to be a sealed value");
        }
        Cipher cipher = CIPHER.get();
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
        if (aad != null) {
            cipher.updateAAD(aad);
        }
        return cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
    }

    private FieldCipher configured() {
        if (domain == null) {
            throw new IllegalStateException("No field cipher is configured: set mamori.cipher.domain and "
                    + "mamori.cipher.keys.<id> / mamori.cipher.current-key");
        }
        return this;
    }

    /** Values written before compression existed (no mark) keep exactly the associated data they were sealed with. */
    private byte[] aad(String context, boolean deflated) {
        return (domain + "/v1/" + context + (deflated ? "#deflate" : "")).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(byte[] in) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(in);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
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
