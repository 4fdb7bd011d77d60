package dev.mamori.retention.service;

import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.retention.PurgeRun;
import dev.mamori.retention.PurgeStatus;
import dev.mamori.retention.PurgeTrigger;
import dev.mamori.retention.repository.ErasureRepository;
import dev.mamori.retention.repository.PurgeRunRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Erases every holding past its date, except what a legal hold keeps (APPI Art. 22: erase without delay once no
 * longer needed). A run erases in batches; each batch is one statement (pick with FOR UPDATE SKIP LOCKED, delete,
 * queue erasure requests, write evidence, renew the heartbeat) plus its audit line, in its own transaction, so:
 * <ul>
 * <li>several replicas purging the same tenant split the rows and never erase one twice (the evidence is built
 * from what the DELETE returned, and a row can be deleted once);</li>
 * <li>a batch that fails rolls back whole: its holdings stay, without evidence, for the next batch or run;</li>
 * <li>a run whose replica dies stays RUNNING; once its heartbeat is older than the lease, the next run for the
 * tenant (on demand or scheduled) continues it under the same id, and its counts come from what its committed
 * batches wrote (the erasure requests, each counting the evidence rows of its batch).</li>
 * </ul>
 */
@ApplicationScoped
public class PurgeService {

    private static final Logger LOG = Logger.getLogger(PurgeService.class);
    static final String SCHEDULER = "system:purge-scheduler";

    private final PurgeRunRepository runs;
    private final ErasureRepository erasure;
    private final AuditLog audit;
    private final TenantContext tenant;
    private final RetentionConfig config;
    private final Clock clock;

    public PurgeService(
            PurgeRunRepository runs,
            ErasureRepository erasure,
            AuditLog audit,
            TenantContext tenant,
            RetentionConfig config,
            Clock clock) {
        this.runs = runs;
        this.erasure = erasure;
        this.audit = audit;
        this.tenant = tenant;
        this.config = config;
        this.clock = clock;
    }

    /** Purges the caller's tenant now and answers the finished run. */
    public Uni<PurgeRun> runNow(PurgeTrigger trigger) {
        return run(tenant.tenantId(), trigger, tenant.actorSubject(), tenant.actorClient());
    }

    @WithSession
    public Uni<PurgeRun> get(UUID id) {
        return runs.findForTenant(tenant.tenantId(), id).map(r -> {
            if (r == null) {
                throw ProblemException.notFound("Purge run", id);
            }
            return r;
        });
    }

    @WithSession
    public Uni<List<PurgeRun>> list(int offset, int limit) {
        return runs.find(
                        "tenantId",
                        io.quarkus.panache.common.Sort.descending("startedAt").and("id"),
                        tenant.tenantId())
                .range(offset, offset + limit - 1)
                .list();
    }

