package dev.mamori.thirdparty.repository;

import dev.mamori.thirdparty.Contractor;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ContractorRepository implements PanacheRepositoryBase<Contractor, UUID> {

    public Uni<Contractor> findInTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    public Uni<Contractor> ofParty(String tenantId, UUID thirdPartyId) {
        return find("tenantId = ?1 and thirdPartyId = ?2", tenantId, thirdPartyId)
                .firstResult();
    }

    public Uni<List<Contractor>> listForTenant(String tenantId, int offset, int limit) {
        return find("tenantId", Sort.by("createdAt").and("id"), tenantId)
                .range(offset, offset + limit - 1)
                .list();
    }
}
