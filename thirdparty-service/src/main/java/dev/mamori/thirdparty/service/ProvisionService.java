package dev.mamori.thirdparty.service;

import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.problem.Problem;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.subject.SubjectRef;
import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.platform.time.JapanTime;
import dev.mamori.thirdparty.CheckResult;
import dev.mamori.thirdparty.CrossBorderBasis;
import dev.mamori.thirdparty.CrossBorderCheck;
import dev.mamori.thirdparty.JointUseScheme;
import dev.mamori.thirdparty.JointUseSchemeVersion;
import dev.mamori.thirdparty.LegalBasis;
import dev.mamori.thirdparty.OptOutFilingVersion;
import dev.mamori.thirdparty.ProvisionRecord;
import dev.mamori.thirdparty.ProvisionStop;
import dev.mamori.thirdparty.ProvisionSubject;
import dev.mamori.thirdparty.RecordMethod;
import dev.mamori.thirdparty.ThirdParty;
import dev.mamori.thirdparty.client.ConsentClient;
import dev.mamori.thirdparty.client.ConsentDecisions;
import dev.mamori.thirdparty.client.ConsentRejected;
import dev.mamori.thirdparty.client.ConsentUnavailable;
import dev.mamori.thirdparty.repository.CrossBorderCheckRepository;
import dev.mamori.thirdparty.repository.JointUseSchemeRepository;
import dev.mamori.thirdparty.repository.JointUseSchemeVersionRepository;
import dev.mamori.thirdparty.repository.OptOutFilingVersionRepository;
import dev.mamori.thirdparty.repository.ProvisionRecordRepository;
import dev.mamori.thirdparty.repository.ProvisionStopRepository;
import dev.mamori.thirdparty.repository.ProvisionSubjectRepository;
import dev.mamori.thirdparty.repository.ReceiptRecordRepository;
import dev.mamori.thirdparty.repository.ReceiptRecordRepository.OptOutReceipt;
import dev.mamori.thirdparty.repository.ThirdPartyRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * Checking a provision of personal data to a third party against every rule of the law before it happens, and
 * recording it with the items PPC Rule 20 asks for and its retention end (APPI Arts. 25, 27, 28, 29). Also every
 * provision record about a person, for disclosure (Art. 33(5)).
 */
@ApplicationScoped
public class ProvisionService {

    /** A provision record with the principals it lists (all of them, or only the one a disclosure is about). */
    public record RecordedProvision(ProvisionRecord record, List<String> subjectRefs) {
    }

    static final String RESOURCE = "provision";
    /** Art. 35 stops concern provision to third parties in the law's sense, and joint users who use for their own ends. */
    private static final Set<LegalBasis> STOPPABLE = EnumSet.of(LegalBasis.CONSENT, LegalBasis.OPT_OUT, LegalBasis.JOINT_USE);

    private final ProvisionRecordRepository records;
    private final ProvisionSubjectRepository subjects;
    private final ProvisionStopRepository stops;
    private final ThirdPartyRepository parties;
    private final CrossBorderCheckRepository crossBorderChecks;
    private final JointUseSchemeRepository schemes;
    private final JointUseSchemeVersionRepository schemeVersions;
    private final OptOutFilingVersionRepository filings;
    private final ReceiptRecordRepository receipts;
    private final ContractorService contractors;
    private final ConsentClient consent;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final Clock clock;

