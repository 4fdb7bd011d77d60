package dev.mamori.thirdparty.service;

import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.problem.Problem;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.subject.SubjectRef;
import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.thirdparty.PartyKind;
import dev.mamori.thirdparty.ReceiptBasis;
import dev.mamori.thirdparty.ReceiptRecord;
import dev.mamori.thirdparty.ReceiptSubject;
import dev.mamori.thirdparty.RecordMethod;
import dev.mamori.thirdparty.ThirdParty;
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
    public record RecordedReceipt(ReceiptRecord record, List<String> subjectRefs) {
    }

    static final String RESOURCE = "receipt";

    private final ReceiptRecordRepository receipts;
    private final ReceiptSubjectRepository subjects;
    private final ThirdPartyRepository parties;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final Idempotency idempotency;
    private final Clock clock = Clock.systemUTC();

    public ReceiptService(ReceiptRecordRepository receipts, ReceiptSubjectRepository subjects,
                          ThirdPartyRepository parties, TenantContext tenant, AuditLog audit,
                          Idempotency idempotency) {
        this.receipts = receipts;
        this.subjects = subjects;
        this.parties = parties;
        this.tenant = tenant;
        this.audit = audit;
        this.idempotency = idempotency;
    }

    /** Records a receipt, once per Idempotency-Key. */
    public Uni<Response> record(String idempotencyKey, ReceiptDraft draft, Function<RecordedReceipt, Response> answer) {
        return idempotency.once(idempotencyKey, "recordReceipt", draft, () -> record(draft), answer);
    }

    @WithTransaction
    public Uni<RecordedReceipt> record(ReceiptDraft draft) {
        String tenantId = tenant.tenantId();
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        LocalDate today = now.atZoneSameInstant(RecordRetention.JAPAN).toLocalDate();
        checkListElements(draft);
        // A principal listed twice is one principal.
        List<String> subjectRefs = List.copyOf(new LinkedHashSet<>(draft.subjectRefs()));
        return parties.findInTenant(tenantId, draft.providerId()).chain(provider -> {
            // Every check runs; one refusal names all that fail (Art. 30; Rules 22-25).
            List<ReceiptRefused.Failure> failures = new ArrayList<>();
            checkRequiredItems(draft, failures);
            checkDates(draft, today, failures);
            checkProvider(draft, provider, failures);
            if (!failures.isEmpty()) {
                throw new ReceiptRefused(failures);
            }
            ReceiptRecord record = new ReceiptRecord();
            record.id = UUID.randomUUID();
            record.tenantId = tenantId;
            record.providerId = provider.id;
            record.providerName = provider.name;
            record.providerAddress = provider.address;
            record.providerRepresentative = provider.representative;
            record.acquisitionCircumstances = draft.acquisitionCircumstances().strip();
            record.basis = draft.basis();
            record.consentConfirmed = draft.consentIsConfirmed();
            record.ppcPublicationConfirmed = draft.ppcPublicationIsConfirmed();
            record.method = draft.method();
            record.receivedOn = draft.receivedOn();
            record.lastTransferOn = draft.lastTransferOn();
            record.dataItems = List.copyOf(draft.dataItems());
            record.recordedOn = today;
            record.recordedAt = now;
            record.recordedBy = tenant.actorSubject();
            record.retainUntil = RecordRetention.retainUntil(record.method, today, record.lastTransferOn);
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
            return subjects.subjectsOf(tenantId, id).call(refs -> auditEach("RECEIPT_READ", id, refs))
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
                .map(found -> found.stream().map(r -> new RecordedReceipt(r, List.of(subjectRef))).toList());
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

    private static void checkElements(String field, List<String> values, int maxLength, List<Problem.FieldError> invalid) {
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
        return String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
    }

    /** The items a receipt record must hold for its basis and method (Art. 30(3); Rules 23(2), 24(1), 25). */
    private static void checkRequiredItems(ReceiptDraft draft, List<ReceiptRefused.Failure> failures) {
        if (draft.basis() == ReceiptBasis.CONSENT && !draft.consentIsConfirmed()) {
            failures.add(new ReceiptRefused.Failure(ReceiptRule.CONSENT_NOT_CONFIRMED, "consentConfirmed",
                    "must be true: the record states that the principal consented to the provision (Rule 24(1)(ii))"));
        }
        if (draft.basis() == ReceiptBasis.OPT_OUT) {
            if (draft.receivedOn() == null) {
                failures.add(new ReceiptRefused.Failure(ReceiptRule.RECEIVED_DATE_REQUIRED, "receivedOn",
                        "is required for an opt-out receipt: the record holds the date received (Rule 24(1)(i))"));
            }
            if (!draft.ppcPublicationIsConfirmed()) {
                failures.add(new ReceiptRefused.Failure(ReceiptRule.PPC_PUBLICATION_NOT_CONFIRMED,
                        "ppcPublicationConfirmed", "must be true: confirm the PPC published the provider's opt-out "
                        + "filing (Art. 27(4); Rule 24(1)(i))"));
            }
            if (draft.method() == RecordMethod.BULK) {
                failures.add(new ReceiptRefused.Failure(ReceiptRule.BULK_NOT_FOR_OPT_OUT, "method",
                        "data received by opt-out cannot be recorded in bulk (Rule 23(2)); use EACH"));
            }
        }
        if (draft.method() != RecordMethod.EACH && draft.lastTransferOn() == null) {
            failures.add(new ReceiptRefused.Failure(ReceiptRule.LAST_TRANSFER_REQUIRED, "lastTransferOn",
                    "is required for a " + draft.method() + " record: its retention runs from the last receipt (Rule 25)"));
        }
        if (draft.method() == RecordMethod.EACH && draft.lastTransferOn() != null) {
            failures.add(new ReceiptRefused.Failure(ReceiptRule.LAST_TRANSFER_NOT_APPLICABLE, "lastTransferOn",
                    "an EACH record covers one receipt: give its date as receivedOn"));
        }
    }

    private static void checkDates(ReceiptDraft draft, LocalDate today, List<ReceiptRefused.Failure> failures) {
        if (draft.receivedOn() != null && draft.receivedOn().isAfter(today)) {
            failures.add(new ReceiptRefused.Failure(ReceiptRule.DATE_IN_FUTURE, "receivedOn",
                    "is after today (" + today + " in Japan); a receipt is recorded once it has happened"));
        }
        if (draft.lastTransferOn() != null && draft.lastTransferOn().isAfter(today)) {
            failures.add(new ReceiptRefused.Failure(ReceiptRule.DATE_IN_FUTURE, "lastTransferOn",
                    "is after today (" + today + " in Japan); a receipt is recorded once it has happened"));
        }
        if (draft.receivedOn() != null && draft.lastTransferOn() != null
                && draft.lastTransferOn().isBefore(draft.receivedOn())) {
            failures.add(new ReceiptRefused.Failure(ReceiptRule.LAST_TRANSFER_BEFORE_RECEIPT, "lastTransferOn",
                    "must not be before receivedOn"));
        }
    }

    private static void checkProvider(ReceiptDraft draft, ThirdParty provider, List<ReceiptRefused.Failure> failures) {
        if (provider == null) {
            // Another tenant's party is answered exactly like one that does not exist.
            failures.add(new ReceiptRefused.Failure(ReceiptRule.UNKNOWN_PROVIDER, "providerId",
                    "no third party " + draft.providerId() + " is registered; register the provider first"));
        } else if (provider.kind == PartyKind.PUBLIC_AGENCY) {
            failures.add(new ReceiptRefused.Failure(ReceiptRule.RECORD_NOT_REQUIRED, "providerId",
                    "a state organ, local government or administrative agency (Art. 16(2)) is not a third party for"
                            + " the receipt record (Arts. 29(1), 30)"));
        }
    }

    /** One audit line per principal, in order, appended in one go inside the caller's transaction. */
    private Uni<Void> auditEach(String action, UUID receiptId, List<String> subjectRefs) {
        return audit.recordAll(tenant.tenantId(),
                subjectRefs.stream().map(ref -> audit.entry(action, RESOURCE, receiptId, ref)).toList());
    }
}