    /** The periodic purge over all tenants: first runs abandoned by a dead replica, then every tenant with due data. */
    @Scheduled(
            every = "${mamori.retention.purge.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "retention-purge")
    Uni<Void> scheduled() {
        return resumeAbandoned()
                .chain(() -> Panache.withSession(runs::tenantsWithDueHoldings))
                .chain(tenants -> Multi.createFrom()
                        .iterable(tenants)
                        .onItem()
                        .transformToUniAndConcatenate(t -> run(t, PurgeTrigger.SCHEDULED, SCHEDULER, null)
                                .onFailure()
                                .invoke(e -> LOG.errorf(e, "Scheduled purge of %s failed", t))
                                .onFailure()
                                .recoverWithNull())
                        .collect()
                        .last())
                .replaceWithVoid();
    }

    private Uni<Void> resumeAbandoned() {
        return Panache.withTransaction(
                        () -> runs.claimAbandoned(null, config.purge().lease())
                                .chain(id -> id == null ? Uni.createFrom().nullItem() : runs.findById(id)))
                .chain(run -> run == null
                        ? Uni.createFrom().voidItem()
                        : continueRun(run.id, run.tenantId, SCHEDULER, null).chain(this::resumeAbandoned));
    }

    Uni<PurgeRun> run(String tenantId, PurgeTrigger trigger, String actor, String actorClient) {
        return Panache.withTransaction(
                        () -> runs.claimAbandoned(tenantId, config.purge().lease())
                                .chain(abandoned -> {
                                    if (abandoned != null) {
                                        LOG.infof("Continuing abandoned purge run %s of %s", abandoned, tenantId);
                                        return runs.findById(abandoned);
                                    }
                                    OffsetDateTime now = now();
                                    PurgeRun run = new PurgeRun();
                                    run.id = UUID.randomUUID();
                                    run.tenantId = tenantId;
                                    run.trigger = trigger;
                                    run.status = PurgeStatus.RUNNING;
                                    run.startedAt = now;
                                    run.heartbeatAt = now;
                                    run.startedBy = actor;
                                    return runs.persist(run);
                                }))
                .chain(run -> continueRun(run.id, tenantId, actor, actorClient));
    }

    private Uni<PurgeRun> continueRun(UUID runId, String tenantId, String actor, String actorClient) {
        long started = System.nanoTime();
        return batches(runId, tenantId, actor, actorClient, 0)
                .chain(erased -> finish(runId, tenantId, PurgeStatus.COMPLETED, null)
                        .invoke(run -> LOG.infof(
                                "Purge run %s of %s: %d erased now (%d in all), %d held, %d ms",
                                runId,
                                tenantId,
                                erased,
                                run.erased,
                                run.held,
                                (System.nanoTime() - started) / 1_000_000)))
                .onFailure()
                .recoverWithUni(e -> {
                    LOG.errorf(e, "Purge run %s of %s failed; its last batch rolled back", runId, tenantId);
                    return finish(runId, tenantId, PurgeStatus.FAILED, e.getMessage());
                });
    }

    /** Batch after batch until a batch finds fewer than a full batch of due, unheld, unlocked holdings. */
    private Uni<Long> batches(UUID runId, String tenantId, String actor, String actorClient, long soFar) {
        int size = config.purge().batchSize();
        // The evidence, the erasure requests, the heartbeat and the audit line commit with the deletion or not at
        // all (APPI Art. 22 erasure with its proof; Art. 23 the record of who erased); the hold check is per batch so
        // a hold set mid-run protects from the next batch on.
        return Panache.withTransaction(() -> erasure.hasActiveHold(tenantId)
                        .chain(holds -> erasure.purgeBatch(tenantId, runId, size, holds, actor))
                        .call(n -> n == 0
                                ? Uni.createFrom().voidItem()
                                : audit.record(
                                        tenantId,
                                        actor,
                                        actorClient,
                                        "PURGE_BATCH_ERASED",
                                        "purge-run",
                                        runId,
                                        null,
                                        "SUCCESS")))
                .chain(n -> n < size
                        ? Uni.createFrom().item(soFar + n)
                        : batches(runId, tenantId, actor, actorClient, soFar + n));
    }

    /**
     * Counts come from what the committed batches wrote (right even for a run continued after a crash) and what is
     * left.
     */
    private Uni<PurgeRun> finish(UUID runId, String tenantId, PurgeStatus status, String error) {
        return Panache.withTransaction(() -> runs.findById(runId).chain(run -> erasure.countForRun(runId)
                .chain(erased -> erasure.countHeldDue(tenantId).chain(held -> (status == PurgeStatus.FAILED
                                ? erasure.countDueUnheld(tenantId)
                                : Uni.createFrom().item(0L))
                        .map(failed -> {
                            run.erased = erased;
                            run.held = held;
                            run.failed = failed;
                            run.status = status;
                            run.error = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
                            run.finishedAt = now();
                            run.heartbeatAt = run.finishedAt;
                            return run;
                        })))));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
