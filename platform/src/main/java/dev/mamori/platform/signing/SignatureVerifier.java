package dev.mamori.platform.signing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks a request signed with {@link Signature}, as a receiver of Mamori's calls does (and the tests do): the
 * timestamp must lie within the replay window of the receiver's clock (5 minutes by default, either way, for clock
 * skew), and the signature must be the HMAC of that timestamp and the exact bytes received. A request captured and
 * sent again after the window is refused; within it, the receiver recognises a repeat by its delivery id
 * ({@code X-Mamori-Delivery} of a callback, {@code erasureRequestId} of an erasure request).
 */
public final class SignatureVerifier {

    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);
    private static final Pattern SECONDS = Pattern.compile("0|[1-9][0-9]{0,11}");

    /** Why a signed request is not accepted. */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private final Duration window;
    private final Clock clock;

    public SignatureVerifier(Duration window, Clock clock) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the replay window must be positive, not " + window);
        }
        this.window = window;
        this.clock = clock;
    }

    /** A verifier with the default window on the system clock. */
    public static SignatureVerifier withDefaultWindow() {
        return new SignatureVerifier(DEFAULT_WINDOW, Clock.systemUTC());
    }

    /**
     * Accepts the request or says why not.
     *
     * @param timestamp the {@value Signature#TIMESTAMP_HEADER} header as received
     * @param signature the {@value Signature#SIGNATURE_HEADER} header as received
     * @param body      the raw bytes received
     */
    public void verify(String secret, String timestamp, String signature, byte[] body) throws Refused {
        if (timestamp == null || !SECONDS.matcher(timestamp).matches()) {
            throw new Refused(Signature.TIMESTAMP_HEADER + " is missing or not a Unix time in seconds");
        }
        long seconds = Long.parseLong(timestamp);
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - seconds) > window.toSeconds()) {
            throw new Refused(Signature.TIMESTAMP_HEADER + " is " + Math.abs(now - seconds)
                    + " s from now, outside the " + window.toSeconds() + " s replay window");
        }
        if (signature == null || !signature.toLowerCase(Locale.ROOT).startsWith(Signature.SCHEME)) {
            throw new Refused(Signature.SIGNATURE_HEADER + " is missing or not sha256=<hex>");
        }
        String expected = Signature.sign(secret, seconds, body);
        // Compared in constant time, so the answer's timing does not tell how much of a forgery was right.
        if (!MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII),
                signature.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw new Refused(Signature.SIGNATURE_HEADER + " does not match the timestamp and body under the secret");
        }
    }
}
