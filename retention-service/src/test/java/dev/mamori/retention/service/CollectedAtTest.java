package dev.mamori.retention.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The quick reading of collectedAt against the formatter it stands in for: same instant and offset, or no answer. */
class CollectedAtTest {

    /** The platform's reading of a date-time (StrictJson): strict, so 29 February of a common year is refused. */
    private static final DateTimeFormatter FORMATTER =
            DateTimeFormatter.ISO_OFFSET_DATE_TIME.withResolverStyle(ResolverStyle.STRICT);

    private static final List<String> SAMPLES = List.of(
            "2026-01-01T10:15:00+09:00",
            "2026-01-01T10:15:00Z",
            "2026-01-01T10:15:00.1Z",
            "2026-01-01T10:15:00.123456+09:00",
            "2026-01-01T10:15:00.123456789-05:30",
            "2026-01-01T10:15:00.1234567891Z",
            "2026-01-01T10:15:00.Z",
            "2026-01-01T10:15:00-00:00",
            "2026-01-01T10:15:00+18:00",
            "2026-01-01T10:15:00+18:01",
            "2026-01-01T10:15:00+19:00",
            "2026-01-01T10:15:00+09:60",
            "2026-01-01t10:15:00z",
            "2026-01-01T10:15+09:00",
            "2026-01-01T10:15:00+0900",
            "2026-01-01T10:15:00+09",
            "2026-01-01T10:15:00",
            "2026-01-01 10:15:00+09:00",
            "2026-02-29T10:15:00+09:00",
            "2024-02-29T10:15:00+09:00",
            "2026-13-01T10:15:00+09:00",
            "2026-00-10T10:15:00+09:00",
            "2026-01-32T10:15:00+09:00",
            "2026-01-01T24:00:00+09:00",
            "2026-01-01T23:59:60+09:00",
            "2026-01-01T23:60:00+09:00",
            "0000-01-01T00:00:00Z",
            "+2026-01-01T10:15:00Z",
            "20260-01-01T10:15:00Z",
            "2026-1-01T10:15:00Z",
            "２０２６-01-01T10:15:00Z",
            "2026-01-01T10:15:00+09:00 ",
            " 2026-01-01T10:15:00+09:00",
            "last tuesday",
            "");

    @Test
    void shouldReadWhatTheFormatterReadsAndLeaveEverythingElseToIt() {
        for (String text : SAMPLES) {
            OffsetDateTime quick = HoldingService.quickRfc3339(text);
            OffsetDateTime slow;
            try {
                slow = OffsetDateTime.parse(text, FORMATTER);
            } catch (DateTimeParseException e) {
                slow = null;
            }
            if (quick != null) {
                assertEquals(slow, quick, text);
            }
        }
        assertNotNull(HoldingService.quickRfc3339("2026-01-01T10:15:00.123456+09:00"));
        assertNotNull(HoldingService.quickRfc3339("2026-01-01T10:15:00Z"));
        assertNull(HoldingService.quickRfc3339("2026-02-29T10:15:00+09:00"));
    }

    @Test
    void shouldKeepTheSameErrorsForWhatItCannotRead() {
        assertEquals(HoldingService.RFC_3339_MESSAGE, message("2026-01-32T10:15:00+09:00"));
        assertEquals(HoldingService.RFC_3339_MESSAGE, message("2026-01-01T10:15:00"));
        assertEquals("must be between the years 1900 and 2199", message("1899-12-31T23:59:59Z"));
    }

    @Test
    void shouldRefuseDaysThatDoNotExistRatherThanMoveThem() {
        // A lenient reading stored 30 February as the 28th: what is stored must be what was sent, or nothing.
        for (String text : List.of(
                "2026-02-29T10:15:00+09:00",
                "2026-02-30T10:15:00+09:00",
                "2026-04-31T00:00:00Z",
                "2026-02-30t10:15:00z",
                "2026-02-30T10:15:00.5+09:00")) {
            assertEquals(HoldingService.RFC_3339_MESSAGE, message(text), text);
        }
        assertEquals(
                OffsetDateTime.parse("2024-02-29T10:15:00+09:00"),
                HoldingService.parseCollectedAt("2024-02-29T10:15:00+09:00"));
    }

    @Test
    void shouldKeepToTheSuitesYearsInUtcAsThePlatformDoes() {
        assertEquals("must be between the years 1900 and 2199", message("1900-01-01T08:59:59+09:00"));
        assertEquals("must be between the years 1900 and 2199", message("2200-01-01T00:00:00Z"));
        assertEquals("must be between the years 1900 and 2199", message("2199-12-31T23:00:00-01:00"));
        assertEquals(
                OffsetDateTime.parse("1900-01-01T09:00:00+09:00"),
                HoldingService.parseCollectedAt("1900-01-01T09:00:00+09:00"));
        assertEquals(
                OffsetDateTime.parse("2199-12-31T23:59:59Z"), HoldingService.parseCollectedAt("2199-12-31T23:59:59Z"));
        // Blanks around the value are ignored, as the platform's reader ignores them.
        assertEquals(
                OffsetDateTime.parse("2026-01-01T10:15:00+09:00"),
                HoldingService.parseCollectedAt(" 2026-01-01T10:15:00+09:00 "));
        assertEquals(
                OffsetDateTime.parse("2026-01-01T01:15:00.123456Z").toInstant(),
                HoldingService.parseCollectedAt("2026-01-01t10:15:00.1234567+09:00")
                        .toInstant());
    }

    private static String message(String text) {
        try {
            HoldingService.parseCollectedAt(text);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
