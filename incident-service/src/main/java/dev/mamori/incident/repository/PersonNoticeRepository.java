package dev.mamori.incident.repository;

import dev.mamori.incident.PersonNotice;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PersonNoticeRepository implements PanacheRepositoryBase<PersonNotice, UUID> {

    public Uni<List<PersonNotice>> ofIncident(String tenantId, UUID incidentId) {
        return find("tenantId = ?1 and incidentId = ?2", Sort.by("sentAt").and("id"), tenantId, incidentId)
                .list();
    }
}
