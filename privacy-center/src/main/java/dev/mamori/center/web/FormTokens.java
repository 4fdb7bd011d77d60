package dev.mamori.center.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Form tokens against cross-site request forgery for pages without a sign-in session (double submit, signed): the
 * browser holds a random nonce in a SameSite=Strict, HttpOnly cookie, and each form carries
 * {@code expiry.HMAC(tenant, form, expiry, nonce)}. A POST is acted on only if the token matches the cookie sent
 * with it, the page's tenant and form, and has not expired. Another site can neither read the token nor make the
 * browser send the cookie; nothing is stored on the server.
 */
public final class FormTokens {

    public static final String FIELD = "_csrf";
    public static final String COOKIE = "mamori-form";

    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final Pattern TOKEN = Pattern.compile("([0-9]{1,12})\\.([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public FormTokens(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("A form key needs at least 16 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** A fresh random key (for a start without a configured one). */
    public static byte[] randomKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    public static String newNonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether a cookie's value is a nonce this class could have drawn. */
    public static boolean isNonce(String value) {
        return value != null && NONCE.matcher(value).matches();
    }

    public String issue(String tenant, String form, String nonce, Instant expiry) {
        long seconds = expiry.getEpochSecond();
        return seconds + "." + mac(tenant, form, seconds, nonce);
    }

    public boolean valid(String tenant, String form, String nonce, String token, Instant now) {
        if (!isNonce(nonce) || token == null) {
            return false;
        }
        var m = TOKEN.matcher(token);
        if (!m.matches()) {
            return false;
        }
        long seconds = Long.parseLong(m.group(1));
        if (now.getEpochSecond() >= seconds) {
            return false;
        }
        return MessageDigest.isEqual(
                mac(tenant, form, seconds, nonce).getBytes(StandardCharsets.US_ASCII),
                m.group(2).getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(String tenant, String form, long expiry, String nonce) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            // Newline-separated: none of the parts can hold one (tenant ids, form names, digits, base64url).
            String signed = tenant + "\n" + form + "\n" + expiry + "\n" + nonce;
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
