package dev.mamori.thirdparty.service;

import dev.mamori.platform.problem.Problem;
import dev.mamori.platform.time.JapanTime;
import dev.mamori.thirdparty.CheckResult;
import dev.mamori.thirdparty.CrossBorderBasis;
import dev.mamori.thirdparty.JointUseSchemeVersion;
import dev.mamori.thirdparty.LegalBasis;
import dev.mamori.thirdparty.OptOutFilingVersion;
import dev.mamori.thirdparty.ProvisionRecord;
import dev.mamori.thirdparty.ProvisionStop;
import dev.mamori.thirdparty.RecordMethod;
import dev.mamori.thirdparty.ThirdParty;
import dev.mamori.thirdparty.client.ConsentDecisions;
import dev.mamori.thirdparty.client.ConsentUnavailable;
import dev.mamori.thirdparty.repository.ReceiptRecordRepository.OptOutReceipt;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The rules of the law a provision to a third party is checked against (APPI Arts. 25, 27, 28, 29; PPC Rules 19-21)
 * and the items its record holds. Pure: facts in, findings out; the same facts and day give the same answer, with no
 * database and no other service. {@link ProvisionService} loads the facts, asks these rules and records.
 */
public final class ProvisionRules {

    /** Art. 35 stops concern provision to third parties in the law's sense, and joint users who use for their own ends. */
    private static final Set<LegalBasis> STOPPABLE =
            EnumSet.of(LegalBasis.CONSENT, LegalBasis.OPT_OUT, LegalBasis.JOINT_USE);

    /**
     * What the rules found: the evaluation, and what a record of the provision rests on.
     *
     * @param consentConfirmed whether the principals' consent was needed (Arts. 27(1), 28(1)) and so confirmed
     * @param filing           the opt-out filing whose items cover the provision (Art. 27(2)), or null
     */
    public record Findings(ProvisionEvaluation evaluation, boolean consentConfirmed, OptOutFilingVersion filing) {}

    /** What the rules choose on the way: whether consent is needed, and the filing that covers an opt-out provision. */
    private static final class Chosen {
        boolean consentNeeded;
        OptOutFilingVersion filing;
    }

    private ProvisionRules() {}

