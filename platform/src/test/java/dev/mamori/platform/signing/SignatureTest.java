package dev.mamori.platform.signing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SignatureTest {

    private static final String SECRET = "whsec-test-0123456789";
    private static final long NOW = 1_790_000_000L;
    private static final byte[] BODY = "{\"event\":\"RECEIVED\",\"name\":\"山田\"}".getBytes(StandardCharsets.UTF_8);

    private final SignatureVerifier verifier =
            new SignatureVerifier(Duration.ofMinutes(5), Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

    @Test
    void shouldBeHmacSha256OfTimestampDotBodyAsAReceiverComputesIt() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((NOW + ".").getBytes(StandardCharsets.US_ASCII));
        assertEquals("sha256=" + HexFormat.of().formatHex(mac.doFinal(BODY)), Signature.sign(SECRET, NOW, BODY));
    }

    @Test
    void shouldAcceptAFreshRequestSignedWithTheSecret() {
        assertDoesNotThrow(
                () -> verifier.verify(SECRET, Long.toString(NOW - 299), Signature.sign(SECRET, NOW - 299, BODY), BODY));
        assertDoesNotThrow(
                () -> verifier.verify(SECRET, Long.toString(NOW + 60), Signature.sign(SECRET, NOW + 60, BODY), BODY),
                "a sender's clock a minute ahead is within the window");
    }

    @Test
    void shouldRefuseATamperedBodyAnotherSecretAndAMovedTimestamp() {
        String signature = Signature.sign(SECRET, NOW, BODY);
        byte[] tampered = "{\"event\":\"RECEIVED\",\"name\":\"山本\"}".getBytes(StandardCharsets.UTF_8);
        assertRefused(() -> verifier.verify(SECRET, Long.toString(NOW), signature, tampered), "does not match");
        assertRefused(() -> verifier.verify("another-secret", Long.toString(NOW), signature, BODY), "does not match");
        // The timestamp is signed: a replayer cannot freshen it.
        assertRefused(() -> verifier.verify(SECRET, Long.toString(NOW + 1), signature, BODY), "does not match");
    }

    @Test
    void shouldRefuseARequestReplayedAfterTheWindowOrDatedTooFarAhead() {
        long old = NOW - 301;
        assertRefused(
                () -> verifier.verify(SECRET, Long.toString(old), Signature.sign(SECRET, old, BODY), BODY),
                "replay window");
        long ahead = NOW + 301;
        assertRefused(
                () -> verifier.verify(SECRET, Long.toString(ahead), Signature.sign(SECRET, ahead, BODY), BODY),
                "replay window");
    }

    @Test
    void shouldRefuseMissingOrMalformedHeaders() {
        String signature = Signature.sign(SECRET, NOW, BODY);
        assertRefused(() -> verifier.verify(SECRET, null, signature, BODY), "Unix time");
        assertRefused(() -> verifier.verify(SECRET, "2026-11-22T10:00:00Z", signature, BODY), "Unix time");
        assertRefused(() -> verifier.verify(SECRET, "0" + NOW, signature, BODY), "Unix time");
        assertRefused(() -> verifier.verify(SECRET, Long.toString(NOW), null, BODY), "sha256=");
        assertRefused(() -> verifier.verify(SECRET, Long.toString(NOW), signature.substring(7), BODY), "sha256=");
        assertDoesNotThrow(
                () -> verifier.verify(
                        SECRET, Long.toString(NOW), signature.toUpperCase().replace("SHA256=", "sha256="), BODY),
                "hex in either case");
    }

    private static void assertRefused(org.junit.jupiter.api.function.Executable check, String why) {
        SignatureVerifier.Refused refused = assertThrows(SignatureVerifier.Refused.class, check);
        assertTrue(refused.getMessage().contains(why), refused.getMessage());
    }
}
