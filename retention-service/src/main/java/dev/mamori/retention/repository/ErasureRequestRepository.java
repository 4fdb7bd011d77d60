package dev.mamori.retention.repository;

import dev.mamori.retention.ErasureRequest;
import dev.mamori.retention.ErasureRequestStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ErasureRequestRepository implements PanacheRepositoryBase<ErasureRequest, UUID> {

    /** A request claimed for delivery: who to ask, and the how-manieth attempt this is. */
    public record Claimed(UUID id, String tenantId, String systemCode, int attempts) {
    }

    public Uni<ErasureRequest> findForTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    public Uni<List<ErasureRequest>> listForTenant(String tenantId, ErasureRequestStatus status, String requestRef,
                                                   int offset, int limit) {
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
        return find(query.toString(), Sort.by("createdAt").and("id"), params).range(offset, offset + limit - 1).list();
    }

    /**
     * Claims up to {@code limit} due requests of any tenant for one deliverer: the row locks with SKIP LOCKED keep
     * two replicas from claiming the same request, and the lease lets another take it over if this one dies.
     */
    public Uni<List<Claimed>> claimDue(int limit, Duration lease) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        UPDATE erasure_request SET lease_until = now() + make_interval(secs => :lease),
                               attempts = attempts + 1
                        WHERE id IN (SELECT id FROM erasure_request
                                     WHERE status = 'PENDING' AND next_attempt_at <= now()
                                       AND (lease_until IS NULL OR lease_until < now())
                                     ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING CAST(id AS text), tenant_id, system_code, attempts""", Object[].class)
                .setParameter("lease", (double) lease.toSeconds())
                .setParameter("limit", limit)
                .getResultList())
                .map(rows -> rows.stream().map(r -> new Claimed(UUID.fromString((String) r[0]), (String) r[1],
                        (String) r[2], ((Number) r[3]).intValue())).toList());
    }
}
