package dev.mamori.platform.audit;

import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.tenant.TenantContext;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Audit lines for high-volume reads (the use decision) that must not each take a transaction, a chain link and a
 * row. Each caller's reads are collected in memory as three parallel arrays (person, resource, time) and appended
 * once a second as read events: one chained audit event per caller and up to {@code mamori.audit.buffer.reads-per-event}
 * reads, in one transaction per tenant. The same round seals the tenant's pending change lines ({@link AuditLog#seal}). Every read stays on record with its own person, resource and time, and the
 * people are indexed, so "who read this person's data" is still one query.
 *
 * <p>Why not a row per read: at 10,000 decisions a second the row, its three index entries and its hash cost the
 * database and the service more than the decision itself, and a second's worth of per-read objects kept the garbage
 * collector copying. The price, stated plainly: a crash loses at most the last flush interval of read lines; changes
 * of data are never audited through this buffer.
 */
@ApplicationScoped
public class AuditBuffer {

    private static final Logger LOG = Logger.getLogger(AuditBuffer.class);
    private static final int FIRST_CAPACITY = 64;

    /** Whose reads: one read event never mixes callers, actions or resource types. */
    record Caller(String tenantId, String actorSubject, String actorClient, String action, String resourceType) {}

    /** A caller's reads taken out of the buffer for one flush, in the order they were asked. */
    record Reads(Caller caller, String[] subjectRefs, String[] resourceIds, long[] micros, int size) {
        String actorSubject() {
            return caller.actorSubject();
        }

        String actorClient() {
            return caller.actorClient();
        }

        String action() {
            return caller.action();
        }

        String resourceType() {
            return caller.resourceType();
        }
    }

    /** A caller's open reads: arrays that grow by doubling, with no object per read. */
    static final class OpenReads {
        private final Caller caller;
        private String[] subjectRefs = new String[FIRST_CAPACITY];
        private String[] resourceIds = new String[FIRST_CAPACITY];
        private long[] micros = new long[FIRST_CAPACITY];
        private int size;

        OpenReads(Caller caller) {
            this.caller = caller;
        }

        synchronized void add(String subjectRef, String resourceId, long at) {
            if (size == micros.length) {
                int capacity = size * 2;
                subjectRefs = Arrays.copyOf(subjectRefs, capacity);
                resourceIds = Arrays.copyOf(resourceIds, capacity);
                micros = Arrays.copyOf(micros, capacity);
            }
            subjectRefs[size] = subjectRef;
            resourceIds[size] = resourceId;
            micros[size] = at;
            size++;
        }

        synchronized Reads take() {
            if (size == 0) {
                return null;
            }
            Reads reads = new Reads(caller, subjectRefs, resourceIds, micros, size);
            // The next second's reads start in arrays of about this second's size.
            int capacity = Math.max(FIRST_CAPACITY, Integer.highestOneBit(size) * 2);
            subjectRefs = new String[capacity];
            resourceIds = new String[capacity];
            micros = new long[capacity];
            size = 0;
            return reads;
        }
    }

    private final AuditLog auditLog;
    private final TenantContext tenant;
    private final Pool pool;
    private final int capacity;
    private final int readsPerEvent;
    private final Clock clock;
    private final ConcurrentHashMap<Caller, OpenReads> open = new ConcurrentHashMap<>();
    /** Reads accepted and not yet committed to the log, including those of a flush in progress. */
    private final AtomicInteger pending = new AtomicInteger();

    public AuditBuffer(
            AuditLog auditLog,
            TenantContext tenant,
            Pool pool,
            Clock clock,
            @ConfigProperty(name = "mamori.audit.buffer.capacity", defaultValue = "200000") int capacity,
            @ConfigProperty(name = "mamori.audit.buffer.reads-per-event", defaultValue = "1000") int readsPerEvent) {
        this.auditLog = auditLog;
        this.tenant = tenant;
        this.pool = pool;
        this.clock = clock;
        this.capacity = capacity;
        this.readsPerEvent = Math.max(1, readsPerEvent);
    }