    /**
     * Applies every rule to a provision of {@code draft} to the principals {@code refs} on {@code today} (in Japan);
     * never stops at the first failure. Throws {@link ConsentUnavailable} when the answer needs consent-service's
     * and it could not give it.
     */
    public static Findings evaluate(
            ProvisionFacts c, ProvisionDraft draft, ConsentFacts facts, List<String> refs, LocalDate today) {
        Chosen chosen = new Chosen();
        ThirdParty party = c.party();
        LegalBasis basis = party.legalBasis;
        Map<String, Problem.FieldError> errors = new LinkedHashMap<>();
        Map<String, List<Problem.FieldError>> perSubject = new LinkedHashMap<>();
        List<String> items = draft.dataItems().stream().map(String::strip).toList();

        // The items the record itself must hold (Art. 29(1); Rules 19-21): rules like the others, so one refusal
        // names them together with everything else that is wrong.
        recordItemRules(draft, today, errors);

        // Art. 28: a recipient in a foreign country.
        if (party.isAbroad()) {
            if (party.crossBorderSuspendedAt != null) {
                add(
                        errors,
                        ProvisionRule.CROSS_BORDER_SUSPENDED,
                        "provision to " + party.country + " is suspended since "
                                + JapanTime.dateOf(party.crossBorderSuspendedAt) + ": "
                                + party.crossBorderSuspensionReason
                                + " (Art. 28(3); Rule 18(1)(ii))");
            }
            CrossBorderBasis cbb = party.crossBorderBasis;
            if (cbb == null && !basis.isArt27Exception()) {
                add(
                        errors,
                        ProvisionRule.NO_CROSS_BORDER_BASIS,
                        "the recipient in " + party.country + " has no Art. 28(1) basis");
            } else if (cbb == CrossBorderBasis.CONSENT_WITH_INFORMATION) {
                // Art. 28(1): consent even under entrustment or joint use, given after the Art. 28(2) information.
                chosen.consentNeeded = true;
                if (facts.purpose() != null
                        && !facts.purpose()
                                .current()
                                .crossBorderCountriesOrEmpty()
                                .contains(party.country)) {
                    add(
                            errors,
                            ProvisionRule.NO_CROSS_BORDER_BASIS,
                            "the consent for purpose " + facts.purposeCode() + " was not given with the information on "
                                    + party.country + " (Art. 28(1), 28(2); Rule 17)");
                }
            } else if (cbb == CrossBorderBasis.EQUIVALENT_MEASURES) {
                if (c.lastCheck() == null) {
                    add(
                            errors,
                            ProvisionRule.CROSS_BORDER_CHECK_OVERDUE,
                            "the recipient's equivalent measures were "
                                    + "never checked; record a check first (Art. 28(3); Rule 18(1)(i))");
                } else if (c.lastCheck().result == CheckResult.NOT_ENSURED) {
                    add(
                            errors,
                            ProvisionRule.CROSS_BORDER_SUSPENDED,
                            "the check of " + c.lastCheck().checkedOn
                                    + " found the equivalent measures not ensured (Art. 28(3); Rule 18(1)(ii))");
                } else if (c.lastCheck().nextCheckDue.isBefore(today)) {
                    add(
                            errors,
                            ProvisionRule.CROSS_BORDER_CHECK_OVERDUE,
                            "the periodic check was due on " + c.lastCheck().nextCheckDue
                                    + " (Art. 28(3); Rule 18(1)(i))");
                }
            }
        }

        switch (basis) {
            case CONSENT -> chosen.consentNeeded = true;
            case OPT_OUT -> optOutRules(c, chosen, draft, items, today, errors, perSubject);
            case ENTRUSTMENT -> {
                if (c.standing() == null) {
                    add(
                            errors,
                            ProvisionRule.CONTRACTOR_NOT_ASSESSED,
                            "the recipient has no contractor record: select "
                                    + "and assess it before entrusting data (Art. 25)");
                } else {
                    c.standing().failures(today).forEach(f -> errors.putIfAbsent(f.field(), f));
                }
            }
            case JOINT_USE -> jointUseRules(c, draft, items, errors);
            default -> {
                // Art. 27(1) exceptions and business succession: no consent, no further rule.
            }
        }

        // Special care-required data never goes by opt-out (Art. 27(2) proviso); with a purpose named, its sensitive
        // categories must be known, so an unanswered purpose refuses rather than guesses.
        if (basis == LegalBasis.OPT_OUT
                && facts.purposeNamed()
                && facts.purpose() == null
                && facts.unavailable() != null) {
            throw new ConsentUnavailable(facts.unavailable());
        }
        if (basis == LegalBasis.OPT_OUT
                && (!draft.sensitiveCategoriesOrEmpty().isEmpty()
                        || (facts.purpose() != null
                                && !facts.purpose()
                                        .current()
                                        .sensitiveCategoriesOrEmpty()
                                        .isEmpty()))) {
            add(
                    errors,
                    ProvisionRule.SENSITIVE_BY_OPT_OUT,
                    "special care-required data cannot be provided by opt-out"
                            + " (Art. 27(2) proviso); obtain consent instead");
        }

        // Arts. 27(1), 28(1): the principals' consent, as consent-service decides it.
        if (chosen.consentNeeded) {
            consentRules(facts, refs, errors, perSubject, basis == LegalBasis.CONSENT);
        }

        // Arts. 27(2), 35: stopped principals.
        if (STOPPABLE.contains(basis)) {
            for (ProvisionStop stop : c.stops()) {
                perSubject
                        .computeIfAbsent(stop.subjectRef, k -> new ArrayList<>())
                        .add(new Problem.FieldError(
                                ProvisionRule.PROVISION_STOPPED.name(),
                                "provision was stopped on " + JapanTime.dateOf(stop.stoppedAt) + " on request "
                                        + stop.requestRef + " (" + stop.ground + ")"));
            }
            if (!c.stops().isEmpty()) {
                add(
                        errors,
                        ProvisionRule.PROVISION_STOPPED,
                        c.stops().size() + " of " + refs.size()
                                + " principals have their provision stopped (Arts. 27(2), 35); see subjects");
            }
        }

        List<ProvisionEvaluation.SubjectFailures> subjectsFailing = refs.stream()
                .filter(perSubject::containsKey)
                .map(ref -> new ProvisionEvaluation.SubjectFailures(ref, perSubject.get(ref)))
                .toList();
        boolean retentionKnown = draft.method() == RecordMethod.EACH || draft.lastTransferOn() != null;
        return new Findings(
                new ProvisionEvaluation(
                        errors.isEmpty(),
                        List.copyOf(errors.values()),
                        subjectsFailing,
                        party.provisionRecordsRequired(),
                        retentionKnown
                                ? RecordRetention.retainUntil(draft.method(), today, draft.lastTransferOn())
                                : null),
                chosen.consentNeeded,
                chosen.filing);
    }

