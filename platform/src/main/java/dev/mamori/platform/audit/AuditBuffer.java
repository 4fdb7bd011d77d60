package dev.mamori.platform.audit;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import dev.mamori.platform.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Audit lines for high-volume reads (the use decision) that must not each take a transaction and the tenant's
 * chain lock. Entries are queued in memory and appended to the chain in one transaction per tenant once a
 * second (at once again while a backlog remains), on a plain connection with the columns as text arrays: no ORM
 * session and no JSON per line. The price, stated plainly: a crash loses at most the last flush interval of
 * read-audit lines; changes of data are never audited through this buffer.
 */
@ApplicationScoped
public class AuditBuffer {

    private static final Logger LOG = Logger.getLogger(AuditBuffer.class);
    private static final int MAX_CHUNKS_PER_TICK = 100;

    private final AuditLog auditLog;
    private final Pool pool;
    private final int capacity;
    private final int chunkSize;
    private final ConcurrentLinkedQueue<AuditEntry> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();

    public AuditBuffer(AuditLog auditLog, Pool pool,
                       @ConfigProperty(name = "mamori.audit.buffer.capacity", defaultValue = "200000") int capacity,
                       @ConfigProperty(name = "mamori.audit.buffer.chunk", defaultValue = "50000") int chunkSize) {
        this.chunkSize = Math.max(1, chunkSize);
        this.auditLog = auditLog;
        this.pool = pool;
        this.capacity = capacity;
    }

    /**
     * Queues a line, or refuses the read when the database has fallen so far behind that the queue is full: a read
     * that cannot be audited is not served (503), rather than the queue growing without bound.
     */
    public void add(AuditEntry entry) {
        if (size.get() >= capacity) {
            throw new ProblemException(503, "audit-backlog", "Audit log is behind",
                    "Reads are refused until the audit log catches up; retry shortly", null);
        }
        queue.add(entry);
        size.incrementAndGet();
    }

    /** Puts lines back after a failed flush; never refused, since they were already accepted. */
    private void requeue(AuditEntry entry) {
        queue.add(entry);
        size.incrementAndGet();
    }

    public int pending() {
        return size.get();
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> flush() {
        return flushChunk(0);
    }

    /**
     * Writes up to {@code mamori.audit.buffer.chunk} (50,000) lines, then goes on at once while a backlog remains: a scheduler
     * tick that wrote only one chunk would cap the audit (and so the reads it records) at one chunk a second. A tick
     * stops after a bounded number of chunks or when a write fails, so that a failing database is retried by the next
     * tick rather than in a tight loop.
     */
    private Uni<Void> flushChunk(int chunk) {
        if (queue.isEmpty() || chunk >= MAX_CHUNKS_PER_TICK) {
            return Uni.createFrom().voidItem();
        }
        Map<String, List<AuditEntry>> byTenant = new LinkedHashMap<>();
        AuditEntry entry;
        int taken = 0;
        while (taken < chunkSize && (entry = queue.poll()) != null) {
            size.decrementAndGet();
            byTenant.computeIfAbsent(entry.tenantId(), t -> new ArrayList<>()).add(entry);
            taken++;
        }
        boolean full = taken == chunkSize;
        boolean[] failed = {false};
        return Multi.createFrom().iterable(byTenant.entrySet())
                .onItem().transformToUniAndConcatenate(e -> pool.withTransaction(
                                connection -> auditLog.append(connection, e.getKey(), e.getValue()))
                        .onFailure().invoke(err -> {
                            // Put them back: the next flush tries again rather than dropping audit lines.
                            failed[0] = true;
                            e.getValue().forEach(this::requeue);
                            LOG.warnf("Audit flush for %s failed, will retry: %s", e.getKey(), err.getMessage());
                        })
                        .onFailure().recoverWithNull())
                .collect().last().replaceWithVoid()
                .chain(() -> failed[0] || !full ? Uni.createFrom().voidItem() : flushChunk(chunk + 1));
    }

    /** Drains what is queued before the service stops, so an orderly shutdown loses nothing. */
    void drain(@Observes ShutdownEvent event) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!queue.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
