package dev.mamori.incident.repository;

import dev.mamori.incident.IncidentReport;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class IncidentReportRepository implements PanacheRepositoryBase<IncidentReport, UUID> {

    public Uni<List<IncidentReport>> ofIncident(String tenantId, UUID incidentId) {
        return find("tenantId = ?1 and incidentId = ?2", Sort.by("submittedAt"), tenantId, incidentId)
                .list();
    }

    /** The reports of incidents of any tenant (the sweep): each incident's id names its tenant. */
    public Uni<List<IncidentReport>> ofIncidents(Collection<UUID> incidentIds) {
        if (incidentIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find("incidentId in ?1", incidentIds).list();
    }

    public Uni<List<IncidentReport>> ofIncidents(String tenantId, Collection<UUID> incidentIds) {
        if (incidentIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find("tenantId = ?1 and incidentId in ?2", tenantId, incidentIds).list();
    }
}