    public ProvisionService(ProvisionRecordRepository records, ProvisionSubjectRepository subjects,
                            ProvisionStopRepository stops, ThirdPartyRepository parties,
                            CrossBorderCheckRepository crossBorderChecks, JointUseSchemeRepository schemes,
                            JointUseSchemeVersionRepository schemeVersions, OptOutFilingVersionRepository filings,
                            ReceiptRecordRepository receipts, ContractorService contractors, ConsentClient consent,
                            TenantContext tenant, AuditLog audit, Clock clock) {
        this.records = records;
        this.subjects = subjects;
        this.stops = stops;
        this.parties = parties;
        this.crossBorderChecks = crossBorderChecks;
        this.schemes = schemes;
        this.schemeVersions = schemeVersions;
        this.filings = filings;
        this.receipts = receipts;
        this.contractors = contractors;
        this.consent = consent;
        this.tenant = tenant;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Asks consent-service about the purpose and every principal, before any transaction starts. A failure of
     * consent-service is kept as a fact: it refuses the provision only if the provision needs consent.
     */
    public Uni<ConsentFacts> consentFacts(ProvisionDraft draft, ConsentClient.Caller caller) {
        checkListElements(draft);
        if (draft.purpose() == null || draft.purpose().isBlank()) {
            return Uni.createFrom().item(ConsentFacts.NONE);
        }
        String code = draft.purpose().strip();
        String tenantId = tenant.tenantId();
        List<ConsentDecisions.Check> checks = distinct(draft.subjectRefs()).stream()
                .map(ref -> new ConsentDecisions.Check(ref, code)).toList();
        return consent.purpose(tenantId, caller, code)
                .chain(found -> found.isEmpty()
                        ? Uni.createFrom().item(ConsentFacts.unknownPurpose(code))
                        : consent.decide(tenantId, caller, checks).map(all -> ConsentFacts.of(code, found.get(), all))
                        // The purpose is known even when the decisions are not: it still tells sensitive categories.
                        .onFailure(ConsentRejected.class).recoverWithItem(e -> new ConsentFacts(code, found.get(),
                                Map.of(), null, ((ConsentRejected) e).status()))
                        .onFailure(e -> !(e instanceof ConsentRejected)).recoverWithItem(e -> new ConsentFacts(code,
                                found.get(), Map.of(), describe(e), null)))
                .onFailure(ConsentRejected.class).recoverWithItem(e -> ConsentFacts.rejected(code,
                        ((ConsentRejected) e).status()))
                .onFailure().recoverWithItem(e -> ConsentFacts.unavailable(code, describe(e)));
    }

    /** Checks without recording (a dry run); reading the principals' stops and consents is audited per principal. */
    @WithTransaction
    public Uni<ProvisionEvaluation> check(ProvisionDraft draft, ConsentFacts facts) {
        String tenantId = tenant.tenantId();
        LocalDate today = today();
        List<String> refs = distinct(draft.subjectRefs());
        return load(tenantId, draft, refs, today)
                .map(context -> evaluate(context, draft, facts, refs, today))
                .call(evaluation -> auditEach("PROVISION_CHECKED", null, refs));
    }

    /** Checks every rule and, when none fails, records the provision; otherwise refuses naming every failing rule. */
    @WithTransaction
    public Uni<RecordedProvision> record(ProvisionDraft draft, ConsentFacts facts) {
        String tenantId = tenant.tenantId();
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        LocalDate today = JapanTime.dateOf(now);
        List<String> refs = distinct(draft.subjectRefs());
        return load(tenantId, draft, refs, today).chain(context -> {
            ProvisionEvaluation evaluation = evaluate(context, draft, facts, refs, today);
            if (!evaluation.allowed()) {
                throw new ProvisionRefused(evaluation);
            }
            ThirdParty party = context.party;
            ProvisionRecord record = new ProvisionRecord();
            record.id = UUID.randomUUID();
            record.tenantId = tenantId;
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
                        .distinct().sorted().toList();
            } else if (party.crossBorderBasis == CrossBorderBasis.EQUIVALENT_MEASURES) {
                record.crossBorderCheckId = context.lastCheck.id;
                record.crossBorderCheckedOn = context.lastCheck.checkedOn;
            }
            record.purpose = facts.purposeCode();
            record.purposeVersion = facts.purpose() == null ? null : facts.purpose().current().version();
            record.consentConfirmed = context.consentNeeded;
            record.jointUseSchemeId = context.scheme == null ? null : context.scheme.id;
            record.jointUseSchemeVersion = context.schemeVersion == null ? null : context.schemeVersion.version;
            record.contractorId = context.standing == null ? null : context.standing.contractor().id;
            record.optOutFilingId = context.filing == null ? null : context.filing.filingId;
            record.statutoryRecord = party.provisionRecordsRequired();
            record.method = draft.method();
            record.providedOn = draft.providedOn();
            record.lastTransferOn = draft.lastTransferOn();
            record.dataItems = List.copyOf(new LinkedHashSet<>(draft.dataItems().stream().map(String::strip).toList()));
            record.recordedOn = today;
            record.recordedAt = now;
            record.recordedBy = tenant.actorSubject();
            record.retainUntil = RecordRetention.retainUntil(draft.method(), today, draft.lastTransferOn());
            List<ProvisionSubject> rows = new ArrayList<>(refs.size());
            for (int i = 0; i < refs.size(); i++) {
                ProvisionSubject row = new ProvisionSubject();
                row.id = UUID.randomUUID();
                row.tenantId = tenantId;
                row.provisionId = record.id;
                row.subjectRef = refs.get(i);
                row.position = i;
                rows.add(row);
            }
            return records.persist(record)
                    .chain(() -> subjects.persist(rows))
                    .chain(() -> auditEach("PROVISION_RECORDED", record.id, refs))
                    .map(done -> new RecordedProvision(record, refs));
        });
    }

