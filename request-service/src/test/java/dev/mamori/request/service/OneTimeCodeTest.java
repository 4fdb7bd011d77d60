package dev.mamori.request.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OneTimeCodeTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 4, 1, 10, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void shouldIssueSixDigitsValidForTenMinutesAndStoreOnlyASaltedHash() {
        OneTimeCode.Issued issued = OneTimeCode.issue(NOW);
        assertTrue(issued.code().matches("[0-9]{6}"), issued.code());
        assertEquals(NOW.plusMinutes(10), issued.expiresAt());
        assertEquals(32, issued.hash().length);
        assertFalse(new String(issued.hash(), java.nio.charset.StandardCharsets.ISO_8859_1).contains(issued.code()));
        // The same code under another salt hashes differently: a table of the million codes does not fit every filing.
        OneTimeCode.Issued other = OneTimeCode.issue(NOW);
        assertFalse(java.util.Arrays.equals(
                OneTimeCode.hash(issued.salt(), "123456"), OneTimeCode.hash(other.salt(), "123456")));
        assertArrayEquals(issued.hash(), OneTimeCode.hash(issued.salt(), issued.code()));
    }

    @Test
    void shouldDrawCodesAtRandom() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            seen.add(OneTimeCode.issue(NOW).code());
        }
        // 200 draws from a million: a repeated or fixed code would show as far fewer distinct values.
        assertTrue(seen.size() > 190, "distinct codes: " + seen.size());
    }

    @Test
    void shouldConfirmTheRightCodeBeforeItExpires() {
        OneTimeCode.Issued issued = OneTimeCode.issue(NOW);
        assertInstanceOf(
                OneTimeCode.Confirmed.class,
                OneTimeCode.check(
                        issued.code(), issued.salt(), issued.hash(), issued.expiresAt(), 5, NOW.plusMinutes(9)));
        assertInstanceOf(
                OneTimeCode.Confirmed.class,
                OneTimeCode.check(issued.code(), issued.salt(), issued.hash(), issued.expiresAt(), 1, NOW));
    }

    @Test
    void shouldCountAWrongCodeDown() {
        OneTimeCode.Issued issued = OneTimeCode.issue(NOW);
        String wrong = issued.code().equals("000000") ? "000001" : "000000";
        OneTimeCode.Outcome outcome =
                OneTimeCode.check(wrong, issued.salt(), issued.hash(), issued.expiresAt(), 5, NOW);
        assertEquals(new OneTimeCode.Wrong(4), outcome);
        assertEquals(
                new OneTimeCode.Wrong(0),
                OneTimeCode.check(wrong, issued.salt(), issued.hash(), issued.expiresAt(), 1, NOW));
    }

    @Test
    void shouldRefuseEvenTheRightCodeOnceExpired() {
        OneTimeCode.Issued issued = OneTimeCode.issue(NOW);
        assertInstanceOf(
                OneTimeCode.Expired.class,
                OneTimeCode.check(
                        issued.code(), issued.salt(), issued.hash(), issued.expiresAt(), 5, NOW.plusMinutes(10)));
        assertInstanceOf(
                OneTimeCode.Expired.class,
                OneTimeCode.check("999999", issued.salt(), issued.hash(), issued.expiresAt(), 5, NOW.plusHours(1)));
    }

    @Test
    void shouldRefuseEvenTheRightCodeOnceTheTriesAreSpent() {
        OneTimeCode.Issued issued = OneTimeCode.issue(NOW);
        assertInstanceOf(
                OneTimeCode.Exhausted.class,
                OneTimeCode.check(issued.code(), issued.salt(), issued.hash(), issued.expiresAt(), 0, NOW));
        // Spent and expired: the tries say why it ended.
        assertInstanceOf(
                OneTimeCode.Exhausted.class,
                OneTimeCode.check(issued.code(), issued.salt(), issued.hash(), issued.expiresAt(), 0, NOW.plusDays(1)));
    }
}
