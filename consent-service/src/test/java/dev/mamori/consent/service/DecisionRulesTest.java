package dev.mamori.consent.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.consent.ConsentDecision;
import dev.mamori.consent.DecisionReason;
import dev.mamori.consent.SensitiveCategory;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The use decision's rules alone: facts and a clock in, a decision out, no database and no cache. DecisionResourceTest
 * checks the same answers through the API with facts from the database.
 */
class DecisionRulesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-04-10T03:00:00Z");
    private static final UUID CONSENT = UUID.fromString("00000000-0000-4000-8000-000000000007");
    private static final PurposeFacts PURPOSE = new PurposeFacts(UUID.randomUUID(), "support", 3, 1, Set.of());
    private static final int THRESHOLD = 16;

    @Test
    void shouldAllowAGivenConsentToTheVersionInForce() {
        Decision d = DecisionRules.decide(PURPOSE, given(3), THRESHOLD, NOW);

        assertTrue(d.allowed());
        assertEquals(DecisionReason.CONSENT_GIVEN, d.reason());
        assertEquals(3, d.purposeVersion());
        assertEquals(CONSENT, d.consentId());
        assertEquals(3, d.consentedVersion());
    }

    @Test
    void shouldAllowAConsentToAnEarlierVersionWhenLaterChangesWereRelated() {
        // Art. 17(2), 21(3): a change within the related scope only needs notice, so consent to version 1 still counts.
        assertTrue(DecisionRules.decide(PURPOSE, given(1), THRESHOLD, NOW).allowed());
    }

    @Test
    void shouldAskAgainAfterAnUnrelatedChange() {
        // Art. 18(1): a change beyond the related scope needs the person's consent again.
        PurposeFacts changed = new PurposeFacts(PURPOSE.id(), "support", 3, 3, Set.of());

        Decision d = DecisionRules.decide(changed, given(2), THRESHOLD, NOW);

        assertFalse(d.allowed());
        assertEquals(DecisionReason.RECONSENT_REQUIRED, d.reason());
        assertEquals(2, d.consentedVersion());
    }

    @Test
    void shouldAnswerUnknownPurposeBeforeLookingAtThePerson() {
        Decision d = DecisionRules.decide(PurposeFacts.UNKNOWN, given(3), THRESHOLD, NOW);

        assertEquals(DecisionReason.UNKNOWN_PURPOSE, d.reason());
        assertNull(d.consentId());
    }

    @Test
    void shouldPutErasureAndUseStopsBeforeAnyConsent() {
        // Art. 35: a stop on the person's request outranks a consent they gave before it.
        ConsentState stopped = state(ConsentDecision.GIVEN, 3, null, null, null, false, null, Set.of(), true, false);
        ConsentState erased = state(ConsentDecision.GIVEN, 3, null, null, null, false, null, Set.of(), true, true);

        assertEquals(
                DecisionReason.USE_STOPPED,
                DecisionRules.decide(PURPOSE, stopped, THRESHOLD, NOW).reason());
        assertEquals(
                DecisionReason.ERASED,
                DecisionRules.decide(PURPOSE, erased, THRESHOLD, NOW).reason());
        assertEquals(
                DecisionReason.USE_STOPPED,
                DecisionRules.decide(PURPOSE, ConsentState.NONE_STOPPED, THRESHOLD, NOW)
                        .reason());
        assertNull(DecisionRules.decide(PURPOSE, ConsentState.NONE_ERASED, THRESHOLD, NOW)
                .consentedVersion());
    }

    @Test
    void shouldRefuseWithoutConsentAndAfterARefusal() {
        assertEquals(
                DecisionReason.NO_CONSENT,
                DecisionRules.decide(PURPOSE, ConsentState.NONE, THRESHOLD, NOW).reason());
        assertEquals(
                DecisionReason.REFUSED,
                DecisionRules.decide(
                                PURPOSE,
                                state(
                                        ConsentDecision.REFUSED,
                                        3,
                                        null,
                                        null,
                                        null,
                                        false,
                                        null,
                                        Set.of(),
                                        false,
                                        false),
                                THRESHOLD,
                                NOW)
                        .reason());
    }

    @Test
    void shouldCountAWithdrawalOrAnExpiryFromTheirMomentOn() {
        ConsentState withdrawnNow =
                state(ConsentDecision.GIVEN, 3, null, NOW, null, false, null, Set.of(), false, false);
        ConsentState withdrawnLater =
                state(ConsentDecision.GIVEN, 3, null, NOW.plusSeconds(1), null, false, null, Set.of(), false, false);
        ConsentState expiredNow = state(ConsentDecision.GIVEN, 3, NOW, null, null, false, null, Set.of(), false, false);
        ConsentState expiringLater =
                state(ConsentDecision.GIVEN, 3, NOW.plusDays(1), null, null, false, null, Set.of(), false, false);

        assertEquals(
                DecisionReason.WITHDRAWN,
                DecisionRules.decide(PURPOSE, withdrawnNow, THRESHOLD, NOW).reason());
        assertTrue(DecisionRules.decide(PURPOSE, withdrawnLater, THRESHOLD, NOW).allowed());
        assertEquals(
                DecisionReason.EXPIRED,
                DecisionRules.decide(PURPOSE, expiredNow, THRESHOLD, NOW).reason());
        assertTrue(DecisionRules.decide(PURPOSE, expiringLater, THRESHOLD, NOW).allowed());
    }

    @Test
    void shouldNeedAStatutoryAgentBelowTheTenantsThresholdCountedInJapanAtConsent() {
        // Born 2010-04-10 (Japan): 15 until the end of 2026-04-09 in Japan, 16 from 2026-04-10 00:00 JST.
        LocalDate born = LocalDate.parse("2010-04-10");
        OffsetDateTime dayBeforeInJapan = OffsetDateTime.parse("2026-04-09T14:59:59Z");
        OffsetDateTime birthdayInJapan = OffsetDateTime.parse("2026-04-09T15:00:00Z");
        ConsentState alone =
                state(ConsentDecision.GIVEN, 3, null, null, born, false, dayBeforeInJapan, Set.of(), false, false);
        ConsentState withAgent =
                state(ConsentDecision.GIVEN, 3, null, null, born, true, dayBeforeInJapan, Set.of(), false, false);
        ConsentState onBirthday =
                state(ConsentDecision.GIVEN, 3, null, null, born, false, birthdayInJapan, Set.of(), false, false);

        assertEquals(
                DecisionReason.GUARDIAN_REQUIRED,
                DecisionRules.decide(PURPOSE, alone, THRESHOLD, NOW).reason());
        assertTrue(DecisionRules.decide(PURPOSE, withAgent, THRESHOLD, NOW).allowed());
        assertTrue(DecisionRules.decide(PURPOSE, onBirthday, THRESHOLD, NOW).allowed());
        // The threshold is the tenant's: the Act sets no age.
        assertTrue(DecisionRules.decide(PURPOSE, alone, 15, NOW).allowed());
        assertEquals(15, DecisionRules.ageAt(born, dayBeforeInJapan));
        assertEquals(16, DecisionRules.ageAt(born, birthdayInJapan));
    }

    @Test
    void shouldNeedExplicitConsentToEverySensitiveCategoryThePurposeUses() {
        // Art. 20(2): special care-required data needs the person's consent to it, by category.
        PurposeFacts medical = new PurposeFacts(
                PURPOSE.id(), "support", 3, 1, Set.of(SensitiveCategory.MEDICAL_HISTORY, SensitiveCategory.CREED));
        ConsentState partly = state(
                ConsentDecision.GIVEN,
                3,
                null,
                null,
                null,
                false,
                null,
                Set.of(SensitiveCategory.MEDICAL_HISTORY),
                false,
                false);
        ConsentState fully = state(
                ConsentDecision.GIVEN,
                3,
                null,
                null,
                null,
                false,
                null,
                Set.of(SensitiveCategory.MEDICAL_HISTORY, SensitiveCategory.CREED),
                false,
                false);

        assertEquals(
                DecisionReason.SENSITIVE_CONSENT_REQUIRED,
                DecisionRules.decide(medical, partly, THRESHOLD, NOW).reason());
        assertTrue(DecisionRules.decide(medical, fully, THRESHOLD, NOW).allowed());
    }

    @Test
    void shouldAgreeWithEveryReasonsOwnVerdict() {
        for (ConsentState s :
                new ConsentState[] {given(3), ConsentState.NONE, ConsentState.NONE_STOPPED, ConsentState.NONE_ERASED}) {
            Decision d = DecisionRules.decide(PURPOSE, s, THRESHOLD, NOW);
            assertEquals(d.reason().allowed(), d.allowed(), d.toString());
        }
    }

    private static ConsentState given(int version) {
        return state(ConsentDecision.GIVEN, version, null, null, null, false, null, Set.of(), false, false);
    }

    private static ConsentState state(
            ConsentDecision decision,
            int version,
            OffsetDateTime expiresAt,
            OffsetDateTime withdrawnAt,
            LocalDate birthDate,
            boolean guardian,
            OffsetDateTime capturedAt,
            Set<SensitiveCategory> sensitive,
            boolean stopped,
            boolean erased) {
        return new ConsentState(
                CONSENT,
                decision,
                version,
                expiresAt,
                sensitive,
                birthDate,
                guardian,
                capturedAt == null ? NOW.minusDays(30) : capturedAt,
                withdrawnAt,
                stopped,
                erased);
    }
}
