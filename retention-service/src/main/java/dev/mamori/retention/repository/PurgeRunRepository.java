package dev.mamori.retention.repository;

import dev.mamori.retention.PurgeRun;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PurgeRunRepository implements PanacheRepositoryBase<PurgeRun, UUID> {

    public Uni<PurgeRun> findForTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    /**
     * Takes over a run whose replica stopped beating (it died mid-run): at most one taker, thanks to the row lock
     * and SKIP LOCKED. {@code tenantId} null means any tenant (the scheduler). Answers the run's id, or null.
     */
    public Uni<UUID> claimAbandoned(String tenantId, Duration lease) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("""
                        UPDATE purge_run SET heartbeat_at = now()
                        WHERE id = (SELECT id FROM purge_run
                                    WHERE status = 'RUNNING' AND heartbeat_at < now() - make_interval(secs => :lease)
                                      AND (CAST(:tenant AS text) = '' OR tenant_id = :tenant)
                                    ORDER BY heartbeat_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING CAST(id AS text)""", String.class)
                        .setParameter("lease", (double) lease.toSeconds())
                        .setParameter("tenant", tenantId == null ? "" : tenantId)
                        .getResultList())
                .map(ids -> ids.isEmpty() ? null : UUID.fromString(ids.get(0)));
    }

    /** The tenants with holdings due now, for the scheduled purge. */
    public Uni<List<String>> tenantsWithDueHoldings() {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "SELECT DISTINCT tenant_id FROM holding WHERE delete_after <= now()", String.class)
                .getResultList());
    }
}
