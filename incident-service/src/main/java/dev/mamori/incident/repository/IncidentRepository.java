package dev.mamori.incident.repository;

import dev.mamori.incident.Incident;
import dev.mamori.incident.IncidentStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class IncidentRepository implements PanacheRepositoryBase<Incident, UUID> {

    public Uni<Incident> findInTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    /** The incident, locked until the transaction ends: its changes and reports are made one at a time. */
    public Uni<Incident> lockInTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    public Uni<Incident> lockNotifiedTo(String clientTenantId, UUID id) {
        return find("clientTenantId = ?1 and id = ?2 and clientNotifiedAt is not null", clientTenantId, id)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    /** Every tenant's incidents not closed yet, for the staff-notice sweep. */
    public Uni<List<Incident>> openInAllTenants(int limit) {
        return find("status <> ?1", Sort.ascending("discoveredAt").and("id"), IncidentStatus.CLOSED)
                .range(0, limit - 1)
                .list();
    }

    public Uni<List<Incident>> listForTenant(String tenantId, int offset, int limit) {
        return find("tenantId", Sort.descending("discoveredAt").and("id"), tenantId)
                .range(offset, offset + limit - 1)
                .list();
    }

    /** The tenant's incidents not closed yet: the ones whose reports may still fall due. */
    public Uni<List<Incident>> openForTenant(String tenantId, int limit) {
        return find(
                        "tenantId = ?1 and status <> ?2",
                        Sort.ascending("discoveredAt").and("id"),
                        tenantId,
                        IncidentStatus.CLOSED)
                .range(0, limit - 1)
                .list();
    }

    /** An incident a contractor notified to this client tenant (never one it did not notify). */
    public Uni<Incident> notifiedTo(String clientTenantId, UUID id) {
        return find("clientTenantId = ?1 and id = ?2 and clientNotifiedAt is not null", clientTenantId, id)
                .firstResult();
    }

    public Uni<List<Incident>> listNotifiedTo(String clientTenantId, int offset, int limit) {
        return find(
                        "clientTenantId = ?1 and clientNotifiedAt is not null",
                        Sort.descending("clientNotifiedAt").and("id"),
                        clientTenantId)
                .range(offset, offset + limit - 1)
                .list();
    }
}
