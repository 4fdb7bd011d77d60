package dev.mamori.platform.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Audit hashes must not change with the writer: the shortcut has to give Jackson's bytes or step aside. */
class CanonicalJsonTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();
    private static final String ALPHABET = "abcXYZ019 -_:/.@+%&=?#~'`<>{}[]()!*^$|;,"
            + "山田太郎株式会社さくら保険サービス通話録音ｱｲｳ\u00e9\u00df\u2028\u3000\u007f\u0000\u0001\n\t\r\b\f\"\\"
            + "\ud83d\ude00\ud800";

    @Test
    void shouldWriteJacksonsBytesForAnAuditLineOrStepAside() throws Exception {
        Random random = new Random(15001);
        int fast = 0;
        for (int n = 0; n < 20_000; n++) {
            Object[] values = {
                text(random, n),
                (long) random.nextInt(1_000_000),
                "2026-11-22T23:46:22.123456Z",
                text(random, n),
                random.nextBoolean() ? null : text(random, n),
                "USE_DECISION",
                "purpose",
                random.nextBoolean() ? null : text(random, n),
                text(random, n),
                "SUCCESS",
                "0".repeat(64)
            };
            byte[] ours = CanonicalJson.array(values);
            if (ours != null) {
                fast++;
                assertArrayEquals(JACKSON.writeValueAsBytes(Arrays.asList(values)), ours, Arrays.toString(values));
            } else {
                assertEquals(
                        false, Arrays.stream(values).allMatch(v -> !(v instanceof String s) || CanonicalJson.plain(s)));
            }
        }
        // Most lines take the shortcut, otherwise it would not be worth having.
        assertEquals(true, fast > 5_000, "fast path taken " + fast + " times");
    }

    @Test
    void shouldWriteJacksonsBytesForAReadEventsArraysOrStepAside() throws Exception {
        Random random = new Random(27);
        int fast = 0;
        for (int n = 0; n < 5_000; n++) {
            int reads = 1 + random.nextInt(20);
            String[] subjects = new String[reads];
            String[] resources = new String[reads];
            long[] micros = new long[reads];
            for (int i = 0; i < reads; i++) {
                subjects[i] = text(random, n);
                resources[i] = random.nextInt(10) == 0 ? null : text(random, n);
                micros[i] = 1_763_870_000_000_000L + random.nextInt(Integer.MAX_VALUE);
            }
            Object[] values = {
                "tenant-a",
                (long) n,
                "2026-11-22T23:46:22.123456Z",
                "service-account-a",
                "client",
                "USE_DECISION",
                "purpose",
                null,
                null,
                "SUCCESS",
                "0".repeat(64),
                subjects,
                resources,
                micros
            };
            byte[] ours = CanonicalJson.array(values);
            if (ours != null) {
                fast++;
                assertArrayEquals(JACKSON.writeValueAsBytes(Arrays.asList(values)), ours, Arrays.deepToString(values));
            } else {
                boolean allPlain = Arrays.stream(subjects).allMatch(CanonicalJson::plain)
                        && Arrays.stream(resources).allMatch(r -> r == null || CanonicalJson.plain(r));
                assertEquals(false, allPlain, Arrays.deepToString(values));
            }
        }
        assertEquals(true, fast > 1_000, "fast path taken " + fast + " times");
    }

    @Test
    void shouldTakeTheShortcutForTypicalLinesAndNotForEscapes() {
        assertNotNull(CanonicalJson.array(
                "tenant-a",
                1L,
                "2026-01-01T00:00Z",
                "山田 花子",
                null,
                "CONSENT_GIVEN",
                "consent",
                "7d0e",
                "cust-0001",
                "SUCCESS",
                "00"));
        assertNull(CanonicalJson.array("tenant-a", 1L, "line\nbreak"));
        assertNull(CanonicalJson.array("quote\"d"));
        assertNull(CanonicalJson.array("emoji \ud83d\ude00"));
    }

    private static String text(Random random, int n) {
        int length = random.nextInt(24);
        List<Character> chars = new ArrayList<>();
        // Half the strings stay within plain text, as real audit lines do.
        int limit = n % 2 == 0 ? ALPHABET.indexOf('\u007f') : ALPHABET.length();
        for (int i = 0; i < length; i++) {
            chars.add(ALPHABET.charAt(random.nextInt(limit)));
        }
        StringBuilder s = new StringBuilder();
        chars.forEach(s::append);
        return s.toString();
    }
}
