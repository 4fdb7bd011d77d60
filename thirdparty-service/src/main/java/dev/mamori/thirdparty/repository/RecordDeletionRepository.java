package dev.mamori.thirdparty.repository;

import dev.mamori.platform.persistence.StringListConverter;
import dev.mamori.thirdparty.RecordDeletion;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Record deletions and their evidence. A purge deletes a batch of records past their retention end and writes an
 * evidence row for each in the same statement; rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so two replicas
 * purging at once (each on its own schedule, or one on schedule and a caller on demand) never take the same record
 * and never wait on each other.
 */
@ApplicationScoped
public class RecordDeletionRepository implements PanacheRepositoryBase<RecordDeletion, UUID> {

    /** A deleted record and the principals it listed, in its order. */
    public record DeletedRecord(String recordId, List<String> subjectRefs) {}

    /** Tenants with at least one record past its end; the retention indexes answer it without a scan. */
    private static final String DUE_TENANTS_SQL = """
            SELECT tenant_id FROM provision_record WHERE retain_until < :today
            UNION
            SELECT tenant_id FROM receipt_record WHERE retain_until < :today
            ORDER BY 1""";

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

    private final StringListConverter lists = new StringListConverter();

    /** Tenants with at least one record past its end on {@code today} (in Japan). */
    public Uni<List<String>> tenantsWithRecordsDue(LocalDate today) {
        return Panache.getSession().chain(s -> s.createNativeQuery(DUE_TENANTS_SQL, String.class)
                .setParameter("today", today)
                .getResultList());
    }

    /** Deletes up to {@code batch} of the tenant's provision records past their end, each with its evidence row. */
    public Uni<List<DeletedRecord>> deleteDueProvisions(
            String tenantId, LocalDate today, int batch, OffsetDateTime now, String actor) {
        return deleteDue(PROVISION_SQL, tenantId, today, batch, now, actor);
    }

    /** Deletes up to {@code batch} of the tenant's receipt records past their end, each with its evidence row. */
    public Uni<List<DeletedRecord>> deleteDueReceipts(
            String tenantId, LocalDate today, int batch, OffsetDateTime now, String actor) {
        return deleteDue(RECEIPT_SQL, tenantId, today, batch, now, actor);
    }

    public Uni<List<RecordDeletion>> listForTenant(String tenantId, int offset, int limit) {
        return find("tenantId", Sort.descending("deletedAt").and("id"), tenantId)
                .range(offset, offset + limit - 1)
                .list();
    }

    private Uni<List<DeletedRecord>> deleteDue(
            String sql, String tenantId, LocalDate today, int batch, OffsetDateTime now, String actor) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(sql, Object[].class)
                        .setParameter("tenant", tenantId)
                        .setParameter("today", today)
                        .setParameter("batch", batch)
                        .setParameter("now", now)
                        .setParameter("actor", actor)
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new DeletedRecord((String) row[0], lists.convertToEntityAttribute((String) row[1])))
                        .toList());
    }
}