    /**
     * Records that the current caller read a person's data, or refuses the read when the database has fallen so far
     * behind that the buffer is full: a read that cannot be audited is not served (503), rather than the buffer
     * growing without bound.
     */
    public void recordRead(String tenantId, String action, String resourceType, String resourceId, String subjectRef) {
        reserve(1);
        openReads(tenantId, action, resourceType).add(subjectRef, resourceId, now());
    }

    /** The same for many reads of one request, all or none. */
    public void recordReads(
            String tenantId, String action, String resourceType, List<String> resourceIds, List<String> subjectRefs) {
        reserve(subjectRefs.size());
        OpenReads reads = openReads(tenantId, action, resourceType);
        long at = now();
        for (int i = 0; i < subjectRefs.size(); i++) {
            reads.add(subjectRefs.get(i), resourceIds.get(i), at);
        }
    }

    private void reserve(int reads) {
        if (pending.addAndGet(reads) > capacity) {
            pending.addAndGet(-reads);
            throw new ProblemException(
                    503,
                    "audit-backlog",
                    "Audit log is behind",
                    "Reads are refused until the audit log catches up; retry shortly",
                    null);
        }
    }

    private OpenReads openReads(String tenantId, String action, String resourceType) {
        Caller caller = new Caller(tenantId, tenant.actorSubject(), tenant.actorClient(), action, resourceType);
        OpenReads reads = open.get(caller);
        return reads != null ? reads : open.computeIfAbsent(caller, OpenReads::new);
    }

    private long now() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000L;
    }

    /** Reads accepted and not yet written to the log. */
    public int pending() {
        return pending.get();
    }

    /**
     * Writes every caller's reads as read events, one transaction per tenant. A tenant whose write fails keeps its
     * reads (they go back into the buffer, ahead of nothing: their times say when they happened) and is retried by
     * the next tick rather than in a tight loop.
     */
    @Scheduled(every = "${mamori.audit.seal-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> flush() {
        Map<String, List<Reads>> byTenant = new LinkedHashMap<>();
        for (OpenReads callerReads : open.values()) {
            Reads reads = callerReads.take();
            if (reads != null) {
                byTenant.computeIfAbsent(reads.caller().tenantId(), t -> new ArrayList<>())
                        .add(reads);
            }
        }
        // Every tenant with changes' lines waiting is sealed in the same round, with or without reads.
        return auditLog.tenantsPending()
                .onFailure()
                .invoke(e -> LOG.warnf(
                        "Listing tenants with unsealed audit lines failed, " + "sealing them next round: %s",
                        e.getMessage()))
                .onFailure()
                .recoverWithItem(List.of())
                .chain(pendingTenants -> {
                    pendingTenants.forEach(t -> byTenant.putIfAbsent(t, List.of()));
                    return byTenant.isEmpty() ? Uni.createFrom().voidItem() : seal(byTenant);
                });
    }

    private Uni<Void> seal(Map<String, List<Reads>> byTenant) {
        return Multi.createFrom()
                .iterable(byTenant.entrySet())
                .onItem()
                .transformToUniAndConcatenate(e -> pool.withTransaction(
                                connection -> auditLog.seal(connection, e.getKey(), e.getValue(), readsPerEvent))
                        .invoke(() -> pending.addAndGet(-count(e.getValue())))
                        .onFailure()
                        .invoke(err -> {
                            // Put them back: the next flush tries again rather than dropping audit lines.
                            e.getValue().forEach(this::putBack);
                            LOG.warnf("Audit flush for %s failed, will retry: %s", e.getKey(), err.getMessage());
                        })
                        .onFailure()
                        .recoverWithNull())
                .collect()
                .last()
                .replaceWithVoid();
    }

    private static int count(List<Reads> reads) {
        int n = 0;
        for (Reads r : reads) {
            n += r.size();
        }
        return n;
    }

    /** Returns reads of a failed flush; they were counted as pending all along, so nothing is reserved again. */
    private void putBack(Reads reads) {
        OpenReads target = open.computeIfAbsent(reads.caller(), OpenReads::new);
        for (int i = 0; i < reads.size(); i++) {
            target.add(reads.subjectRefs()[i], reads.resourceIds()[i], reads.micros()[i]);
        }
    }

    /** Waits for what is buffered to be written before the service stops, so an orderly shutdown loses nothing. */
    void drain(@Observes ShutdownEvent event) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (pending.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