    private static void optOutRules(
            ProvisionFacts c,
            Chosen chosen,
            ProvisionDraft draft,
            List<String> items,
            LocalDate today,
            Map<String, Problem.FieldError> errors,
            Map<String, List<Problem.FieldError>> perSubject) {
        receivedByOptOutRule(c.receivedByOptOut(), items, errors, perSubject);
        if (draft.method() == RecordMethod.BULK) {
            add(errors, ProvisionRule.BULK_NOT_FOR_OPT_OUT, "opt-out provisions are recorded each time (Rule 19(2))");
        }
        if (draft.providedOn() == null) {
            add(
                    errors,
                    ProvisionRule.PROVISION_DATE_REQUIRED,
                    "an opt-out record holds the date of provision: give " + "providedOn (Rule 20(1)(i)(a))");
        }
        LocalDate on = draft.providedOn() == null ? today : draft.providedOn();
        List<OptOutFilingVersion> started = c.filings().stream()
                .filter(f -> !f.provisionStartsOn.isAfter(on))
                .toList();
        if (started.isEmpty()) {
            add(
                    errors,
                    ProvisionRule.OPT_OUT_NOT_FILED,
                    "no opt-out filing in force whose provision had started by " + on + " (Art. 27(2))");
            return;
        }
        for (OptOutFilingVersion filing : started) {
            if (filing.dataItems.containsAll(items)) {
                chosen.filing = filing;
                return;
            }
        }
        List<String> outside = items.stream()
                .filter(i -> started.stream().noneMatch(f -> f.dataItems.contains(i)))
                .toList();
        add(
                errors,
                ProvisionRule.ITEM_OUTSIDE_OPT_OUT_FILING,
                "not in one filing: " + (outside.isEmpty() ? items : outside) + " (Art. 27(2)(iii))");
    }

    private static void jointUseRules(
            ProvisionFacts c, ProvisionDraft draft, List<String> items, Map<String, Problem.FieldError> errors) {
        if (draft.jointUseSchemeId() == null) {
            add(
                    errors,
                    ProvisionRule.SCHEME_REQUIRED,
                    "name the joint-use scheme the provision is made under " + "(Art. 27(5)(iii))");
            return;
        }
        if (c.scheme() == null) {
            add(
                    errors,
                    ProvisionRule.SCHEME_NOT_FOUND,
                    "no joint-use scheme " + draft.jointUseSchemeId() + " that this tenant manages or belongs to");
            return;
        }
        JointUseSchemeVersion v = c.schemeVersion();
        if (v == null) {
            add(errors, ProvisionRule.SCHEME_NOT_IN_FORCE, "no version of the scheme is in force yet");
            return;
        }
        String me = c.tenantId();
        if (!me.equals(c.scheme().tenantId) && !v.members.contains(me)) {
            add(errors, ProvisionRule.PROVIDER_NOT_SCHEME_MEMBER, me + " is not a joint user in version " + v.version);
        }
        String recipient = c.party().groupTenantId;
        if (recipient == null || (!recipient.equals(c.scheme().tenantId) && !v.members.contains(recipient))) {
            add(
                    errors,
                    ProvisionRule.RECIPIENT_NOT_SCHEME_MEMBER,
                    "the recipient " + c.party().name
                            + (recipient == null
                                    ? " is not a group company of the suite (no groupTenantId)"
                                    : " (" + recipient + ") is not a joint user in version " + v.version)
                            + " (Art. 27(5)(iii))");
        }
        List<String> outside =
                items.stream().filter(i -> !v.dataItems.contains(i)).toList();
        if (!outside.isEmpty()) {
            add(
                    errors,
                    ProvisionRule.ITEM_OUTSIDE_SCHEME,
                    outside + " not among the scheme's items " + v.dataItems + " (Art. 27(5)(iii))");
        }
    }

