package dev.mamori.retention.service;

import dev.mamori.platform.subject.SubjectRef;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a client system registers about a person: which ledger category, which system holds it and where, and when
 * it was collected. {@code collectedAt} is read here (not by the JSON layer) so that a bad date in row 3,412 of a
 * batch is reported as that row's error.
 */
@Schema(name = "HoldingDraft")
public record HoldingDraft(
        @Schema(
                description = "The client company's reference for the person (opaque to Mamori)",
                example = "cust-000123")
        @NotBlank
        @Pattern(regexp = SubjectRef.PATTERN, message = SubjectRef.MESSAGE)
        String subjectRef,

        @Schema(description = "A category code of the tenant's ledger", example = "call-recording")
        @NotBlank
        @Pattern(regexp = DataCategoryDraft.CODE, message = "must be a data category code")
        String categoryCode,

        @Schema(description = "The client system that holds the data", example = "ivr-recorder")
        @NotBlank
        @Pattern(regexp = SYSTEM, message = "must be 1-64 lower-case letters, digits, '.', '_' or '-'")
        String owningSystem,

        @Schema(
                description = "When the data was collected, RFC 3339 with an offset",
                format = "date-time",
                example = "2026-01-01T10:15:00+09:00")
        @NotBlank
        String collectedAt,

        @Schema(
                description = "Where the owning system keeps it (an id, path or URI)",
                example = "recordings/2026/01/01/call-8812.wav")
        @NotBlank
        @Size(max = 400)
        String locator,

        @Schema(
                description = "The client contract the data was collected under (optional); its end and extensions "
                        + "govern the deletion date",
                example = "acme-2026")
        @Pattern(regexp = ContractDraft.REF, message = ContractDraft.REF_MESSAGE)
        String contractRef) {

    static final String SYSTEM = "[a-z0-9][a-z0-9._-]{0,63}";

    /**
     * True only when the row certainly satisfies every constraint above, checked with plain character loops: a batch
     * of 5,000 rows then skips 30,000 regex matches and constraint look-ups. It errs only towards false, and a row
     * it does not vouch for goes through the validator, so the messages and field names of row errors still come
     * from the annotations.
     */
    boolean plainlyValid() {
        return isSubjectRef(subjectRef)
                && fits(categoryCode, 64, "_-", false)
                && fits(owningSystem, 64, "._-", false)
                && hasVisibleChar(collectedAt)
                && locator != null
                && locator.length() <= 400
                && hasVisibleChar(locator)
                && (contractRef == null || fits(contractRef, 64, "._-", true));
    }

    /** The characters {@link SubjectRef#PATTERN} allows after the first, besides letters, digits and marks. */
    private static final String SUBJECT_REF_EXTRA = "._:@+=~-・ー";

    /**
     * Exactly {@link SubjectRef#isValid}, as a loop over code points (the regex counts and classifies code points,
     * not chars): a letter or number of any script first ({@code \p{L}\p{N}}), then also marks ({@code \p{M}}) and
     * the extra characters, at most {@value SubjectRef#MAX_LENGTH} code points. ASCII is decided without a lookup.
     */
    static boolean isSubjectRef(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        int count = 0;
        for (int i = 0; i < s.length(); count++) {
            if (count == SubjectRef.MAX_LENGTH) {
                return false;
            }
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            boolean ok;
            if (c < 0x80) {
                ok = (c >= 'a' && c <= 'z')
                        || (c >= 'A' && c <= 'Z')
                        || (c >= '0' && c <= '9')
                        || (count > 0 && SUBJECT_REF_EXTRA.indexOf(c) >= 0);
            } else {
                int type = Character.getType(c);
                ok = letterOrNumber(type) || (count > 0 && (mark(type) || SUBJECT_REF_EXTRA.indexOf(c) >= 0));
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** {@code \p{L}} or {@code \p{N}}. */
    private static boolean letterOrNumber(int type) {
        return switch (type) {
            case Character.UPPERCASE_LETTER,
                    Character.LOWERCASE_LETTER,
                    Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER,
                    Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER,
                    Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    /** {@code \p{M}}. */
    private static boolean mark(int type) {
        return type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    /**
     * {@code [a-z0-9][a-z0-9<extra>]{0,max-1}}, or with {@code upper} also A-Z: the shape of the ASCII patterns
     * above ({@link #SYSTEM}, {@code DataCategoryDraft.CODE}, {@code ContractDraft.REF}).
     */
    private static boolean fits(String s, int max, String extra, boolean upper) {
        if (s == null || s.isEmpty() || s.length() > max) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (upper && c >= 'A' && c <= 'Z');
            if (!alnum && (i == 0 || extra.indexOf(c) < 0)) {
                return false;
            }
        }
        return true;
    }

    /** Not blank by any definition (trim's or isBlank's): has a character that is neither control nor space. */
    private static boolean hasVisibleChar(String s) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > ' ' && !Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return true;
            }
        }
        return false;
    }

    /** The uniqueness key of a holding within a tenant. */
    String key() {
        return subjectRef + '\u0000' + categoryCode + '\u0000' + owningSystem + '\u0000' + locator;
    }
}
