package dev.mamori.center.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FormTokensTest {

    private final FormTokens tokens =
            new FormTokens("a key of at least sixteen bytes".getBytes(StandardCharsets.UTF_8));
    private final Instant now = Instant.parse("2026-12-02T08:00:00Z");
    private final Instant expiry = now.plusSeconds(7200);

    @Test
    void shouldAcceptTheTokenOfTheSameTenantFormAndNonceBeforeItExpires() {
        String nonce = FormTokens.newNonce();
        String token = tokens.issue("tenant-a", "filing", nonce, expiry);
        assertTrue(tokens.valid("tenant-a", "filing", nonce, token, now));
        assertTrue(tokens.valid("tenant-a", "filing", nonce, token, expiry.minusSeconds(1)));
    }

    @Test
    void shouldRefuseATokenForAnotherTenantFormOrNonce() {
        String nonce = FormTokens.newNonce();
        String token = tokens.issue("tenant-a", "filing", nonce, expiry);
        assertFalse(tokens.valid("tenant-b", "filing", nonce, token, now));
        assertFalse(tokens.valid("tenant-a", "status", nonce, token, now));
        assertFalse(tokens.valid("tenant-a", "filing", FormTokens.newNonce(), token, now));
    }

    @Test
    void shouldRefuseAnExpiredTokenAndOneWhoseExpiryWasMoved() {
        String nonce = FormTokens.newNonce();
        String token = tokens.issue("tenant-a", "filing", nonce, expiry);
        assertFalse(tokens.valid("tenant-a", "filing", nonce, token, expiry));
        String moved = (expiry.getEpochSecond() + 3600) + token.substring(token.indexOf('.'));
        assertFalse(tokens.valid("tenant-a", "filing", nonce, moved, expiry));
    }

    @Test
    void shouldRefuseAMissingOrMalformedTokenOrNonce() {
        String nonce = FormTokens.newNonce();
        assertFalse(tokens.valid("tenant-a", "filing", nonce, null, now));
        assertFalse(tokens.valid("tenant-a", "filing", nonce, "", now));
        assertFalse(tokens.valid("tenant-a", "filing", nonce, "x.y", now));
        String token = tokens.issue("tenant-a", "filing", nonce, expiry);
        assertFalse(tokens.valid("tenant-a", "filing", null, token, now));
        assertFalse(tokens.valid("tenant-a", "filing", "short", token, now));
    }

    @Test
    void shouldRefuseATokenSignedWithAnotherKey() {
        String nonce = FormTokens.newNonce();
        String token = new FormTokens(FormTokens.randomKey()).issue("tenant-a", "filing", nonce, expiry);
        assertFalse(tokens.valid("tenant-a", "filing", nonce, token, now));
    }

    @Test
    void shouldDrawADifferentNonceEachTimeAndRefuseAShortKey() {
        assertNotEquals(FormTokens.newNonce(), FormTokens.newNonce());
        assertTrue(FormTokens.isNonce(FormTokens.newNonce()));
        assertThrows(IllegalArgumentException.class, () -> new FormTokens(new byte[8]));
    }
}