    @WithTransaction
    public Uni<RecordedProvision> get(UUID id) {
        String tenantId = tenant.tenantId();
        return records.findInTenant(tenantId, id).chain(record -> {
            if (record == null) {
                throw ProblemException.notFound("Provision record", id);
            }
            return subjects.subjectsOf(tenantId, id).call(refs -> auditEach("PROVISION_READ", id, refs))
                    .map(refs -> new RecordedProvision(record, refs));
        });
    }

    /** Every provision record about one principal, newest first, listing only that principal (Art. 33(5)). */
    @WithTransaction
    public Uni<List<RecordedProvision>> aboutSubject(String subjectRef, int offset, int limit) {
        String tenantId = tenant.tenantId();
        return records.aboutSubject(tenantId, subjectRef, offset, limit)
                .call(found -> audit.record("SUBJECT_PROVISIONS_READ", RESOURCE, null, subjectRef))
                .map(found -> found.stream().map(r -> new RecordedProvision(r, List.of(subjectRef))).toList());
    }

    // ---- loading what the rules look at ----

    /** Everything the rules look at, loaded one query after the other in the caller's session. */
    static final class Context {
        ThirdParty party;
        List<ProvisionStop> stops = List.of();
        CrossBorderCheck lastCheck;
        ContractorStanding standing;
        JointUseScheme scheme;
        JointUseSchemeVersion schemeVersion;
        List<OptOutFilingVersion> filings = List.of();
        OptOutFilingVersion filing;
        List<OptOutReceipt> receivedByOptOut = List.of();
        boolean consentNeeded;
    }

    private Uni<Context> load(String tenantId, ProvisionDraft draft, List<String> refs, LocalDate today) {
        Context c = new Context();
        return parties.findInTenant(tenantId, draft.recipientId()).chain(party -> {
            if (party == null) {
                // Another tenant's party is answered exactly like one that does not exist.
                throw ProblemException.unprocessable("unknown-recipient", "Unknown recipient", "recipientId",
                        "no third party " + draft.recipientId() + " is registered; register the recipient first");
            }
            c.party = party;
            return stops.inForce(tenantId, refs);
        }).chain(found -> {
            c.stops = found;
            return c.party.isAbroad() && c.party.crossBorderBasis == CrossBorderBasis.EQUIVALENT_MEASURES
                    ? crossBorderChecks.latest(tenantId, c.party.id) : Uni.createFrom().nullItem();
        }).chain(check -> {
            c.lastCheck = check;
            return c.party.legalBasis == LegalBasis.ENTRUSTMENT
                    ? contractors.standingOfParty(tenantId, c.party.id) : Uni.createFrom().nullItem();
        }).chain(standing -> {
            c.standing = standing;
            if (c.party.legalBasis != LegalBasis.JOINT_USE || draft.jointUseSchemeId() == null) {
                return Uni.createFrom().nullItem();
            }
            return schemes.findVisible(tenantId, tenant.group().orElse(null), draft.jointUseSchemeId(), today)
                    .chain(scheme -> {
                        c.scheme = scheme;
                        return scheme == null ? Uni.createFrom().nullItem() : schemeVersions.inForce(scheme.id, today);
                    });
        }).chain(version -> {
            c.schemeVersion = (JointUseSchemeVersion) version;
            if (c.party.legalBasis != LegalBasis.OPT_OUT) {
                return Uni.createFrom().item(c);
            }
            // The filings in force on the day of provision: a withdrawal dated later has not ended it yet.
            LocalDate on = draft.providedOn() == null ? today : draft.providedOn();
            return filings.currentOfTenant(tenantId, on).chain(found -> {
                c.filings = found;
                return receipts.receivedByOptOut(tenantId, refs);
            }).map(received -> {
                c.receivedByOptOut = received;
                return c;
            });
        });
    }

