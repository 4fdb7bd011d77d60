package dev.mamori.retention.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/**
 * The quick character check of a batch row against the validator it stands in for: whenever it vouches for a row,
 * the annotations must find nothing wrong, or a bad row would be registered.
 */
class HoldingDraftTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private static final String AT = "2026-01-01T10:15:00+09:00";
    private static final HoldingDraft GOOD = new HoldingDraft("cust-000123", "call-recording", "ivr-recorder", AT,
            "recordings/2026/01/01/call-8812.wav", "acme-2026");

    /** Values that are valid, invalid, or on an edge for at least one of the patterns. */
    private static final List<String> SAMPLES = List.of("", " ", "\t", "\u3000", "\u2003", "\u00a0", "\u0085", "a",
            "A", "0", "-a", "a-", "_a", ".a", "a.b", "a_b", "a:b", "a@b", "a+b", "a=b", "a~b", "a/b", "a b", "aé",
            "é", "録音", "ａ", "a\u0000", "a\n", "x".repeat(63), "x".repeat(64), "x".repeat(65), "x".repeat(127),
            "x".repeat(128), "x".repeat(129), "y".repeat(400), "y".repeat(401), " y ", "\u3000録", AT);

    private static boolean validatorAccepts(HoldingDraft d) {
        return VALIDATOR.validate(d).isEmpty();
    }

    @Test
    void shouldVouchOnlyForRowsTheValidatorAccepts() {
        List<HoldingDraft> drafts = new ArrayList<>();
        drafts.add(GOOD);
        drafts.add(new HoldingDraft(GOOD.subjectRef(), GOOD.categoryCode(), GOOD.owningSystem(), AT, GOOD.locator(), null));
        for (String v : SAMPLES) {
            drafts.add(new HoldingDraft(v, GOOD.categoryCode(), GOOD.owningSystem(), AT, GOOD.locator(), null));
            drafts.add(new HoldingDraft(GOOD.subjectRef(), v, GOOD.owningSystem(), AT, GOOD.locator(), null));
            drafts.add(new HoldingDraft(GOOD.subjectRef(), GOOD.categoryCode(), v, AT, GOOD.locator(), null));
            drafts.add(new HoldingDraft(GOOD.subjectRef(), GOOD.categoryCode(), GOOD.owningSystem(), v, GOOD.locator(), null));
            drafts.add(new HoldingDraft(GOOD.subjectRef(), GOOD.categoryCode(), GOOD.owningSystem(), AT, v, null));
            drafts.add(new HoldingDraft(GOOD.subjectRef(), GOOD.categoryCode(), GOOD.owningSystem(), AT, GOOD.locator(), v));
        }
        drafts.add(new HoldingDraft(null, GOOD.categoryCode(), GOOD.owningSystem(), AT, GOOD.locator(), null));
        drafts.add(new HoldingDraft(GOOD.subjectRef(), null, GOOD.owningSystem(), AT, GOOD.locator(), null));
        drafts.add(new HoldingDraft(GOOD.subjectRef(), GOOD.categoryCode(), null, AT, GOOD.locator(), null));
        drafts.add(new HoldingDraft(GOOD.subjectRef(), GOOD.categoryCode(), GOOD.owningSystem(), null, GOOD.locator(), null));
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
        assertTrue(new HoldingDraft("Cust.1_a:b@c+d=e~f-2", "c-1_x", "ivr.rec_1-a", AT, "問い合わせ履歴/1", null)
                .plainlyValid());
        assertTrue(new HoldingDraft("x".repeat(128), "c".repeat(64), "s".repeat(64), AT, "録".repeat(400),
                "R".repeat(64)).plainlyValid());
        assertFalse(new HoldingDraft("x".repeat(129), "c", "s", AT, "l", null).plainlyValid());
        assertFalse(new HoldingDraft("x", "C", "s", AT, "l", null).plainlyValid());
        assertFalse(new HoldingDraft("x", "c", "s", AT, "\u3000", null).plainlyValid());
        assertEquals(1, VALIDATOR.validate(new HoldingDraft("x", "c", "s", AT, "l".repeat(401), null)).size());
    }
}
