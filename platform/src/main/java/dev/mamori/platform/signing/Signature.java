package dev.mamori.platform.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one signature Mamori puts on what it sends to other systems (status callbacks to client systems, erasure
 * requests to owning systems): HMAC-SHA256 over the raw body, as {@code sha256=<hex>} in {@value #HEADER}. The
 * receiver verifies it over the bytes it received, before parsing them.
 */
public final class Signature {

    public static final String HEADER = "X-Mamori-Signature";

    private Signature() {
    }

    /** {@code sha256=<lower-case hex of HMAC-SHA256(secret, body)>}. */
    public static String of(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign", e);
        }
    }
}
