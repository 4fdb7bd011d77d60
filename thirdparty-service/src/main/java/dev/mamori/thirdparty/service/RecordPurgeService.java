package dev.mamori.thirdparty.service;

import dev.mamori.platform.audit.AuditEntry;
import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.persistence.StringListConverter;
import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.platform.time.JapanTime;
import dev.mamori.thirdparty.RecordDeletion;
import dev.mamori.thirdparty.repository.RecordDeletionRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Deletes provision and receipt records once the law no longer requires them (APPI Arts. 29(2), 30(4); PPC Rules
 * 21, 25): a record is kept as long as required and no longer. Each deletion writes its evidence row in the same
 * statement. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so two replicas purging at once (each on its own
 * schedule, or one on schedule and a caller on demand) never take the same record and never wait on each other.
 * A purge runs on a schedule over every tenant ({@code mamori.thirdparty.record-purge.every}) and on demand for the
 * caller's tenant.
 */
@ApplicationScoped
public class RecordPurgeService {

    /** How many records one purge deleted, and whether more are due (call again). */
    public record PurgeResult(int provisionsDeleted, int receiptsDeleted, boolean more) {
    }

    public static final int DEFAULT_BATCH = 500;
    /** The actor the audit log and the evidence name for the scheduled purge. */
    static final String SCHEDULER = "system:record-purge-scheduler";
    private static final Logger LOG = Logger.getLogger(RecordPurgeService.class);

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

    private final RecordDeletionRepository deletions;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final ThirdPartyConfig config;
    private final StringListConverter lists = new StringListConverter();
    private final Clock clock;

    public RecordPurgeService(RecordDeletionRepository deletions, TenantContext tenant, AuditLog audit,
                              ThirdPartyConfig config, Clock clock) {
        this.deletions = deletions;
        this.tenant = tenant;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /** Deletes up to {@code batch} provision and {@code batch} receipt records of the caller's tenant past their end. */
    public Uni<PurgeResult> purge(int batch) {
        return purgeBatch(tenant.tenantId(), tenant.actorSubject(), tenant.actorClient(), batch);
    }

    /**
     * The scheduled purge: no record outlives its retention end because nobody asked (Rules 21, 25 say how long to
     * keep a record, and no longer). A failing tenant is logged and skipped so that the others are still purged.
     */
    @Scheduled(every = "${mamori.thirdparty.record-purge.every}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "thirdparty-record-purge")
    Uni<Void> scheduled() {
        return purgeAllTenants().replaceWithVoid();
    }

    /**
     * Every tenant's records past their end, batch after batch until none is left; answers the records deleted per
     * tenant. Each batch is its own transaction, so a failure loses at most one batch, which the next run retries.
     */
    public Uni<Map<String, PurgeResult>> purgeAllTenants() {
        int batch = config.recordPurge().batchSize();
        LocalDate today = JapanTime.today(clock);
        Map<String, PurgeResult> done = new LinkedHashMap<>();
        return Panache.withSession(() -> Panache.getSession().chain(s -> s
                        .createNativeQuery(DUE_TENANTS_SQL, String.class).setParameter("today", today).getResultList()))
                .chain(tenants -> Multi.createFrom().iterable(tenants)
                        .onItem().transformToUniAndConcatenate(t -> purgeTenant(t, batch, 0, 0)
                                .invoke(result -> done.put(t, result))
                                .onFailure().invoke(e -> LOG.errorf(e, "Scheduled record purge of %s failed", t))
                                .onFailure().recoverWithNull())
                        .collect().last())
                .invoke(last -> {
                    if (!done.isEmpty()) {
                        LOG.infof("Scheduled record purge: %s", done);
                    }
                })
                .map(last -> done);
    }

    /** One tenant until a batch leaves nothing due; the counts are the tenant's totals. */
    private Uni<PurgeResult> purgeTenant(String tenantId, int batch, int provisions, int receipts) {
        return purgeBatch(tenantId, SCHEDULER, null, batch).chain(r -> {
            PurgeResult total = new PurgeResult(provisions + r.provisionsDeleted(), receipts + r.receiptsDeleted(),
                    false);
            return r.more() ? purgeTenant(tenantId, batch, total.provisionsDeleted(), total.receiptsDeleted())
                    : Uni.createFrom().item(total);
        });
    }

    /**
     * One batch of one tenant in one transaction: the deletions, their evidence and their audit lines commit
     * together or not at all.
     */
    private Uni<PurgeResult> purgeBatch(String tenantId, String actor, String actorClient, int batch) {
        return Panache.withTransaction(() -> {
            OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
            LocalDate today = JapanTime.dateOf(now);
            List<AuditEntry> entries = new ArrayList<>();
            Purge purge = new Purge(tenantId, actor, actorClient, today, batch, now, entries);
            return run(PROVISION_SQL, purge, "provision")
                    .chain(provisions -> run(RECEIPT_SQL, purge, "receipt")
                            .chain(receipts -> audit.recordAll(tenantId, entries)
                                    .replaceWith(new PurgeResult(provisions, receipts,
                                            provisions == batch || receipts == batch))));
        });
    }

    /** What one batch runs with. */
    private record Purge(String tenantId, String actor, String actorClient, LocalDate today, int batch,
                         OffsetDateTime now, List<AuditEntry> entries) {
    }

    @WithSession
    public Uni<List<RecordDeletion>> deletions(int offset, int limit) {
        return deletions.listForTenant(tenant.tenantId(), offset, limit);
    }

    private Uni<Integer> run(String sql, Purge p, String resource) {
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class)
                .setParameter("tenant", p.tenantId())
                .setParameter("today", p.today())
                .setParameter("batch", p.batch())
                .setParameter("now", p.now())
                .setParameter("actor", p.actor())
                .getResultList())
                .map(rows -> {
                    for (Object[] row : rows) {
                        String recordId = (String) row[0];
                        // Built here rather than from the request: the scheduled purge has no caller to ask.
                        for (String subjectRef : lists.convertToEntityAttribute((String) row[1])) {
                            p.entries().add(new AuditEntry(p.tenantId(), p.actor(), p.actorClient(), "RECORD_DELETED",
                                    resource, recordId, subjectRef, "SUCCESS", p.now()));
                        }
                    }
                    return rows.size();
                });
    }
}
