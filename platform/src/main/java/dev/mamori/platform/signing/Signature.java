package dev.mamori.platform.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one signature Mamori puts on what it sends to other systems (status callbacks and corrections to client
 * systems, erasure requests to owning systems): HMAC-SHA256 under the shared secret over
 * {@code <timestamp>.<raw body>}, where the timestamp is the Unix time in seconds sent in {@value #TIMESTAMP_HEADER},
 * and the signature is {@code sha256=<lower-case hex>} in {@value #SIGNATURE_HEADER}. Signing the time with the body
 * lets a receiver refuse a captured request replayed later ({@link SignatureVerifier}); the receiver verifies over
 * the bytes it received, before parsing them.
 */
public final class Signature {

    public static final String SIGNATURE_HEADER = "X-Mamori-Signature";
    public static final String TIMESTAMP_HEADER = "X-Mamori-Timestamp";
    static final String SCHEME = "sha256=";

    private Signature() {}

    /** {@code sha256=<hex of HMAC-SHA256(secret, timestamp + "." + body)>}. */
    public static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return SCHEME + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign", e);
        }
    }
}
