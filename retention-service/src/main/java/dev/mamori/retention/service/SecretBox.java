package dev.mamori.retention.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Encrypts owning systems' HMAC secrets at rest (AES-256-GCM, random 96-bit nonce, stored as
 * {@code v1:<base64 nonce||ciphertext>}) and signs erasure calls with them (APPI Art. 23: technical security
 * measures). The key comes from {@code mamori.retention.secret-key}; see {@link RetentionConfig#secretKey()}.
 */
@Singleton
@Startup // created at start, so that a missing key stops the start rather than the first registration
public class SecretBox {

    private static final String PREFIX = "v1:";
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public SecretBox(RetentionConfig config) {
        byte[] raw = config.secretKey().filter(k -> !k.isBlank()).map(k -> Base64.getDecoder().decode(k.trim()))
                .orElseGet(() -> {
                    // A key derived from the database password sits next to the data it protects: a packaged
                    // service refuses it and stops at start (APPI Art. 23, security control measures); only dev and
                    // test derive one.
                    if (LaunchMode.current() == LaunchMode.NORMAL) {
                        throw new IllegalStateException("MAMORI_RETENTION_SECRET_KEY is not set: base64 of 32 random "
                                + "bytes (mamori.retention.secret-key), the key of owning systems' secrets at rest");
                    }
                    return derivedKey();
                });
        if (raw.length != 32) {
            throw new IllegalStateException("mamori.retention.secret-key must be 32 bytes, base64-encoded");
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    private static byte[] derivedKey() {
        String password = ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.password", String.class)
                .orElse("");
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(("mamori-retention-secret-box:" + password).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String seal(String secret) {
        try {
            byte[] nonce = new byte[12];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt secret", e);
        }
    }

    public String open(String sealed) {
        try {
            byte[] in = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
            return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot decrypt secret (was the key changed?)", e);
        }
    }
}
