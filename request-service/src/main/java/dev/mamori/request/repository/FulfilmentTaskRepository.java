package dev.mamori.request.repository;

import dev.mamori.platform.outbox.Outbox;
import dev.mamori.platform.outbox.OutboxTable;
import dev.mamori.request.FulfilmentTask;
import dev.mamori.request.TaskStatus;
import dev.mamori.request.service.RequestConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class FulfilmentTaskRepository implements PanacheRepositoryBase<FulfilmentTask, UUID> {

    /**
     * The fulfilment outbox: the platform claims due tasks (SKIP LOCKED and a lease, so two replicas never send the
     * same task at the same time; a replica that dies mid-send leaves it to be claimed again once its lease ends),
     * counts attempts, waits between them and marks a task FAILED when they are used up. A status callback waits
     * until the earlier callbacks of its request are delivered, so they arrive in order.
     */
    public static final OutboxTable OUTBOX = OutboxTable.builder("fulfilment", "fulfilment_task")
            .queued(TaskStatus.QUEUED.name())
            .retrying(TaskStatus.RETRYING.name())
            .dead(TaskStatus.FAILED.name())
            .delivered(TaskStatus.DONE.name())
            .touchedAt("updated_at")
            .readyWhen("t.action <> 'STATUS_CALLBACK' OR NOT EXISTS (SELECT 1 FROM fulfilment_task e "
                    + "WHERE e.request_id = t.request_id AND e.action = 'STATUS_CALLBACK' "
                    + "AND e.seq < t.seq AND e.status IN ('QUEUED', 'RETRYING'))")
            .build();

    private final Outbox outbox;

    public FulfilmentTaskRepository(RequestConfig config, MeterRegistry meters) {
        this.outbox = new Outbox(OUTBOX, config.outbox(), meters);
    }

    public Outbox outbox() {
        return outbox;
    }

    public Uni<List<FulfilmentTask>> byIds(List<UUID> ids) {
        return list("id in ?1", ids);
    }

    /** The request's tasks: fulfilment first, then callbacks in order. */
    public Uni<List<FulfilmentTask>> ofRequest(String tenantId, UUID requestId) {
        return list(
                "tenantId = ?1 and requestId = ?2", Sort.by("seq").and("target").and("action"), tenantId, requestId);
    }

    /**
     * Queues the request's failed and waiting calls again, attempts counted from zero; only its status callbacks when
     * {@code callbacksOnly}. Answers how many.
     */
    public Uni<Integer> retryFailed(String tenantId, UUID requestId, boolean callbacksOnly) {
        return outbox.retry(
                "tenant_id = :tenant AND request_id = :request"
                        + (callbacksOnly ? " AND action = 'STATUS_CALLBACK'" : ""),
                Map.of("tenant", tenantId, "request", requestId));
    }
}