    // ---- the rules ----

    /** Applies every rule; never stops at the first failure. */
    ProvisionEvaluation evaluate(Context c, ProvisionDraft draft, ConsentFacts facts, List<String> refs, LocalDate today) {
        ThirdParty party = c.party;
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
                add(errors, ProvisionRule.CROSS_BORDER_SUSPENDED, "provision to " + party.country + " is suspended since "
                        + JapanTime.dateOf(party.crossBorderSuspendedAt) + ": " + party.crossBorderSuspensionReason
                        + " (Art. 28(3); Rule 18(1)(ii))");
            }
            CrossBorderBasis cbb = party.crossBorderBasis;
            if (cbb == null && !basis.isArt27Exception()) {
                add(errors, ProvisionRule.NO_CROSS_BORDER_BASIS, "the recipient in " + party.country
                        + " has no Art. 28(1) basis");
            } else if (cbb == CrossBorderBasis.CONSENT_WITH_INFORMATION) {
                // Art. 28(1): consent even under entrustment or joint use, given after the Art. 28(2) information.
                c.consentNeeded = true;
                if (facts.purpose() != null
                        && !facts.purpose().current().crossBorderCountriesOrEmpty().contains(party.country)) {
                    add(errors, ProvisionRule.NO_CROSS_BORDER_BASIS, "the consent for purpose " + facts.purposeCode()
                            + " was not given with the information on " + party.country + " (Art. 28(1), 28(2); Rule 17)");
                }
            } else if (cbb == CrossBorderBasis.EQUIVALENT_MEASURES) {
                if (c.lastCheck == null) {
                    add(errors, ProvisionRule.CROSS_BORDER_CHECK_OVERDUE, "the recipient's equivalent measures were "
                            + "never checked; record a check first (Art. 28(3); Rule 18(1)(i))");
                } else if (c.lastCheck.result == CheckResult.NOT_ENSURED) {
                    add(errors, ProvisionRule.CROSS_BORDER_SUSPENDED, "the check of " + c.lastCheck.checkedOn
                            + " found the equivalent measures not ensured (Art. 28(3); Rule 18(1)(ii))");
                } else if (c.lastCheck.nextCheckDue.isBefore(today)) {
                    add(errors, ProvisionRule.CROSS_BORDER_CHECK_OVERDUE, "the periodic check was due on "
                            + c.lastCheck.nextCheckDue + " (Art. 28(3); Rule 18(1)(i))");
                }
            }
        }

        switch (basis) {
            case CONSENT -> c.consentNeeded = true;
            case OPT_OUT -> optOutRules(c, draft, items, today, errors, perSubject);
            case ENTRUSTMENT -> {
                if (c.standing == null) {
                    add(errors, ProvisionRule.CONTRACTOR_NOT_ASSESSED, "the recipient has no contractor record: select "
                            + "and assess it before entrusting data (Art. 25)");
                } else {
                    c.standing.failures(today).forEach(f -> errors.putIfAbsent(f.field(), f));
                }
            }
            case JOINT_USE -> jointUseRules(c, draft, items, errors);
            default -> {
                // Art. 27(1) exceptions and business succession: no consent, no further rule.
            }
        }

        // Special care-required data never goes by opt-out (Art. 27(2) proviso); with a purpose named, its sensitive
        // categories must be known, so an unanswered purpose refuses rather than guesses.
        if (basis == LegalBasis.OPT_OUT && facts.purposeNamed() && facts.purpose() == null && facts.unavailable() != null) {
            throw new ConsentUnavailable(facts.unavailable());
        }
        if (basis == LegalBasis.OPT_OUT && (!draft.sensitiveCategoriesOrEmpty().isEmpty()
                || (facts.purpose() != null && !facts.purpose().current().sensitiveCategoriesOrEmpty().isEmpty()))) {
            add(errors, ProvisionRule.SENSITIVE_BY_OPT_OUT, "special care-required data cannot be provided by opt-out"
                    + " (Art. 27(2) proviso); obtain consent instead");
        }

        // Arts. 27(1), 28(1): the principals' consent, as consent-service decides it.
        if (c.consentNeeded) {
            consentRules(facts, refs, errors, perSubject, basis == LegalBasis.CONSENT);
        }

        // Arts. 27(2), 35: stopped principals.
        if (STOPPABLE.contains(basis)) {
            for (ProvisionStop stop : c.stops) {
                perSubject.computeIfAbsent(stop.subjectRef, k -> new ArrayList<>()).add(new Problem.FieldError(
                        ProvisionRule.PROVISION_STOPPED.name(), "provision was stopped on " + JapanTime.dateOf(stop.stoppedAt)
                                + " on request " + stop.requestRef + " (" + stop.ground + ")"));
            }
            if (!c.stops.isEmpty()) {
                add(errors, ProvisionRule.PROVISION_STOPPED, c.stops.size() + " of " + refs.size()
                        + " principals have their provision stopped (Arts. 27(2), 35); see subjects");
            }
        }

        List<ProvisionEvaluation.SubjectFailures> subjectsFailing = refs.stream()
                .filter(perSubject::containsKey)
                .map(ref -> new ProvisionEvaluation.SubjectFailures(ref, perSubject.get(ref)))
                .toList();
        boolean retentionKnown = draft.method() == RecordMethod.EACH || draft.lastTransferOn() != null;
        return new ProvisionEvaluation(errors.isEmpty(), List.copyOf(errors.values()), subjectsFailing,
                party.provisionRecordsRequired(),
                retentionKnown ? RecordRetention.retainUntil(draft.method(), today, draft.lastTransferOn()) : null);
    }

    private static void optOutRules(Context c, ProvisionDraft draft, List<String> items, LocalDate today,
                                    Map<String, Problem.FieldError> errors,
                                    Map<String, List<Problem.FieldError>> perSubject) {
        receivedByOptOutRule(c.receivedByOptOut, items, errors, perSubject);
        if (draft.method() == RecordMethod.BULK) {
            add(errors, ProvisionRule.BULK_NOT_FOR_OPT_OUT, "opt-out provisions are recorded each time (Rule 19(2))");
        }
        if (draft.providedOn() == null) {
            add(errors, ProvisionRule.PROVISION_DATE_REQUIRED, "an opt-out record holds the date of provision: give "
                    + "providedOn (Rule 20(1)(i)(a))");
        }
        LocalDate on = draft.providedOn() == null ? today : draft.providedOn();
        List<OptOutFilingVersion> started = c.filings.stream().filter(f -> !f.provisionStartsOn.isAfter(on)).toList();
        if (started.isEmpty()) {
            add(errors, ProvisionRule.OPT_OUT_NOT_FILED, "no opt-out filing in force whose provision had started by "
                    + on + " (Art. 27(2))");
            return;
        }
        for (OptOutFilingVersion filing : started) {
            if (filing.dataItems.containsAll(items)) {
                c.filing = filing;
                return;
            }
        }
        List<String> outside = items.stream().filter(i -> started.stream().noneMatch(f -> f.dataItems.contains(i))).toList();
        add(errors, ProvisionRule.ITEM_OUTSIDE_OPT_OUT_FILING, "not in one filing: "
                + (outside.isEmpty() ? items : outside) + " (Art. 27(2)(iii))");
    }

    private void jointUseRules(Context c, ProvisionDraft draft, List<String> items, Map<String, Problem.FieldError> errors) {
        if (draft.jointUseSchemeId() == null) {
            add(errors, ProvisionRule.SCHEME_REQUIRED, "name the joint-use scheme the provision is made under "
                    + "(Art. 27(5)(iii))");
            return;
        }
        if (c.scheme == null) {
            add(errors, ProvisionRule.SCHEME_NOT_FOUND, "no joint-use scheme " + draft.jointUseSchemeId()
                    + " that this tenant manages or belongs to");
            return;
        }
        JointUseSchemeVersion v = c.schemeVersion;
        if (v == null) {
            add(errors, ProvisionRule.SCHEME_NOT_IN_FORCE, "no version of the scheme is in force yet");
            return;
        }
        String me = tenant.tenantId();
        if (!me.equals(c.scheme.tenantId) && !v.members.contains(me)) {
            add(errors, ProvisionRule.PROVIDER_NOT_SCHEME_MEMBER, me + " is not a joint user in version " + v.version);
        }
        String recipient = c.party.groupTenantId;
        if (recipient == null || (!recipient.equals(c.scheme.tenantId) && !v.members.contains(recipient))) {
            add(errors, ProvisionRule.RECIPIENT_NOT_SCHEME_MEMBER, "the recipient " + c.party.name
                    + (recipient == null ? " is not a group company of the suite (no groupTenantId)"
                    : " (" + recipient + ") is not a joint user in version " + v.version) + " (Art. 27(5)(iii))");
        }
        List<String> outside = items.stream().filter(i -> !v.dataItems.contains(i)).toList();
        if (!outside.isEmpty()) {
            add(errors, ProvisionRule.ITEM_OUTSIDE_SCHEME, outside + " not among the scheme's items " + v.dataItems
                    + " (Art. 27(5)(iii))");
        }
    }

    private static void consentRules(ConsentFacts facts, List<String> refs, Map<String, Problem.FieldError> errors,
                                     Map<String, List<Problem.FieldError>> perSubject, boolean provisionBasis) {
        if (!facts.purposeNamed()) {
            add(errors, ProvisionRule.PURPOSE_REQUIRED, "the principals' consent is the basis: name the purpose it "
                    + "was given for (Arts. 27(1), 28(1))");
            return;
        }
        if (facts.unavailable() != null) {
            throw new ConsentUnavailable(facts.unavailable());
        }
        if (facts.rejected() != null) {
            add(errors, ProvisionRule.CONSENT_NOT_CONFIRMED, "consent-service refused the check with status "
                    + facts.rejected());
            return;
        }
        if (facts.purpose() == null) {
            add(errors, ProvisionRule.UNKNOWN_PURPOSE, "consent-service has no purpose " + facts.purposeCode());
            return;
        }
        if (provisionBasis && !facts.purpose().current().thirdPartyProvision()) {
            add(errors, ProvisionRule.PURPOSE_WITHOUT_PROVISION, "purpose " + facts.purposeCode() + " (version "
                    + facts.purpose().current().version() + ") does not state provision to third parties, so consent "
                    + "to it is not consent to provision (Arts. 17(1), 27(1))");
        }
        int refused = 0;
        for (String ref : refs) {
            ConsentDecisions.Decision d = facts.decisions().get(ref);
            if (d == null || !d.allowed()) {
                refused++;
                String reason = d == null ? "NO_ANSWER" : d.reason();
                perSubject.computeIfAbsent(ref, k -> new ArrayList<>()).add(new Problem.FieldError(
                        ProvisionRule.NO_CONSENT.name(), reason + (d == null || d.message() == null ? "" : ": " + d.message())));
            }
        }
        if (refused > 0) {
            add(errors, ProvisionRule.NO_CONSENT, refused + " of " + refs.size() + " principals have no consent for "
                    + facts.purposeCode() + " (Art. 27(1)); see subjects");
        }
    }

    private static void add(Map<String, Problem.FieldError> errors, ProvisionRule rule, String message) {
        errors.putIfAbsent(rule.name(), new Problem.FieldError(rule.name(), message));
    }

    // ---- request shape ----

    private static void checkListElements(ProvisionDraft draft) {
        List<Problem.FieldError> invalid = new ArrayList<>();
        // Checked again (the draft's annotations did it first) because consent-service is asked about each one: a
        // ref it would refuse must never reach it.
        for (int i = 0; i < draft.subjectRefs().size(); i++) {
            if (!SubjectRef.isValid(draft.subjectRefs().get(i))) {
                invalid.add(new Problem.FieldError("subjectRefs[" + i + "]", SubjectRef.MESSAGE));
            }
        }
        for (int i = 0; i < draft.dataItems().size(); i++) {
            String item = draft.dataItems().get(i);
            if (item == null || item.isBlank() || item.strip().length() > ProvisionDraft.MAX_DATA_ITEM) {
                invalid.add(new Problem.FieldError("dataItems[" + i + "]", "size must be between 1 and 100"));
            }
        }
        if (draft.purpose() != null && !draft.purpose().matches(ProvisionDraft.PURPOSE_CODE)) {
            invalid.add(new Problem.FieldError("purpose", ProvisionDraft.PURPOSE_CODE_MESSAGE));
        }
        if (!invalid.isEmpty()) {
            throw new ProblemException(400, "validation", "Request is not valid",
                    String.join("; ", invalid.stream().map(e -> e.field() + ": " + e.message()).toList()), invalid);
        }
    }

    /**
     * The items a provision record must hold for its method (Rules 19, 21), and dates that cannot be. The field each
     * concerns leads the message, so a caller knows what to correct.
     */
    private static void recordItemRules(ProvisionDraft draft, LocalDate today, Map<String, Problem.FieldError> errors) {
        if (draft.method() != RecordMethod.EACH && draft.lastTransferOn() == null) {
            add(errors, ProvisionRule.LAST_TRANSFER_REQUIRED, "lastTransferOn: is required for a " + draft.method()
                    + " record: its retention runs from the last provision (Rule 21)");
        }
        if (draft.method() == RecordMethod.EACH && draft.lastTransferOn() != null) {
            add(errors, ProvisionRule.LAST_TRANSFER_NOT_APPLICABLE, "lastTransferOn: an EACH record covers one "
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
            add(errors, ProvisionRule.DATE_IN_FUTURE, String.join(", ", future) + ": after today (" + today
                    + " in Japan); a provision is recorded once it has happened (Art. 29(1))");
        }
        if (draft.providedOn() != null && draft.lastTransferOn() != null
                && draft.lastTransferOn().isBefore(draft.providedOn())) {
            add(errors, ProvisionRule.LAST_TRANSFER_BEFORE_PROVISION, "lastTransferOn: must not be before providedOn");
        }
    }

    /**
     * Art. 27(2) proviso: what the company received by opt-out does not leave again by opt-out. A principal fails
     * when a receipt record about them was made on an opt-out basis and shares a data item with this provision; the
     * same person's data from another source (a consent-based receipt, the company's own collection) may still go.
     */
    private static void receivedByOptOutRule(List<OptOutReceipt> received, List<String> items,
                                             Map<String, Problem.FieldError> errors,
                                             Map<String, List<Problem.FieldError>> perSubject) {
        Set<String> failing = new LinkedHashSet<>();
        for (OptOutReceipt r : received) {
            List<String> shared = items.stream().filter(r.dataItems()::contains).distinct().toList();
            if (shared.isEmpty()) {
                continue;
            }
            failing.add(r.subjectRef());
            perSubject.computeIfAbsent(r.subjectRef(), k -> new ArrayList<>()).add(new Problem.FieldError(
                    ProvisionRule.RECEIVED_BY_OPT_OUT.name(), shared + " received by opt-out from " + r.providerName()
                            + " on " + r.receivedOn() + " (receipt " + r.receiptId() + ")"));
        }
        if (!failing.isEmpty()) {
            add(errors, ProvisionRule.RECEIVED_BY_OPT_OUT, failing.size() + " principals' data was itself received by "
                    + "opt-out and cannot be provided onward by opt-out (Art. 27(2) proviso); obtain consent "
                    + "instead; see subjects");
        }
    }

    private static List<String> distinct(List<String> refs) {
        return List.copyOf(new LinkedHashSet<>(refs));
    }

    private static String describe(Throwable e) {
        if (e instanceof TimeoutException || e instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException) {
            return "timed out";
        }
        if (e instanceof org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException) {
            return "circuit open after repeated failures";
        }
        if (e instanceof jakarta.ws.rs.WebApplicationException w) {
            return "answered " + w.getResponse().getStatus();
        }
        return "not reachable";
    }

    private LocalDate today() {
        return JapanTime.today(clock);
    }

    private Uni<Void> auditEach(String action, UUID provisionId, List<String> subjectRefs) {
        return audit.recordAll(tenant.tenantId(),
                subjectRefs.stream().map(ref -> audit.entry(action, RESOURCE, provisionId, ref)).toList());
    }
}
