package dev.mamori.thirdparty.repository;

import dev.mamori.thirdparty.ThirdParty;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ThirdPartyRepository implements PanacheRepositoryBase<ThirdParty, UUID> {

    /** The party with this id in this tenant; another tenant's party is not found. */
    public Uni<ThirdParty> findInTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    public Uni<List<ThirdParty>> listForTenant(String tenantId, int offset, int limit) {
        return find("tenantId", Sort.by("name").and("id"), tenantId)
                .range(offset, offset + limit - 1)
                .list();
    }
}
