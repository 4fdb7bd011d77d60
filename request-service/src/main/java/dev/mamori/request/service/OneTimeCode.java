package dev.mamori.request.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one-time code that proves an online filing's requester reads the mailbox they gave: six digits, valid for
 * {@link #VALID_FOR}, {@link #TRIES} wrong tries. Only an HMAC-SHA-256 of the code under a random per-filing salt is
 * stored, and a presented code is compared in constant time. A pure rule: the caller stores the state and the clock.
 */
public final class OneTimeCode {

    public static final Duration VALID_FOR = Duration.ofMinutes(10);
    public static final int TRIES = 5;
    /** Codes sent for one filing at most (the first and four resends): the form cannot be used to flood a mailbox. */
    public static final int MAX_SENDS = 5;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SALT_BYTES = 32;

    /** A fresh code as mailed, and what is stored of it. */
    public record Issued(String code, byte[] salt, byte[] hash, OffsetDateTime expiresAt) {}

    /** What a try comes to. {@code attemptsLeft} is the count after this try. */
    public sealed interface Outcome {}

    public record Confirmed() implements Outcome {}

    public record Wrong(int attemptsLeft) implements Outcome {}

    public record Expired() implements Outcome {}

    public record Exhausted() implements Outcome {}

    private OneTimeCode() {}

    public static Issued issue(OffsetDateTime now) {
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new Issued(code, salt, hash(salt, code), now.plus(VALID_FOR));
    }

    /**
     * Judges a presented code against the stored state. Tries exhausted wins over expiry (the filing is spent either
     * way), and a correct code after expiry is still expired.
     */
    public static Outcome check(
            String presented,
            byte[] salt,
            byte[] storedHash,
            OffsetDateTime expiresAt,
            int attemptsLeft,
            OffsetDateTime now) {
        if (attemptsLeft <= 0) {
            return new Exhausted();
        }
        if (!now.isBefore(expiresAt)) {
            return new Expired();
        }
        if (presented != null && MessageDigest.isEqual(hash(salt, presented), storedHash)) {
            return new Confirmed();
        }
        return new Wrong(attemptsLeft - 1);
    }

    /** The stored form of {@code code} under {@code salt}. */
    public static byte[] hash(byte[] salt, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            return mac.doFinal(code.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
