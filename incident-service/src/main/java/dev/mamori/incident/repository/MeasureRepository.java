package dev.mamori.incident.repository;

import dev.mamori.incident.Measure;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MeasureRepository implements PanacheRepositoryBase<Measure, UUID> {

    public Uni<List<Measure>> ofIncident(String tenantId, UUID incidentId) {
        return find("tenantId = ?1 and incidentId = ?2", Sort.by("dueOn").and("id"), tenantId, incidentId)
                .list();
    }

    public Uni<Measure> findInIncident(String tenantId, UUID incidentId, UUID id) {
        return find("tenantId = ?1 and incidentId = ?2 and id = ?3", tenantId, incidentId, id)
                .firstResult();
    }
}
