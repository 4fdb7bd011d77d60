package dev.mamori.thirdparty.service;

import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.problem.Problem;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.subject.SubjectRef;
import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.platform.time.JapanTime;
import dev.mamori.thirdparty.ReceiptRecord;
import dev.mamori.thirdparty.ReceiptSubject;
import dev.mamori.thirdparty.repository.ReceiptRecordRepository;
import dev.mamori.thirdparty.repository.ReceiptSubjectRepository;
import dev.mamori.thirdparty.repository.ThirdPartyRepository;
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
import java.util.UUID;
import java.util.function.Function;

/**
 * Recording personal data received from third parties (APPI Art. 30; PPC Rules 22-25) and finding every record
 * about a person (Art. 33(5)). Records are append-only; every read and write is audited per principal.
 */
@ApplicationScoped
public class ReceiptService {

    /** A receipt record with the principals it lists (all of them, or only the one a disclosure is about). */
    public record RecordedReceipt(ReceiptRecord record, List<String> subjectRefs) {}

    static final String RESOURCE = "receipt";

    private final ReceiptRecordRepository receipts;
    private final ReceiptSubjectRepository subjects;
    private final ThirdPartyRepository parties;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final Idempotency idempotency;
    private final Clock clock;

    public ReceiptService(
            ReceiptRecordRepository receipts,
            ReceiptSubjectRepository subjects,
            ThirdPartyRepository parties,
            TenantContext tenant,
            AuditLog audit,
            Idempotency idempotency,
            Clock clock) {
        this.receipts = receipts;
        this.subjects = subjects;
        this.parties = parties;
        this.tenant = tenant;
        this.audit = audit;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** Records a receipt, once per Idempotency-Key. */
    public Uni<Response> record(String idempotencyKey, ReceiptDraft draft, Function<RecordedReceipt, Response> answer) {
        return idempotency.once(idempotencyKey, "recordReceipt", draft, () -> record(draft), answer);
    }

    @WithTransaction
    public Uni<RecordedReceipt> record(ReceiptDraft draft) {
        String tenantId = tenant.tenantId();
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        LocalDate today = JapanTime.dateOf(now);
        checkListElements(draft);
        // A principal listed twice is one principal.
        List<String> subjectRefs = List.copyOf(new LinkedHashSet<>(draft.subjectRefs()));
        return parties.findInTenant(tenantId, draft.providerId()).chain(provider -> {
            List<ReceiptRefused.Failure> failures = ReceiptRules.failures(draft, provider, today);
            if (!failures.isEmpty()) {
                throw new ReceiptRefused(failures);
            }
            ReceiptRecord record = ReceiptRules.record(
                    draft, provider, tenantId, UUID.randomUUID(), now, today, tenant.actorSubject());
            List<ReceiptSubject> rows = new ArrayList<>(subjectRefs.size());
            for (int i = 0; i < subjectRefs.size(); i++) {
                ReceiptSubject row = new ReceiptSubject();
                row.id = UUID.randomUUID();
                row.tenantId = tenantId;
                row.receiptId = record.id;
                row.subjectRef = subjectRefs.get(i);
                row.position = i;
                rows.add(row);
            }
            return receipts.persist(record)
                    .chain(() -> subjects.persist(rows))
                    .chain(() -> auditEach("RECEIPT_RECORDED", record.id, subjectRefs))
                    .map(done -> new RecordedReceipt(record, subjectRefs));
        });
    }

    /** One record with all its principals; reading it is a read of each principal's data. */
    @WithTransaction
    public Uni<RecordedReceipt> get(UUID id) {
        String tenantId = tenant.tenantId();
        return receipts.findInTenant(tenantId, id).chain(record -> {
            if (record == null) {
                throw ProblemException.notFound("Receipt record", id);
            }
            return subjects.subjectsOf(tenantId, id)
                    .call(refs -> auditEach("RECEIPT_READ", id, refs))
                    .map(refs -> new RecordedReceipt(record, refs));
        });
    }

    /**
     * Every receipt record about one principal, newest first, for the disclosure of third-party records
     * (Art. 33(5)). Each record lists only this principal: the others it covers are not theirs to see.
     */
    @WithTransaction
    public Uni<List<RecordedReceipt>> aboutSubject(String subjectRef, int offset, int limit) {
        String tenantId = tenant.tenantId();
        return receipts.aboutSubject(tenantId, subjectRef, offset, limit)
                .call(found -> audit.record("SUBJECT_RECEIPTS_READ", RESOURCE, null, subjectRef))
                .map(found -> found.stream()
                        .map(r -> new RecordedReceipt(r, List.of(subjectRef)))
                        .toList());
    }

    /** Every subject reference outside the one rule and every blank or over-long data item, named by its position. */
    private static void checkListElements(ReceiptDraft draft) {
        List<Problem.FieldError> invalid = new ArrayList<>();
        for (int i = 0; i < draft.subjectRefs().size(); i++) {
            if (!SubjectRef.isValid(draft.subjectRefs().get(i))) {
                invalid.add(new Problem.FieldError("subjectRefs[" + i + "]", SubjectRef.MESSAGE));
            }
        }
        checkElements("dataItems", draft.dataItems(), ReceiptDraft.MAX_DATA_ITEM, invalid);
        if (!invalid.isEmpty()) {
            throw new ProblemException(400, "validation", "Request is not valid", joined(invalid), invalid);
        }
    }

    private static void checkElements(
            String field, List<String> values, int maxLength, List<Problem.FieldError> invalid) {
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null || value.isBlank()) {
                invalid.add(new Problem.FieldError(field + "[" + i + "]", "must not be blank"));
            } else if (value.length() > maxLength) {
                invalid.add(new Problem.FieldError(field + "[" + i + "]", "size must be between 1 and " + maxLength));
            }
        }
    }

    private static String joined(List<Problem.FieldError> errors) {
        return String.join(
                "; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
    }

    /** One audit line per principal, in order, appended in one go inside the caller's transaction. */
    private Uni<Void> auditEach(String action, UUID receiptId, List<String> subjectRefs) {
        return audit.recordAll(
                tenant.tenantId(),
                subjectRefs.stream()
                        .map(ref -> audit.entry(action, RESOURCE, receiptId, ref))
                        .toList());
    }
}
