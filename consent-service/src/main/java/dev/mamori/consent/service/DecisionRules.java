package dev.mamori.consent.service;

import dev.mamori.consent.ConsentDecision;
import dev.mamori.consent.DecisionReason;
import dev.mamori.platform.time.JapanTime;
import java.time.OffsetDateTime;
import java.time.Period;

/**
 * The rules of the use decision, in the order they are applied. Pure: the same facts and clock give the same
 * answer, whether the facts come from the database or from the cache.
 */
public final class DecisionRules {

    private DecisionRules() {}

    public static Decision decide(
            PurposeFacts purpose, ConsentState state, int guardianAgeThreshold, OffsetDateTime now) {
        if (!purpose.known()) {
            return new Decision(
                    false, DecisionReason.UNKNOWN_PURPOSE, 0, null, null, "The tenant has no purpose with this code");
        }
        int current = purpose.currentVersion();
        if (state.erased()) {
            return new Decision(
                    false,
                    DecisionReason.ERASED,
                    current,
                    state.consentId(),
                    version(state),
                    "The person's data was erased on their request; it may not be used again (APPI Art. 35)");
        }
        if (state.stopped()) {
            return new Decision(
                    false,
                    DecisionReason.USE_STOPPED,
                    current,
                    state.consentId(),
                    version(state),
                    "Use of this person's data is stopped on their request (APPI Art. 35)");
        }
        if (state.consentId() == null) {
            return new Decision(
                    false,
                    DecisionReason.NO_CONSENT,
                    current,
                    null,
                    null,
                    "No consent is recorded; ask the person before using their data for this purpose");
        }
        if (state.decision() == ConsentDecision.REFUSED) {
            return new Decision(
                    false,
                    DecisionReason.REFUSED,
                    current,
                    state.consentId(),
                    state.purposeVersion(),
                    "The person refused this purpose");
        }
        if (state.withdrawnAt() != null && !state.withdrawnAt().isAfter(now)) {
            return new Decision(
                    false,
                    DecisionReason.WITHDRAWN,
                    current,
                    state.consentId(),
                    state.purposeVersion(),
                    "The person withdrew consent on " + state.withdrawnAt());
        }
        if (state.expiresAt() != null && !state.expiresAt().isAfter(now)) {
            return new Decision(
                    false,
                    DecisionReason.EXPIRED,
                    current,
                    state.consentId(),
                    state.purposeVersion(),
                    "The consent expired on " + state.expiresAt() + "; ask again");
        }
        if (state.purposeVersion() < purpose.lastUnrelatedVersion()) {
            return new Decision(
                    false,
                    DecisionReason.RECONSENT_REQUIRED,
                    current,
                    state.consentId(),
                    state.purposeVersion(),
                    "Version " + purpose.lastUnrelatedVersion() + " changed the purpose beyond "
                            + "the related scope after the person consented to version " + state.purposeVersion()
                            + "; ask for consent again (APPI Art. 18(1))");
        }
        if (needsGuardian(state, guardianAgeThreshold)) {
            return new Decision(
                    false,
                    DecisionReason.GUARDIAN_REQUIRED,
                    current,
                    state.consentId(),
                    state.purposeVersion(),
                    "The person was under " + guardianAgeThreshold
                            + " when consenting and no statutory agent consented");
        }
        if (!state.sensitiveCategories().containsAll(purpose.sensitiveCategories())) {
            return new Decision(
                    false,
                    DecisionReason.SENSITIVE_CONSENT_REQUIRED,
                    current,
                    state.consentId(),
                    state.purposeVersion(),
                    "The purpose uses sensitive data " + purpose.sensitiveCategories()
                            + " that the consent does not name (APPI Art. 20(2))");
        }
        return new Decision(
                true,
                DecisionReason.CONSENT_GIVEN,
                current,
                state.consentId(),
                state.purposeVersion(),
                "Consent given to version " + state.purposeVersion());
    }

    /** The age of a person born on {@code birthDate} at {@code at}, counted in Japan whatever the server's zone. */
    public static int ageAt(java.time.LocalDate birthDate, OffsetDateTime at) {
        return Period.between(birthDate, JapanTime.dateOf(at)).getYears();
    }

    private static boolean needsGuardian(ConsentState state, int threshold) {
        return state.subjectBirthDate() != null
                && !state.hasGuardian()
                && ageAt(state.subjectBirthDate(), state.capturedAt()) < threshold;
    }

    private static Integer version(ConsentState state) {
        return state.consentId() == null ? null : state.purposeVersion();
    }
}
