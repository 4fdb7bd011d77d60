package dev.mamori.center.service;

import dev.mamori.center.web.CenterConfig;
import dev.mamori.center.web.Refused;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The privacy center's limits on what one client address or one e-mail address may send: each filing and each fresh
 * code mails someone, each code entry and status look-up is a guess. Counted before the service is called; over a
 * limit the reader gets a 429 page and nothing is sent. In memory per replica (docs/architecture.md).
 */
@ApplicationScoped
public class AbuseLimits {

    private final RateLimiter filingsPerEmail;
    private final RateLimiter filingsPerAddress;
    private final RateLimiter codeTriesPerAddress;
    private final RateLimiter lookupsPerAddress;
    private final RateLimiter deliveryCodesPerLink;
    private final RateLimiter codeTriesPerLink;
    private final RateLimiter downloadsPerAddress;
    private final RateLimiter uploadsPerAddress;
    private final RateLimiter uploadsPerReceipt;

    public AbuseLimits(CenterConfig config) {
        CenterConfig.Limits l = config.limits();
        Clock clock = Clock.systemUTC();
        this.filingsPerEmail = new RateLimiter(l.filingsPerEmail(), l.filingWindow(), l.maxKeys(), clock);
        this.filingsPerAddress = new RateLimiter(l.filingsPerAddress(), l.filingWindow(), l.maxKeys(), clock);
        this.codeTriesPerAddress = new RateLimiter(l.codeTriesPerAddress(), l.codeWindow(), l.maxKeys(), clock);
        this.lookupsPerAddress = new RateLimiter(l.lookupsPerAddress(), l.lookupWindow(), l.maxKeys(), clock);
        this.deliveryCodesPerLink = new RateLimiter(l.deliveryCodesPerLink(), l.filingWindow(), l.maxKeys(), clock);
        this.codeTriesPerLink = new RateLimiter(l.codeTriesPerLink(), l.codeWindow(), l.maxKeys(), clock);
        this.downloadsPerAddress = new RateLimiter(l.downloadsPerAddress(), l.downloadWindow(), l.maxKeys(), clock);
        this.uploadsPerAddress = new RateLimiter(l.uploadsPerAddress(), l.filingWindow(), l.maxKeys(), clock);
        this.uploadsPerReceipt = new RateLimiter(l.uploadsPerReceipt(), l.filingWindow(), l.maxKeys(), clock);
    }

    /** A filing: counted for the client address and the requester's e-mail address (where the code goes). */
    public void filing(String address, String email, String back) {
        over(filingsPerAddress.acquire(address), back);
        over(filingsPerEmail.acquire(email.strip().toLowerCase(Locale.ROOT)), back);
    }

    /** A fresh code mails the requester again: counted with the filings of the address. */
    public void freshCode(String address, String back) {
        over(filingsPerAddress.acquire(address), back);
    }

    public void codeTry(String address, String back) {
        over(codeTriesPerAddress.acquire(address), back);
    }

    public void lookup(String address, String back) {
        over(lookupsPerAddress.acquire(address), back);
    }

    /**
     * A code for a delivery link mails the requester: counted with the filings of the address and for the link (kept
     * as a hash: the limiter's memory holds no link that would open a result).
     */
    public void deliveryCode(String address, String token, String back) {
        over(filingsPerAddress.acquire(address), back);
        over(deliveryCodesPerLink.acquire(hash(token)), back);
    }

    /** A code entry for a delivery link: a guess, counted for the address and the link. */
    public void deliveryCodeTry(String address, String token, String back) {
        over(codeTriesPerAddress.acquire(address), back);
        over(codeTriesPerLink.acquire(hash(token)), back);
    }

    public void download(String address, String back) {
        over(downloadsPerAddress.acquire(address), back);
    }

    /** An upload: counted for the address and the receipt number (each forwarded copy is up to a few megabytes). */
    public void upload(String address, String receiptNumber, String back) {
        over(uploadsPerAddress.acquire(address), back);
        over(uploadsPerReceipt.acquire(receiptNumber.strip().toUpperCase(Locale.ROOT)), back);
    }

    private static String hash(String token) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static void over(Optional<Duration> wait, String back) {
        if (wait.isPresent()) {
            throw new TooMany(wait.get(), back);
        }
    }

    /** Over a limit: 429, and how long until the next post would be counted. */
    public static final class TooMany extends Refused {
        private final Duration retryAfter;

        TooMany(Duration retryAfter, String back) {
            super(429, "error.too-many", back);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }
}