    private static void consentRules(
            ConsentFacts facts,
            List<String> refs,
            Map<String, Problem.FieldError> errors,
            Map<String, List<Problem.FieldError>> perSubject,
            boolean provisionBasis) {
        if (!facts.purposeNamed()) {
            add(
                    errors,
                    ProvisionRule.PURPOSE_REQUIRED,
                    "the principals' consent is the basis: name the purpose it "
                            + "was given for (Arts. 27(1), 28(1))");
            return;
        }
        if (facts.unavailable() != null) {
            throw new ConsentUnavailable(facts.unavailable());
        }
        if (facts.rejected() != null) {
            add(
                    errors,
                    ProvisionRule.CONSENT_NOT_CONFIRMED,
                    "consent-service refused the check with status " + facts.rejected());
            return;
        }
        if (facts.purpose() == null) {
            add(errors, ProvisionRule.UNKNOWN_PURPOSE, "consent-service has no purpose " + facts.purposeCode());
            return;
        }
        if (provisionBasis && !facts.purpose().current().thirdPartyProvision()) {
            add(
                    errors,
                    ProvisionRule.PURPOSE_WITHOUT_PROVISION,
                    "purpose " + facts.purposeCode() + " (version "
                            + facts.purpose().current().version()
                            + ") does not state provision to third parties, so consent "
                            + "to it is not consent to provision (Arts. 17(1), 27(1))");
        }
        int refused = 0;
        for (String ref : refs) {
            ConsentDecisions.Decision d = facts.decisions().get(ref);
            if (d == null || !d.allowed()) {
                refused++;
                String reason = d == null ? "NO_ANSWER" : d.reason();
                perSubject
                        .computeIfAbsent(ref, k -> new ArrayList<>())
                        .add(new Problem.FieldError(
                                ProvisionRule.NO_CONSENT.name(),
                                reason + (d == null || d.message() == null ? "" : ": " + d.message())));
            }
        }
        if (refused > 0) {
            add(
                    errors,
                    ProvisionRule.NO_CONSENT,
                    refused + " of " + refs.size() + " principals have no consent for " + facts.purposeCode()
                            + " (Art. 27(1)); see subjects");
        }
    }

    private static void add(Map<String, Problem.FieldError> errors, ProvisionRule rule, String message) {
        errors.putIfAbsent(rule.name(), new Problem.FieldError(rule.name(), message));
    }

    /**
     * The record of an allowed provision (Art. 29(1); Rules 19, 20): who received what about whom, on which basis,
     * and until when it is kept (Art. 29(2); Rule 21). The principals are listed beside it, not in it.
     */
    public static ProvisionRecord record(
            Findings findings,
            ProvisionFacts c,
            ProvisionDraft draft,
            ConsentFacts facts,
            List<String> refs,
            UUID id,
            OffsetDateTime now,
            LocalDate today,
            String recordedBy) {
        if (!findings.evaluation().allowed()) {
            throw new IllegalArgumentException("a refused provision is not recorded");
        }
        ThirdParty party = c.party();
        ProvisionRecord record = new ProvisionRecord();
        record.id = id;
        record.tenantId = c.tenantId();
        record.recipientId = party.id;
        record.recipientName = party.name;
        record.recipientAddress = party.address;
        record.recipientRepresentative = party.representative;
        record.recipientCountry = party.country;
        record.legalBasis = party.legalBasis;
        record.crossBorderBasis = party.crossBorderBasis;
        // Art. 28(1)(2); Rule 17: consent abroad counts only as given on the information shown, so the record
        // says which version(s) of it the principals consented on. Art. 28(3); Rule 18(1)(i): equivalent
        // measures count only as last checked, so the record names that check.
        if (party.crossBorderBasis == CrossBorderBasis.CONSENT_WITH_INFORMATION) {
            record.crossBorderConsentVersions = refs.stream()
                    .map(ref -> facts.decisions().get(ref).versionConsentedOn())
                    .distinct()
                    .sorted()
                    .toList();
        } else if (party.crossBorderBasis == CrossBorderBasis.EQUIVALENT_MEASURES) {
            record.crossBorderCheckId = c.lastCheck().id;
            record.crossBorderCheckedOn = c.lastCheck().checkedOn;
        }
        record.purpose = facts.purposeCode();
        record.purposeVersion =
                facts.purpose() == null ? null : facts.purpose().current().version();
        record.consentConfirmed = findings.consentConfirmed();
        record.jointUseSchemeId = c.scheme() == null ? null : c.scheme().id;
        record.jointUseSchemeVersion = c.schemeVersion() == null ? null : c.schemeVersion().version;
        record.contractorId = c.standing() == null ? null : c.standing().contractor().id;
        record.optOutFilingId = findings.filing() == null ? null : findings.filing().filingId;
        record.statutoryRecord = party.provisionRecordsRequired();
        record.method = draft.method();
        record.providedOn = draft.providedOn();
        record.lastTransferOn = draft.lastTransferOn();
        record.dataItems = List.copyOf(new LinkedHashSet<>(
                draft.dataItems().stream().map(String::strip).toList()));
        record.recordedOn = today;
        record.recordedAt = now;
        record.recordedBy = recordedBy;
        record.retainUntil = RecordRetention.retainUntil(draft.method(), today, draft.lastTransferOn());
        return record;
    }

