package dev.mamori.retention.repository;

import dev.mamori.platform.outbox.Outbox;
import dev.mamori.platform.outbox.OutboxTable;
import dev.mamori.retention.ErasureRequest;
import dev.mamori.retention.ErasureRequestStatus;
import dev.mamori.retention.service.RetentionConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class ErasureRequestRepository implements PanacheRepositoryBase<ErasureRequest, UUID> {

    /**
     * The erasure outbox: the platform claims due requests of any tenant (SKIP LOCKED and a lease, so two replicas
     * never send the same request at once, and a dead replica's claims fall back to the others when the lease ends),
     * counts attempts, waits between them and marks a request FAILED when they are used up. A request is delivered
     * when the system confirms (CONFIRMED) or accepts it to confirm later (SENT).
     */
    public static final OutboxTable OUTBOX = OutboxTable.builder("erasure", "erasure_request")
            .queued(ErasureRequestStatus.PENDING.name())
            .dead(ErasureRequestStatus.FAILED.name())
            .delivered(ErasureRequestStatus.SENT.name(), ErasureRequestStatus.CONFIRMED.name())
            .build();

    private final Outbox outbox;

    public ErasureRequestRepository(RetentionConfig config, MeterRegistry meters) {
        this.outbox = new Outbox(OUTBOX, config.delivery(), meters);
    }

    public Outbox outbox() {
        return outbox;
    }

    public Uni<ErasureRequest> findForTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    public Uni<List<ErasureRequest>> listForTenant(
            String tenantId, ErasureRequestStatus status, String requestRef, int offset, int limit) {
        StringBuilder query = new StringBuilder("tenantId = :tenant");
        var params = io.quarkus.panache.common.Parameters.with("tenant", tenantId);
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        if (requestRef != null) {
            query.append(" and requestRef = :ref");
            params.and("ref", requestRef);
        }
        return find(query.toString(), Sort.by("createdAt").and("id"), params)
                .range(offset, offset + limit - 1)
                .list();
    }

    /**
     * Queues the tenant's request again from the first attempt if it is FAILED or waiting after a failure; answers
     * whether it was (a request being sent right now is left to that attempt).
     */
    public Uni<Boolean> retry(String tenantId, UUID id) {
        return outbox.retry("tenant_id = :tenant AND id = :id", Map.of("tenant", tenantId, "id", id))
                .map(n -> n > 0);
    }
}
