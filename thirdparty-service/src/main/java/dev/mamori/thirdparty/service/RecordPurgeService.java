package dev.mamori.thirdparty.service;

import dev.mamori.platform.audit.AuditEntry;
import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.platform.time.JapanTime;
import dev.mamori.thirdparty.RecordDeletion;
import dev.mamori.thirdparty.repository.RecordDeletionRepository;
import dev.mamori.thirdparty.repository.RecordDeletionRepository.DeletedRecord;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Deletes provision and receipt records once the law no longer requires them (APPI Arts. 29(2), 30(4); PPC Rules
 * 21, 25): a record is kept as long as required and no longer. Each deletion writes its evidence row in the same
 * statement ({@link RecordDeletionRepository}), and two replicas purging at once never take the same record.
 * A purge runs on a schedule over every tenant ({@code mamori.thirdparty.record-purge.every}) and on demand for the
 * caller's tenant.
 */
@ApplicationScoped
public class RecordPurgeService {

    /** How many records one purge deleted, and whether more are due (call again). */
    public record PurgeResult(int provisionsDeleted, int receiptsDeleted, boolean more) {}

    public static final int DEFAULT_BATCH = 500;
    /** The actor the audit log and the evidence name for the scheduled purge. */
    static final String SCHEDULER = "system:record-purge-scheduler";

    private static final Logger LOG = Logger.getLogger(RecordPurgeService.class);

    private final RecordDeletionRepository deletions;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final ThirdPartyConfig config;
    private final Idempotency idempotency;
    private final Clock clock;

    public RecordPurgeService(
            RecordDeletionRepository deletions,
            TenantContext tenant,
            AuditLog audit,
            ThirdPartyConfig config,
            Idempotency idempotency,
            Clock clock) {
        this.deletions = deletions;
        this.tenant = tenant;
        this.audit = audit;
        this.config = config;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** Purges a batch of expired records, once per Idempotency-Key. */
    public Uni<Response> purge(String idempotencyKey, int batch, Function<PurgeResult, Response> answer) {
        return idempotency.once(idempotencyKey, "purgeRecords", batch, () -> purge(batch), answer);
    }

    /** Deletes up to {@code batch} provision and {@code batch} receipt records of the caller's tenant past their end. */
    public Uni<PurgeResult> purge(int batch) {
        return purgeBatch(tenant.tenantId(), tenant.actorSubject(), tenant.actorClient(), batch);
    }

    /**
     * The scheduled purge: no record outlives its retention end because nobody asked (Rules 21, 25 say how long to
     * keep a record, and no longer). A failing tenant is logged and skipped so that the others are still purged.
     */
    @Scheduled(
            every = "${mamori.thirdparty.record-purge.every}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "thirdparty-record-purge")
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
        return Panache.withSession(() -> deletions.tenantsWithRecordsDue(today))
                .chain(tenants -> Multi.createFrom()
                        .iterable(tenants)
                        .onItem()
                        .transformToUniAndConcatenate(t -> purgeTenant(t, batch, 0, 0)
                                .invoke(result -> done.put(t, result))
                                .onFailure()
                                .invoke(e -> LOG.errorf(e, "Scheduled record purge of %s failed", t))
                                .onFailure()
                                .recoverWithNull())
                        .collect()
                        .last())
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
            PurgeResult total =
                    new PurgeResult(provisions + r.provisionsDeleted(), receipts + r.receiptsDeleted(), false);
            return r.more()
                    ? purgeTenant(tenantId, batch, total.provisionsDeleted(), total.receiptsDeleted())
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
            Purge purge = new Purge(tenantId, actor, actorClient, now, entries);
            return audited(deletions.deleteDueProvisions(tenantId, today, batch, now, actor), purge, "provision")
                    .chain(provisions -> audited(
                                    deletions.deleteDueReceipts(tenantId, today, batch, now, actor), purge, "receipt")
                            .chain(receipts -> audit.recordAll(tenantId, entries)
                                    .replaceWith(new PurgeResult(
                                            provisions, receipts, provisions == batch || receipts == batch))));
        });
    }

    /** Who one batch runs for and the audit lines it collects. */
    private record Purge(
            String tenantId, String actor, String actorClient, OffsetDateTime now, List<AuditEntry> entries) {}

    @WithSession
    public Uni<List<RecordDeletion>> deletions(int offset, int limit) {
        return deletions.listForTenant(tenant.tenantId(), offset, limit);
    }

    /** Adds an audit line per principal of each deleted record; answers how many records were deleted. */
    private static Uni<Integer> audited(Uni<List<DeletedRecord>> deleted, Purge p, String resource) {
        return deleted.map(rows -> {
            for (DeletedRecord row : rows) {
                // Built here rather than from the request: the scheduled purge has no caller to ask.
                for (String subjectRef : row.subjectRefs()) {
                    p.entries()
                            .add(new AuditEntry(
                                    p.tenantId(),
                                    p.actor(),
                                    p.actorClient(),
                                    "RECORD_DELETED",
                                    resource,
                                    row.recordId(),
                                    subjectRef,
                                    "SUCCESS",
                                    p.now()));
                }
            }
            return rows.size();
        });
    }
}