    /**
     * The items a provision record must hold for its method (Rules 19, 21), and dates that cannot be. The field each
     * concerns leads the message, so a caller knows what to correct.
     */
    private static void recordItemRules(ProvisionDraft draft, LocalDate today, Map<String, Problem.FieldError> errors) {
        if (draft.method() != RecordMethod.EACH && draft.lastTransferOn() == null) {
            add(
                    errors,
                    ProvisionRule.LAST_TRANSFER_REQUIRED,
                    "lastTransferOn: is required for a " + draft.method()
                            + " record: its retention runs from the last provision (Rule 21)");
        }
        if (draft.method() == RecordMethod.EACH && draft.lastTransferOn() != null) {
            add(
                    errors,
                    ProvisionRule.LAST_TRANSFER_NOT_APPLICABLE,
                    "lastTransferOn: an EACH record covers one "
                            + "provision: give its date as providedOn (Rule 19(1))");
        }
        List<String> future = new ArrayList<>();
        if (draft.providedOn() != null && draft.providedOn().isAfter(today)) {
            future.add("providedOn");
        }
        if (draft.lastTransferOn() != null && draft.lastTransferOn().isAfter(today)) {
            future.add("lastTransferOn");
        }
        if (!future.isEmpty()) {
            add(
                    errors,
                    ProvisionRule.DATE_IN_FUTURE,
                    String.join(", ", future) + ": after today (" + today
                            + " in Japan); a provision is recorded once it has happened (Art. 29(1))");
        }
        if (draft.providedOn() != null
                && draft.lastTransferOn() != null
                && draft.lastTransferOn().isBefore(draft.providedOn())) {
            add(errors, ProvisionRule.LAST_TRANSFER_BEFORE_PROVISION, "lastTransferOn: must not be before providedOn");
        }
    }

    /**
     * Art. 27(2) proviso: what the company received by opt-out does not leave again by opt-out. A principal fails
     * when a receipt record about them was made on an opt-out basis and shares a data item with this provision; the
     * same person's data from another source (a consent-based receipt, the company's own collection) may still go.
     */
    private static void receivedByOptOutRule(
            List<OptOutReceipt> received,
            List<String> items,
            Map<String, Problem.FieldError> errors,
            Map<String, List<Problem.FieldError>> perSubject) {
        Set<String> failing = new LinkedHashSet<>();
        for (OptOutReceipt r : received) {
            List<String> shared =
                    items.stream().filter(r.dataItems()::contains).distinct().toList();
            if (shared.isEmpty()) {
                continue;
            }
            failing.add(r.subjectRef());
            perSubject
                    .computeIfAbsent(r.subjectRef(), k -> new ArrayList<>())
                    .add(new Problem.FieldError(
                            ProvisionRule.RECEIVED_BY_OPT_OUT.name(),
                            shared + " received by opt-out from " + r.providerName() + " on " + r.receivedOn()
                                    + " (receipt " + r.receiptId() + ")"));
        }
        if (!failing.isEmpty()) {
            add(
                    errors,
                    ProvisionRule.RECEIVED_BY_OPT_OUT,
                    failing.size() + " principals' data was itself received by "
                            + "opt-out and cannot be provided onward by opt-out (Art. 27(2) proviso); obtain consent "
                            + "instead; see subjects");
        }
    }
}
