package dev.mamori.thirdparty.service;

import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.problem.Problem;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.subject.SubjectRef;
import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.platform.time.JapanTime;
import dev.mamori.thirdparty.ProvisionRecord;
import dev.mamori.thirdparty.ProvisionSubject;
import dev.mamori.thirdparty.client.ConsentClient;
import dev.mamori.thirdparty.client.ConsentDecisions;
import dev.mamori.thirdparty.client.ConsentRejected;
import dev.mamori.thirdparty.repository.ProvisionRecordRepository;
import dev.mamori.thirdparty.repository.ProvisionSubjectRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Checking a provision of personal data to a third party against every rule of the law before it happens, and
 * recording it with the items PPC Rule 20 asks for and its retention end (APPI Arts. 25, 27, 28, 29). Also every
 * provision record about a person, for disclosure (Art. 33(5)). It gathers the facts (consent-service's answers
 * first, outside any transaction, then the database's), asks {@link ProvisionRules}, and records what they allow.
 */
@ApplicationScoped
public class ProvisionService {

    /** A provision record with the principals it lists (all of them, or only the one a disclosure is about). */
    public record RecordedProvision(ProvisionRecord record, List<String> subjectRefs) {}

    static final String RESOURCE = "provision";

    private final ProvisionRecordRepository records;
    private final ProvisionSubjectRepository subjects;
    private final ProvisionFactsLoader facts;
    private final ConsentClient consent;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final Idempotency idempotency;
    private final Clock clock;

    public ProvisionService(
            ProvisionRecordRepository records,
            ProvisionSubjectRepository subjects,
            ProvisionFactsLoader facts,
            ConsentClient consent,
            TenantContext tenant,
            AuditLog audit,
            Idempotency idempotency,
            Clock clock) {
        this.records = records;
        this.subjects = subjects;
        this.facts = facts;
        this.consent = consent;
        this.tenant = tenant;
        this.audit = audit;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /**
     * Checks every rule and, when none fails, records the provision, once per Idempotency-Key; otherwise refuses
     * naming every failing rule. consent-service is asked before the transaction starts, with the caller's token.
     */
    public Uni<Response> record(
            String idempotencyKey,
            ProvisionDraft draft,
            ConsentClient.Caller caller,
            Function<RecordedProvision, Response> answer) {
        return consentFacts(draft, caller)
                .chain(consentFacts -> idempotency.once(
                        idempotencyKey, "recordProvision", draft, () -> record(draft, consentFacts), answer));
    }

    /** Checks without recording (a dry run); reading the principals' stops and consents is audited per principal. */
    public Uni<ProvisionEvaluation> check(ProvisionDraft draft, ConsentClient.Caller caller) {
        return consentFacts(draft, caller).chain(consentFacts -> check(draft, consentFacts));
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
                .map(ref -> new ConsentDecisions.Check(ref, code))
                .toList();
        return consent.purpose(tenantId, caller, code)
                .chain(found -> found.isEmpty()
                        ? Uni.createFrom().item(ConsentFacts.unknownPurpose(code))
                        : consent.decide(tenantId, caller, checks)
                                .map(all -> ConsentFacts.of(code, found.get(), all))
                                // The purpose is known even when the decisions are not: it still tells sensitive
                                // categories.
                                .onFailure(ConsentRejected.class)
                                .recoverWithItem(e -> new ConsentFacts(
                                        code, found.get(), Map.of(), null, ((ConsentRejected) e).status()))
                                .onFailure(e -> !(e instanceof ConsentRejected))
                                .recoverWithItem(e -> new ConsentFacts(code, found.get(), Map.of(), describe(e), null)))
                .onFailure(ConsentRejected.class)
                .recoverWithItem(e -> ConsentFacts.rejected(code, ((ConsentRejected) e).status()))
                .onFailure()
                .recoverWithItem(e -> ConsentFacts.unavailable(code, describe(e)));
    }

    @WithTransaction
    Uni<ProvisionEvaluation> check(ProvisionDraft draft, ConsentFacts consentFacts) {
        String tenantId = tenant.tenantId();
        LocalDate today = today();
        List<String> refs = distinct(draft.subjectRefs());
        return facts.load(tenantId, draft, refs, today)
                .map(loaded -> ProvisionRules.evaluate(loaded, draft, consentFacts, refs, today)
                        .evaluation())
                .call(evaluation -> auditEach("PROVISION_CHECKED", null, refs));
    }

    @WithTransaction
    Uni<RecordedProvision> record(ProvisionDraft draft, ConsentFacts consentFacts) {
        String tenantId = tenant.tenantId();
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        LocalDate today = JapanTime.dateOf(now);
        List<String> refs = distinct(draft.subjectRefs());
        return facts.load(tenantId, draft, refs, today).chain(loaded -> {
            ProvisionRules.Findings findings = ProvisionRules.evaluate(loaded, draft, consentFacts, refs, today);
            if (!findings.evaluation().allowed()) {
                throw new ProvisionRefused(findings.evaluation());
            }
            ProvisionRecord record = ProvisionRules.record(
                    findings, loaded, draft, consentFacts, refs, UUID.randomUUID(), now, today, tenant.actorSubject());
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
            return subjects.subjectsOf(tenantId, id)
                    .call(refs -> auditEach("PROVISION_READ", id, refs))
                    .map(refs -> new RecordedProvision(record, refs));
        });
    }

    /** Every provision record about one principal, newest first, listing only that principal (Art. 33(5)). */
    @WithTransaction
    public Uni<List<RecordedProvision>> aboutSubject(String subjectRef, int offset, int limit) {
        String tenantId = tenant.tenantId();
        return records.aboutSubject(tenantId, subjectRef, offset, limit)
                .call(found -> audit.record("SUBJECT_PROVISIONS_READ", RESOURCE, null, subjectRef))
                .map(found -> found.stream()
                        .map(r -> new RecordedProvision(r, List.of(subjectRef)))
                        .toList());
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
            throw new ProblemException(
                    400,
                    "validation",
                    "Request is not valid",
                    String.join(
                            "; ",
                            invalid.stream()
                                    .map(e -> e.field() + ": " + e.message())
                                    .toList()),
                    invalid);
        }
    }

    private static List<String> distinct(List<String> refs) {
        return List.copyOf(new LinkedHashSet<>(refs));
    }

    private static String describe(Throwable e) {
        if (e instanceof TimeoutException
                || e instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException) {
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
        return audit.recordAll(
                tenant.tenantId(),
                subjectRefs.stream()
                        .map(ref -> audit.entry(action, RESOURCE, provisionId, ref))
                        .toList());
    }
}
