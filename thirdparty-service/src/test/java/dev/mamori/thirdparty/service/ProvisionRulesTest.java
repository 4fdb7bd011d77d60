package dev.mamori.thirdparty.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.platform.problem.Problem;
import dev.mamori.thirdparty.CheckResult;
import dev.mamori.thirdparty.CrossBorderBasis;
import dev.mamori.thirdparty.CrossBorderCheck;
import dev.mamori.thirdparty.JointUseScheme;
import dev.mamori.thirdparty.JointUseSchemeVersion;
import dev.mamori.thirdparty.LegalBasis;
import dev.mamori.thirdparty.OptOutFilingVersion;
import dev.mamori.thirdparty.PartyKind;
import dev.mamori.thirdparty.ProvisionRecord;
import dev.mamori.thirdparty.ProvisionStop;
import dev.mamori.thirdparty.RecordMethod;
import dev.mamori.thirdparty.StopGround;
import dev.mamori.thirdparty.ThirdParty;
import dev.mamori.thirdparty.client.ConsentDecisions;
import dev.mamori.thirdparty.client.ConsentPurpose;
import dev.mamori.thirdparty.client.ConsentUnavailable;
import dev.mamori.thirdparty.repository.ReceiptRecordRepository.OptOutReceipt;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The provision rules alone: facts in, findings out, no database and no consent-service. ProvisionResourceTest
 * checks the same rules through the API with facts from the database.
 */
class ProvisionRulesTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-04-10");
    private static final String TENANT = "tenant-a";
    private static final List<String> ALICE_AND_BOB = List.of("alice", "bob");

    // ---- consent (Arts. 17(1), 27(1), 28(1)) ----

    @Test
    void shouldAllowAConsentBasedProvisionWhenEveryPrincipalConsentedToAPurposeThatStatesProvision() {
        ProvisionRules.Findings found =
                evaluate(facts(party(LegalBasis.CONSENT, "JP")), draft(RecordMethod.EACH), consented("alice", "bob"));

        assertTrue(
                found.evaluation().allowed(), () -> found.evaluation().errors().toString());
        assertTrue(found.consentConfirmed());
        assertTrue(found.evaluation().statutoryRecord());
        assertEquals(LocalDate.parse("2029-04-10"), found.evaluation().retainUntil());
    }

    @Test
    void shouldNameEachPrincipalWithoutConsentAndTheReasonConsentServiceGave() {
        ConsentFacts consent = new ConsentFacts(
                "job-referral",
                purpose(true, List.of(), List.of()),
                Map.of(
                        "alice",
                        decision("alice", true, null),
                        "bob",
                        new ConsentDecisions.Decision("bob", "job-referral", false, "WITHDRAWN", 2, 2, "withdrew")),
                null,
                null);

        ProvisionEvaluation evaluation = evaluate(
                        facts(party(LegalBasis.CONSENT, "JP")), draft(RecordMethod.EACH), consent)
                .evaluation();

        assertFalse(evaluation.allowed());
        assertEquals(List.of("NO_CONSENT"), rules(evaluation));
        assertEquals(1, evaluation.subjects().size());
        assertEquals("bob", evaluation.subjects().get(0).subjectRef());
        assertEquals(
                "WITHDRAWN: withdrew",
                evaluation.subjects().get(0).errors().get(0).message());
    }

    @Test
    void shouldRefuseConsentToAPurposeThatDoesNotStateProvisionToThirdParties() {
        ConsentFacts consent = new ConsentFacts(
                "job-referral",
                purpose(false, List.of(), List.of()),
                Map.of("alice", decision("alice", true, null), "bob", decision("bob", true, null)),
                null,
                null);

        assertEquals(
                List.of("PURPOSE_WITHOUT_PROVISION"),
                rules(evaluate(facts(party(LegalBasis.CONSENT, "JP")), draft(RecordMethod.EACH), consent)
                        .evaluation()));
    }

    @Test
    void shouldAskForThePurposeWhenConsentIsTheBasisAndNoneIsNamed() {
        assertEquals(
                List.of("PURPOSE_REQUIRED"),
                rules(evaluate(facts(party(LegalBasis.CONSENT, "JP")), draft(RecordMethod.EACH), ConsentFacts.NONE)
                        .evaluation()));
    }

    @Test
    void shouldAnswerUnavailableRatherThanGuessWhenConsentIsNeededAndConsentServiceCouldNotSay() {
        ConsentFacts unavailable = new ConsentFacts("job-referral", null, Map.of(), "timed out", null);

        assertThrows(
                ConsentUnavailable.class,
                () -> evaluate(facts(party(LegalBasis.CONSENT, "JP")), draft(RecordMethod.EACH), unavailable));
    }

    @Test
    void shouldNotNeedConsentServiceForAnArt27ExceptionInJapan() {
        ConsentFacts unavailable = new ConsentFacts("job-referral", null, Map.of(), "timed out", null);

        ProvisionRules.Findings found =
                evaluate(facts(party(LegalBasis.LAW_27_1_1, "JP")), draft(RecordMethod.EACH), unavailable);

        assertTrue(found.evaluation().allowed());
        assertFalse(found.consentConfirmed());
        assertFalse(found.evaluation().statutoryRecord(), "Art. 29(1) proviso: no record for an Art. 27(1) case");
    }

    // ---- stops (Arts. 27(2), 35) ----

    @Test
    void shouldRefuseAPrincipalWhoseProvisionIsStopped() {
        ProvisionFacts facts = new ProvisionFacts(
                TENANT,
                party(LegalBasis.CONSENT, "JP"),
                List.of(stop("bob")),
                null,
                null,
                null,
                null,
                List.of(),
                List.of());

        ProvisionEvaluation evaluation = evaluate(facts, draft(RecordMethod.EACH), consented("alice", "bob"))
                .evaluation();

        assertEquals(List.of("PROVISION_STOPPED"), rules(evaluation));
        assertEquals("bob", evaluation.subjects().get(0).subjectRef());
    }

    @Test
    void shouldNotApplyStopsToEntrustmentWhichIsNoProvisionToAThirdParty() {
        ProvisionFacts facts = new ProvisionFacts(
                TENANT,
                party(LegalBasis.ENTRUSTMENT, "JP"),
                List.of(stop("bob")),
                null,
                null,
                null,
                null,
                List.of(),
                List.of());

        // Without a contractor record entrustment fails on Art. 25 only, never on the stop.
        assertEquals(
                List.of("CONTRACTOR_NOT_ASSESSED"),
                rules(evaluate(facts, draft(RecordMethod.EACH), ConsentFacts.NONE)
                        .evaluation()));
    }

    // ---- opt-out (Art. 27(2); Rules 19(2), 20(1)) ----

    @Test
    void shouldNameEveryFailingOptOutRuleAtOnce() {
        ProvisionDraft bulkWithoutDate = new ProvisionDraft(
                UUID.randomUUID(),
                null,
                ALICE_AND_BOB,
                List.of("name"),
                List.of("MEDICAL_HISTORY"),
                RecordMethod.BULK,
                null,
                TODAY,
                null);

        assertEquals(
                List.of("BULK_NOT_FOR_OPT_OUT", "PROVISION_DATE_REQUIRED", "OPT_OUT_NOT_FILED", "SENSITIVE_BY_OPT_OUT"),
                rules(evaluate(facts(party(LegalBasis.OPT_OUT, "JP")), bulkWithoutDate, ConsentFacts.NONE)
                        .evaluation()));
    }

    @Test
    void shouldChooseTheFilingWhoseItemsCoverTheProvision() {
        OptOutFilingVersion narrow = filing(List.of("name"), TODAY.minusDays(30));
        OptOutFilingVersion wide = filing(List.of("name", "phone"), TODAY.minusDays(30));
        ProvisionFacts facts = new ProvisionFacts(
                TENANT,
                party(LegalBasis.OPT_OUT, "JP"),
                List.of(),
                null,
                null,
                null,
                null,
                List.of(narrow, wide),
                List.of());

        ProvisionRules.Findings found = evaluate(facts, optOut(List.of("name", "phone")), ConsentFacts.NONE);

        assertTrue(
                found.evaluation().allowed(), () -> found.evaluation().errors().toString());
        assertSame(wide, found.filing());
        assertFalse(found.consentConfirmed());
    }

    @Test
    void shouldRefuseItemsNoSingleFilingCoversAndAFilingNotYetStarted() {
        OptOutFilingVersion names = filing(List.of("name"), TODAY.minusDays(30));
        OptOutFilingVersion later = filing(List.of("name", "phone"), TODAY.plusDays(1));
        ProvisionFacts facts = new ProvisionFacts(
                TENANT,
                party(LegalBasis.OPT_OUT, "JP"),
                List.of(),
                null,
                null,
                null,
                null,
                List.of(names, later),
                List.of());

        ProvisionEvaluation evaluation = evaluate(facts, optOut(List.of("name", "phone")), ConsentFacts.NONE)
                .evaluation();

        assertEquals(List.of("ITEM_OUTSIDE_OPT_OUT_FILING"), rules(evaluation));
        assertTrue(evaluation.errors().get(0).message().contains("[phone]"));
    }

    @Test
    void shouldNotPassOnByOptOutWhatWasItselfReceivedByOptOut() {
        OptOutFilingVersion filing = filing(List.of("name", "phone"), TODAY.minusDays(30));
        OptOutReceipt received =
                new OptOutReceipt("alice", UUID.randomUUID(), "List Broker", TODAY.minusDays(3), List.of("phone"));
        ProvisionFacts facts = new ProvisionFacts(
                TENANT,
                party(LegalBasis.OPT_OUT, "JP"),
                List.of(),
                null,
                null,
                null,
                null,
                List.of(filing),
                List.of(received));

        ProvisionEvaluation evaluation = evaluate(facts, optOut(List.of("name", "phone")), ConsentFacts.NONE)
                .evaluation();

        assertEquals(List.of("RECEIVED_BY_OPT_OUT"), rules(evaluation));
        assertEquals("alice", evaluation.subjects().get(0).subjectRef());
        // Received data that shares no item with the provision does not block it.
        ProvisionFacts namesOnly = new ProvisionFacts(
                TENANT,
                party(LegalBasis.OPT_OUT, "JP"),
                List.of(),
                null,
                null,
                null,
                null,
                List.of(filing),
                List.of(received));
        assertTrue(evaluate(namesOnly, optOut(List.of("name")), ConsentFacts.NONE)
                .evaluation()
                .allowed());
    }

    // ---- abroad (Art. 28; Rules 17, 18) ----

    @Test
    void shouldRefuseARecipientAbroadWithoutABasis() {
        ThirdParty abroad = party(LegalBasis.CONSENT, "US");

        assertEquals(
                List.of("NO_CROSS_BORDER_BASIS"),
                rules(evaluate(facts(abroad), draft(RecordMethod.EACH), consented("alice", "bob"))
                        .evaluation()));
    }

    @Test
    void shouldNeedConsentWithTheCountrysInformationEvenUnderEntrustment() {
        ThirdParty abroad = party(LegalBasis.ENTRUSTMENT, "US");
        abroad.crossBorderBasis = CrossBorderBasis.CONSENT_WITH_INFORMATION;
        ConsentFacts toVietnamOnly = new ConsentFacts(
                "job-referral",
                purpose(true, List.of("VN"), List.of()),
                Map.of("alice", decision("alice", true, 1), "bob", decision("bob", true, 2)),
                null,
                null);

        ProvisionRules.Findings found = evaluate(facts(abroad), draft(RecordMethod.EACH), toVietnamOnly);

        assertTrue(found.consentConfirmed());
        assertTrue(rules(found.evaluation()).contains("NO_CROSS_BORDER_BASIS"));
    }

    @Test
    void shouldRefuseEquivalentMeasuresNeverCheckedFoundWantingOrOverdue() {
        ThirdParty abroad = party(LegalBasis.CONSENT, "US");
        abroad.crossBorderBasis = CrossBorderBasis.EQUIVALENT_MEASURES;
        ProvisionDraft draft = draft(RecordMethod.EACH);
        ConsentFacts consent = consented("alice", "bob");

        assertEquals(
                List.of("CROSS_BORDER_CHECK_OVERDUE"),
                rules(evaluate(facts(abroad), draft, consent).evaluation()));
        assertEquals(
                List.of("CROSS_BORDER_SUSPENDED"),
                rules(evaluate(withCheck(abroad, check(CheckResult.NOT_ENSURED, TODAY.plusMonths(6))), draft, consent)
                        .evaluation()));
        assertEquals(
                List.of("CROSS_BORDER_CHECK_OVERDUE"),
                rules(evaluate(withCheck(abroad, check(CheckResult.ENSURED, TODAY.minusDays(1))), draft, consent)
                        .evaluation()));
        assertTrue(evaluate(withCheck(abroad, check(CheckResult.ENSURED, TODAY)), draft, consent)
                .evaluation()
                .allowed());
    }

    @Test
    void shouldRefuseProvisionAbroadWhileItIsSuspended() {
        ThirdParty abroad = party(LegalBasis.CONSENT, "GB");
        abroad.crossBorderBasis = CrossBorderBasis.ADEQUATE_COUNTRY;
        abroad.crossBorderSuspendedAt = OffsetDateTime.of(2026, 4, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        abroad.crossBorderSuspensionReason = "the recipient's measures lapsed";

        ProvisionEvaluation evaluation = evaluate(facts(abroad), draft(RecordMethod.EACH), consented("alice", "bob"))
                .evaluation();

        assertEquals(List.of("CROSS_BORDER_SUSPENDED"), rules(evaluation));
        assertTrue(evaluation.errors().get(0).message().contains("2026-04-01"), "the day in Japan");
    }

    // ---- joint use (Art. 27(5)(iii)) ----

    @Test
    void shouldCheckTheSchemeTheProviderTheRecipientAndTheItems() {
        ThirdParty sister = party(LegalBasis.JOINT_USE, "JP");
        sister.groupTenantId = "tenant-c";
        JointUseScheme scheme = new JointUseScheme();
        scheme.id = UUID.randomUUID();
        scheme.tenantId = "tenant-b";
        JointUseSchemeVersion version = new JointUseSchemeVersion();
        version.version = 2;
        version.members = List.of("tenant-b");
        version.dataItems = List.of("name");
        ProvisionDraft draft = new ProvisionDraft(
                sister.id,
                null,
                ALICE_AND_BOB,
                List.of("name", "phone"),
                null,
                RecordMethod.EACH,
                null,
                null,
                scheme.id);

        assertEquals(
                List.of("SCHEME_REQUIRED"),
                rules(evaluate(
                                facts(sister),
                                new ProvisionDraft(
                                        sister.id,
                                        null,
                                        ALICE_AND_BOB,
                                        List.of("name"),
                                        null,
                                        RecordMethod.EACH,
                                        null,
                                        null,
                                        null),
                                ConsentFacts.NONE)
                        .evaluation()));
        assertEquals(
                List.of("SCHEME_NOT_FOUND"),
                rules(evaluate(facts(sister), draft, ConsentFacts.NONE).evaluation()));
        ProvisionFacts underScheme =
                new ProvisionFacts(TENANT, sister, List.of(), null, null, scheme, version, List.of(), List.of());
        assertEquals(
                List.of("PROVIDER_NOT_SCHEME_MEMBER", "RECIPIENT_NOT_SCHEME_MEMBER", "ITEM_OUTSIDE_SCHEME"),
                rules(evaluate(underScheme, draft, ConsentFacts.NONE).evaluation()));
    }

    // ---- the record's own items (Art. 29(1); Rules 19, 21) ----

    @Test
    void shouldRefuseRecordItemsThatCannotBe() {
        ProvisionDraft bulkWithoutLast = new ProvisionDraft(
                UUID.randomUUID(),
                "job-referral",
                ALICE_AND_BOB,
                List.of("name"),
                null,
                RecordMethod.BULK,
                TODAY.plusDays(1),
                null,
                null);
        ProvisionDraft eachWithLast = new ProvisionDraft(
                UUID.randomUUID(),
                "job-referral",
                ALICE_AND_BOB,
                List.of("name"),
                null,
                RecordMethod.EACH,
                TODAY,
                TODAY.minusDays(1),
                null);
        ProvisionFacts facts = facts(party(LegalBasis.CONSENT, "JP"));

        ProvisionEvaluation bulk =
                evaluate(facts, bulkWithoutLast, consented("alice", "bob")).evaluation();
        assertEquals(List.of("LAST_TRANSFER_REQUIRED", "DATE_IN_FUTURE"), rules(bulk));
        assertNull(bulk.retainUntil(), "a bulk record's retention runs from the last provision, not given");
        assertEquals(
                List.of("LAST_TRANSFER_NOT_APPLICABLE", "LAST_TRANSFER_BEFORE_PROVISION"),
                rules(evaluate(facts, eachWithLast, consented("alice", "bob")).evaluation()));
    }

    @Test
    void shouldRecordTheItemsTheLawAsksForWithTheVersionsConsentedOnAbroad() {
        ThirdParty abroad = party(LegalBasis.CONSENT, "VN");
        abroad.crossBorderBasis = CrossBorderBasis.CONSENT_WITH_INFORMATION;
        ConsentFacts consent = new ConsentFacts(
                "job-referral",
                purpose(true, List.of("VN"), List.of()),
                Map.of("alice", decision("alice", true, 2), "bob", decision("bob", true, 1)),
                null,
                null);
        ProvisionDraft draft = new ProvisionDraft(
                abroad.id,
                "job-referral",
                ALICE_AND_BOB,
                List.of(" name ", "name", "phone"),
                null,
                RecordMethod.BULK,
                TODAY.minusDays(10),
                TODAY.minusDays(1),
                null);
        ProvisionFacts facts = facts(abroad);
        ProvisionRules.Findings found = evaluate(facts, draft, consent);
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.of(2026, 4, 10, 1, 0, 0, 0, ZoneOffset.UTC);

        ProvisionRecord record =
                ProvisionRules.record(found, facts, draft, consent, ALICE_AND_BOB, id, now, TODAY, "officer");

        assertEquals(id, record.id);
        assertEquals(TENANT, record.tenantId);
        assertEquals("VN", record.recipientCountry);
        assertEquals(List.of(1, 2), record.crossBorderConsentVersions);
        assertTrue(record.consentConfirmed);
        assertEquals(3, record.purposeVersion);
        assertEquals(List.of("name", "phone"), record.dataItems);
        assertEquals(LocalDate.parse("2029-04-08"), record.retainUntil, "3 years counting the last provision");
        assertEquals("officer", record.recordedBy);
        assertThrows(
                IllegalArgumentException.class,
                () -> ProvisionRules.record(
                        evaluate(facts(abroad), draft(RecordMethod.EACH), ConsentFacts.NONE),
                        facts,
                        draft,
                        consent,
                        ALICE_AND_BOB,
                        id,
                        now,
                        TODAY,
                        "x"));
    }

    // ---- facts ----

    private static ProvisionRules.Findings evaluate(ProvisionFacts facts, ProvisionDraft draft, ConsentFacts consent) {
        return ProvisionRules.evaluate(
                facts, draft, consent, List.copyOf(new java.util.LinkedHashSet<>(draft.subjectRefs())), TODAY);
    }

    private static List<String> rules(ProvisionEvaluation evaluation) {
        return evaluation.errors().stream().map(Problem.FieldError::field).toList();
    }

    private static ProvisionFacts facts(ThirdParty party) {
        return new ProvisionFacts(TENANT, party, List.of(), null, null, null, null, List.of(), List.of());
    }

    private static ProvisionFacts withCheck(ThirdParty party, CrossBorderCheck check) {
        return new ProvisionFacts(TENANT, party, List.of(), check, null, null, null, List.of(), List.of());
    }

    private static ThirdParty party(LegalBasis basis, String country) {
        ThirdParty p = new ThirdParty();
        p.id = UUID.randomUUID();
        p.tenantId = TENANT;
        p.name = "Recipient K.K.";
        p.address = "Tokyo";
        p.representative = "Rep";
        p.kind = PartyKind.CORPORATION;
        p.country = country;
        p.legalBasis = basis;
        return p;
    }

    private static ProvisionDraft draft(RecordMethod method) {
        return new ProvisionDraft(
                UUID.randomUUID(),
                "job-referral",
                ALICE_AND_BOB,
                List.of("name"),
                null,
                method,
                TODAY,
                method == RecordMethod.EACH ? null : TODAY,
                null);
    }

    private static ProvisionDraft optOut(List<String> items) {
        return new ProvisionDraft(
                UUID.randomUUID(), null, ALICE_AND_BOB, items, null, RecordMethod.EACH, TODAY, null, null);
    }

    private static ConsentPurpose purpose(boolean thirdPartyProvision, List<String> countries, List<String> sensitive) {
        return new ConsentPurpose(
                "job-referral",
                3,
                new ConsentPurpose.Current(
                        3, thirdPartyProvision, List.of("recruiters"), countries, sensitive, List.of("name")));
    }

    private static ConsentDecisions.Decision decision(String ref, boolean allowed, Integer consentedVersion) {
        return new ConsentDecisions.Decision(
                ref, "job-referral", allowed, allowed ? "CONSENT_GIVEN" : "NO_CONSENT", 3, consentedVersion, null);
    }

    private static ConsentFacts consented(String... refs) {
        Map<String, ConsentDecisions.Decision> decisions = new java.util.LinkedHashMap<>();
        for (String ref : refs) {
            decisions.put(ref, decision(ref, true, 3));
        }
        return new ConsentFacts("job-referral", purpose(true, List.of(), List.of()), decisions, null, null);
    }

    private static ProvisionStop stop(String ref) {
        ProvisionStop s = new ProvisionStop();
        s.id = UUID.randomUUID();
        s.tenantId = TENANT;
        s.subjectRef = ref;
        s.ground = StopGround.ART_35_5_HARM;
        s.requestRef = "req-1";
        s.stoppedAt = OffsetDateTime.of(2026, 4, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        return s;
    }

    private static OptOutFilingVersion filing(List<String> items, LocalDate startsOn) {
        OptOutFilingVersion f = new OptOutFilingVersion();
        f.id = UUID.randomUUID();
        f.filingId = UUID.randomUUID();
        f.dataItems = items;
        f.provisionStartsOn = startsOn;
        return f;
    }

    private static CrossBorderCheck check(CheckResult result, LocalDate nextDue) {
        CrossBorderCheck c = new CrossBorderCheck();
        c.id = UUID.randomUUID();
        c.checkedOn = TODAY.minusMonths(6);
        c.result = result;
        c.nextCheckDue = nextDue;
        return c;
    }
}
