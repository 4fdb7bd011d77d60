package dev.mamori.retention.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.platform.subject.SubjectRef;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/**
 * The quick character check of a batch row against the validator it stands in for: whenever it vouches for a row,
 * the annotations must find nothing wrong, or a bad row would be registered.
 */
class HoldingDraftTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();

    private static final String AT = "2026-01-01T10:15:00+09:00";
    private static final HoldingDraft GOOD = new HoldingDraft(
            "cust-000123", "call-recording", "ivr-recorder", AT, "recordings/2026/01/01/call-8812.wav", "acme-2026");

    /** Values that are valid, invalid, or on an edge for at least one of the patterns. */
    private static final List<String> SAMPLES = List.of(
            "",
            " ",
            "\t",
            "\u3000",
            "\u2003",
            "\u00a0",
            "\u0085",
            "a",
            "A",
            "0",
            "-a",
            "a-",
            "_a",
            ".a",
            "a.b",
            "a_b",
            "a:b",
            "a@b",
            "a+b",
            "a=b",
            "a~b",
            "a/b",
            "a b",
            "aé",
            "é",
            "録音",
            "ａ",
            "a\u0000",
            "a\n",
            "x".repeat(63),
            "x".repeat(64),
            "x".repeat(65),
            "x".repeat(127),
            "x".repeat(128),
            "x".repeat(129),
            "y".repeat(400),
            "y".repeat(401),
            " y ",
            "\u3000録",
            AT);

    private static boolean validatorAccepts(HoldingDraft d) {
        return VALIDATOR.validate(d).isEmpty();
    }

    @Test
    void shouldVouchOnlyForRowsTheValidatorAccepts() {
        List<HoldingDraft> drafts = new ArrayList<>();
        drafts.add(GOOD);
        drafts.add(new HoldingDraft(
                GOOD.subjectRef(), GOOD.categoryCode(), GOOD.owningSystem(), AT, GOOD.locator(), null));
        for (String v : SAMPLES) {
            drafts.add(new HoldingDraft(v, GOOD.categoryCode(), GOOD.owningSystem(), AT, GOOD.locator(), null));
            drafts.add(new HoldingDraft(GOOD.subjectRef(), v, GOOD.owningSystem(), AT, GOOD.locator(), null));
            drafts.add(new HoldingDraft(GOOD.subjectRef(), GOOD.categoryCode(), v, AT, GOOD.locator(), null));
            drafts.add(new HoldingDraft(
                    GOOD.subjectRef(), GOOD.categoryCode(), GOOD.owningSystem(), v, GOOD.locator(), null));
            drafts.add(new HoldingDraft(GOOD.subjectRef(), GOOD.categoryCode(), GOOD.owningSystem(), AT, v, null));
            drafts.add(new HoldingDraft(
                    GOOD.subjectRef(), GOOD.categoryCode(), GOOD.owningSystem(), AT, GOOD.locator(), v));
        }
        drafts.add(new HoldingDraft(null, GOOD.categoryCode(), GOOD.owningSystem(), AT, GOOD.locator(), null));
        drafts.add(new HoldingDraft(GOOD.subjectRef(), null, GOOD.owningSystem(), AT, GOOD.locator(), null));
        drafts.add(new HoldingDraft(GOOD.subjectRef(), GOOD.categoryCode(), null, AT, GOOD.locator(), null));
        drafts.add(new HoldingDraft(
                GOOD.subjectRef(), GOOD.categoryCode(), GOOD.owningSystem(), null, GOOD.locator(), null));
        drafts.add(new HoldingDraft(GOOD.subjectRef(), GOOD.categoryCode(), GOOD.owningSystem(), AT, null, null));
        int vouched = 0;
        for (HoldingDraft d : drafts) {
            if (d.plainlyValid()) {
                vouched++;
                assertTrue(validatorAccepts(d), () -> "vouched for a row the validator refuses: " + d);
            }
        }
        // It is a fast path, not a refusal: the ordinary rows of a batch take it.
        assertTrue(vouched > drafts.size() / 3, "vouched for " + vouched + " of " + drafts.size());
    }

    @Test
    void shouldTakeTheFastPathForOrdinaryRowsIncludingJapaneseLocators() {
        assertTrue(GOOD.plainlyValid());
        assertTrue(
                new HoldingDraft("Cust.1_a:b@c+d=e~f-2", "c-1_x", "ivr.rec_1-a", AT, "問い合わせ履歴/1", null).plainlyValid());
        assertTrue(
                new HoldingDraft("x".repeat(128), "c".repeat(64), "s".repeat(64), AT, "録".repeat(400), "R".repeat(64))
                        .plainlyValid());
        assertFalse(new HoldingDraft("x".repeat(129), "c", "s", AT, "l", null).plainlyValid());
        assertFalse(new HoldingDraft("x", "C", "s", AT, "l", null).plainlyValid());
        assertFalse(new HoldingDraft("x", "c", "s", AT, "\u3000", null).plainlyValid());
        assertEquals(
                1,
                VALIDATOR
                        .validate(new HoldingDraft("x", "c", "s", AT, "l".repeat(401), null))
                        .size());
    }

    /** Edge cases of the ref rule: scripts, marks, the extra characters, surrogates, lengths in code points. */
    private static final List<String> REF_EDGES = List.of(
            "",
            "a",
            "顧客-001",
            "顧客・001",
            "ー001",
            "・a",
            "a・ー",
            "カ\u3099",
            "\u3099a",
            "a\u0301",
            "é",
            "e\u0301",
            "Ω",
            "١٢٣",
            "Ⅻ",
            "½",
            "²",
            "ａ",
            "Ａ０",
            "a\u3000b",
            "a b",
            "a/b",
            "a%20",
            "a{b",
            "a|b",
            "a^b",
            "a\\b",
            "a?b",
            "a#b",
            "a\u0000",
            "\u0000",
            "a\n",
            "-a",
            ".a",
            "_a",
            ":a",
            "@a",
            "+a",
            "=a",
            "~a",
            "a._:@+=~-",
            "\ud842\udfb7",
            "a\ud842\udfb7",
            "a\ud842",
            "\udfb7a",
            "a\udfb7",
            "\ud83d\ude00",
            "a\ud83d\ude00",
            "\ud835\udfce",
            "a\u200b",
            "a\u200d",
            "a\ufeff",
            "a\u00ad",
            "a\uffff",
            "a\ufffd",
            "a\u2028",
            "\u00aa",
            "\u02b0",
            "a\u0488",
            "a\u0903",
            "x".repeat(127),
            "x".repeat(128),
            "x".repeat(129),
            "顧".repeat(128),
            "顧".repeat(129),
            "\ud842\udfb7".repeat(128),
            "\ud842\udfb7".repeat(129),
            "a" + "\u0301".repeat(127),
            "a" + "\u0301".repeat(128));

    @Test
    void shouldCheckSubjectRefsExactlyAsTheSuitesRule() {
        for (String ref : REF_EDGES) {
            assertEquals(SubjectRef.isValid(ref), HoldingDraft.isSubjectRef(ref), () -> "differs on " + escaped(ref));
        }
        assertTrue(HoldingDraft.isSubjectRef("顧客-001"));
        assertFalse(HoldingDraft.isSubjectRef(null));
        // Random strings from pools that mix what the rule allows with what it refuses, at every length near 128.
        int[][] pools = {
            {'a', 'z'},
            {'A', 'Z'},
            {'0', '9'},
            {0, 0x7f},
            {0x80, 0x2ff},
            {0x300, 0x36f},
            {0x3000, 0x30ff},
            {0x4e00, 0x4fff},
            {0xd800, 0xdfff},
            {0xfe00, 0xffff},
            {0x10000, 0x1ffff},
            {0x20000, 0x2ffff},
            {0xe0000, 0x10ffff}
        };
        String extra = "._:@+=~-・ー /%{|^\\";
        Random random = new Random(20260202);
        int accepted = 0;
        for (int n = 0; n < 200_000; n++) {
            int length = random.nextInt(10) == 0 ? 120 + random.nextInt(12) : random.nextInt(12);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < length; i++) {
                if (random.nextInt(6) == 0) {
                    b.append(extra.charAt(random.nextInt(extra.length())));
                } else {
                    int[] pool = pools[random.nextInt(random.nextInt(4) == 0 ? pools.length : 3)];
                    b.appendCodePoint(pool[0] + random.nextInt(pool[1] - pool[0] + 1));
                }
            }
            String ref = b.toString();
            boolean valid = SubjectRef.isValid(ref);
            assertEquals(valid, HoldingDraft.isSubjectRef(ref), () -> "differs on " + escaped(ref));
            accepted += valid ? 1 : 0;
        }
        // Both answers occur often, so the comparison above means something either way.
        assertTrue(accepted > 20_000 && accepted < 180_000, "accepted " + accepted);
    }

    private static String escaped(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().forEach(c -> b.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return b.toString();
    }
}
