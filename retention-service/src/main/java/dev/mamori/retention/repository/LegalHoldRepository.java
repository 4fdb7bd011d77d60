package dev.mamori.retention.repository;

import dev.mamori.retention.LegalHold;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class LegalHoldRepository implements PanacheRepositoryBase<LegalHold, UUID> {

    public Uni<LegalHold> findForTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    public Uni<List<LegalHold>> listForTenant(String tenantId, boolean activeOnly, int offset, int limit) {
        String query = "tenantId = ?1"
                + (activeOnly ? " and releasedAt is null and (until is null or until > current_timestamp)" : "");
        return find(query, Sort.by("setAt").and("id"), tenantId)
                .range(offset, offset + limit - 1)
                .list();
    }
}
