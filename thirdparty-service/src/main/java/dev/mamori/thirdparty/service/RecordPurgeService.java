package dev.mamori.thirdparty.service;

import dev.mamori.platform.audit.AuditEntry;
import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.persistence.StringListConverter;
import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.thirdparty.RecordDeletion;
import dev.mamori.thirdparty.repository.RecordDeletionRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes provision and receipt records once the law no longer requires them (APPI Arts. 29(2), 30(4); PPC Rules
 * 21, 25): a record is kept as long as required and no longer. Each deletion writes its evidence row in the same
 * statement. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so two replicas purging at once never take the
 * same record and never wait on each other.
 */
@ApplicationScoped
public class RecordPurgeService {

    /** How many records one purge deleted, and whether more are due (call again). */
    public record PurgeResult(int provisionsDeleted, int receiptsDeleted, boolean more) {
    }

    public static final int DEFAULT_BATCH = 500;

    private static final String PROVISION_SQL = """
            WITH doomed AS (
                SELECT id FROM provision_record
                WHERE tenant_id = :tenant AND retain_until < :today
                ORDER BY retain_until, id LIMIT :batch FOR UPDATE SKIP LOCKED),
            evidence AS (
                INSERT INTO record_deletion (id, tenant_id, record_type, record_id, counterparty, subject_refs, method,
                                             recorded_on, retain_until, rule, deleted_at, deleted_by)
                SELECT gen_random_uuid(), r.tenant_id, 'PROVISION', r.id, r.recipient_name,
                       COALESCE((SELECT json_agg(s.subject_ref ORDER BY s.position)::text
                                 FROM provision_subject s WHERE s.provision_id = r.id), '[]'),
                       r.method, r.recorded_on, r.retain_until,
                       CASE r.method
                           WHEN 'CONTRACT_SUBSTITUTE' THEN 'Art. 29(2); Rule 21(i): 1 year from the last provision'
                           WHEN 'BULK' THEN 'Art. 29(2); Rule 21(ii): 3 years from the last provision'
                           ELSE 'Art. 29(2); Rule 21(iii): 3 years from the making of the record' END,
                       :now, :actor
                FROM provision_record r JOIN doomed d ON d.id = r.id
                RETURNING record_id, subject_refs),
            gone AS (DELETE FROM provision_record WHERE id IN (SELECT id FROM doomed) RETURNING id)
            SELECT CAST(e.record_id AS text), e.subject_refs FROM evidence e""";

    private static final String RECEIPT_SQL = """
            WITH doomed AS (
                SELECT id FROM receipt_record
                WHERE tenant_id = :tenant AND retain_until < :today
                ORDER BY retain_until, id LIMIT :batch FOR UPDATE SKIP LOCKED),
            evidence AS (
                INSERT INTO record_deletion (id, tenant_id, record_type, record_id, counterparty, subject_refs, method,
                                             recorded_on, retain_until, rule, deleted_at, deleted_by)
                SELECT gen_random_uuid(), r.tenant_id, 'RECEIPT', r.id, r.provider_name,
                       COALESCE((SELECT json_agg(s.subject_ref ORDER BY s.position)::text
                                 FROM receipt_subject s WHERE s.receipt_id = r.id), '[]'),
                       r.method, r.recorded_on, r.retain_until,
                       CASE r.method
                           WHEN 'CONTRACT_SUBSTITUTE' THEN 'Art. 30(4); Rule 25(i): 1 year from the last receipt'
                           WHEN 'BULK' THEN 'Art. 30(4); Rule 25(ii): 3 years from the last receipt'
                           ELSE 'Art. 30(4); Rule 25(iii): 3 years from the making of the record' END,
                       :now, :actor
                FROM receipt_record r JOIN doomed d ON d.id = r.id
                RETURNING record_id, subject_refs),
            gone AS (DELETE FROM receipt_record WHERE id IN (SELECT id FROM doomed) RETURNING id)
            SELECT CAST(e.record_id AS text), e.subject_refs FROM evidence e""";

    private final RecordDeletionRepository deletions;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final StringListConverter lists = new StringListConverter();
    private final Clock clock = Clock.systemUTC();

    public RecordPurgeService(RecordDeletionRepository deletions, TenantContext tenant, AuditLog audit) {
        this.deletions = deletions;
        this.tenant = tenant;
        this.audit = audit;
    }

    /** Deletes up to {@code batch} provision and {@code batch} receipt records of the caller's tenant past their end. */
    @WithTransaction
    public Uni<PurgeResult> purge(int batch) {
        String tenantId = tenant.tenantId();
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        LocalDate today = now.atZoneSameInstant(RecordRetention.JAPAN).toLocalDate();
        List<AuditEntry> entries = new ArrayList<>();
        return run(PROVISION_SQL, tenantId, today, batch, now, "provision", entries)
                .chain(provisions -> run(RECEIPT_SQL, tenantId, today, batch, now, "receipt", entries)
                        .chain(receipts -> audit.recordAll(tenantId, entries)
                                .replaceWith(new PurgeResult(provisions, receipts,
                                        provisions == batch || receipts == batch))));
    }

    @WithSession
    public Uni<List<RecordDeletion>> deletions(int offset, int limit) {
        return deletions.listForTenant(tenant.tenantId(), offset, limit);
    }

    private Uni<Integer> run(String sql, String tenantId, LocalDate today, int batch, OffsetDateTime now,
                             String resource, List<AuditEntry> entries) {
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class)
                .setParameter("tenant", tenantId)
                .setParameter("today", today)
                .setParameter("batch", batch)
                .setParameter("now", now)
                .setParameter("actor", tenant.actorSubject())
                .getResultList())
                .map(rows -> {
                    for (Object[] row : rows) {
                        String recordId = (String) row[0];
                        for (String subjectRef : lists.convertToEntityAttribute((String) row[1])) {
                            entries.add(audit.entry("RECORD_DELETED", resource, recordId, subjectRef));
                        }
                    }
                    return rows.size();
                });
    }
}
