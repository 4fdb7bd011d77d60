package dev.mamori.thirdparty.repository;

import dev.mamori.thirdparty.OptOutFiling;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OptOutFilingRepository implements PanacheRepositoryBase<OptOutFiling, UUID> {

    public Uni<OptOutFiling> findInTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    public Uni<List<OptOutFiling>> listForTenant(String tenantId, int offset, int limit) {
        return find("tenantId", Sort.by("createdAt").and("id"), tenantId)
                .range(offset, offset + limit - 1)
                .list();
    }
}
