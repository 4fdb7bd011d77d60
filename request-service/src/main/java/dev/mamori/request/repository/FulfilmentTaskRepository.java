package dev.mamori.request.repository;

import dev.mamori.request.FulfilmentTask;
import dev.mamori.request.TaskAction;
import dev.mamori.request.TaskStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class FulfilmentTaskRepository implements PanacheRepositoryBase<FulfilmentTask, UUID> {

    /**
     * Claims up to {@code limit} due tasks for one delivery run: rows another replica is claiming are skipped
     * ({@code FOR UPDATE SKIP LOCKED}) and claimed rows carry a lease, so two replicas never send the same row at
     * the same time; a replica that dies mid-send leaves the row to be claimed again once its lease ends. A status
     * callback waits until the earlier callbacks of its request are delivered, so they arrive in order.
     */
    public Uni<List<UUID>> claim(UUID lease, OffsetDateTime leaseUntil, int limit) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "UPDATE fulfilment_task SET lease_until = :until, leased_by = :lease, attempts = attempts + 1 "
                                + "WHERE id IN (SELECT t.id FROM fulfilment_task t "
                                + "  WHERE t.status IN ('QUEUED', 'RETRYING') AND t.next_attempt_at <= now() "
                                + "  AND (t.lease_until IS NULL OR t.lease_until < now()) "
                                + "  AND (t.action <> 'STATUS_CALLBACK' OR NOT EXISTS (SELECT 1 FROM fulfilment_task e "
                                + "    WHERE e.request_id = t.request_id AND e.action = 'STATUS_CALLBACK' "
                                + "    AND e.seq < t.seq AND e.status IN ('QUEUED', 'RETRYING'))) "
                                + "  ORDER BY t.next_attempt_at LIMIT :n FOR UPDATE SKIP LOCKED) "
                                + "RETURNING CAST(id AS text)", String.class)
                .setParameter("until", leaseUntil)
                .setParameter("lease", lease)
                .setParameter("n", limit)
                .getResultList())
                .map(ids -> ids.stream().map(UUID::fromString).toList());
    }

    public Uni<List<FulfilmentTask>> byIds(List<UUID> ids) {
        return list("id in ?1", ids);
    }

    public Uni<FulfilmentTask> lock(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** The request's tasks: fulfilment first, then callbacks in order. */
    public Uni<List<FulfilmentTask>> ofRequest(String tenantId, UUID requestId) {
        return list("tenantId = ?1 and requestId = ?2", Sort.by("seq").and("target").and("action"), tenantId,
                requestId);
    }

    /** Queues the request's failed and waiting calls again; only its status callbacks when {@code callbacksOnly}. */
    public Uni<Integer> retryFailed(String tenantId, UUID requestId, OffsetDateTime now, boolean callbacksOnly) {
        return update("status = ?1, attempts = 0, nextAttemptAt = ?2, leaseUntil = null, leasedBy = null, "
                        + "updatedAt = ?2 where tenantId = ?3 and requestId = ?4 and status in ?5"
                        + (callbacksOnly ? " and action = ?6" : ""),
                callbacksOnly
                        ? new Object[] {TaskStatus.QUEUED, now, tenantId, requestId,
                                List.of(TaskStatus.FAILED, TaskStatus.RETRYING), TaskAction.STATUS_CALLBACK}
                        : new Object[] {TaskStatus.QUEUED, now, tenantId, requestId,
                                List.of(TaskStatus.FAILED, TaskStatus.RETRYING)});
    }
}
