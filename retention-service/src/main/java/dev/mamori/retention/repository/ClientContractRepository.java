package dev.mamori.retention.repository;

import dev.mamori.retention.ClientContract;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ClientContractRepository implements PanacheRepositoryBase<ClientContract, UUID> {

    public Uni<ClientContract> findByRef(String tenantId, String ref) {
        return find("tenantId = ?1 and ref = ?2", tenantId, ref).firstResult();
    }

    public Uni<List<ClientContract>> findByRefs(String tenantId, Collection<String> refs) {
        if (refs.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("tenantId = ?1 and ref in ?2", tenantId, refs);
    }

    public Uni<List<ClientContract>> listForTenant(String tenantId, int offset, int limit) {
        return find("tenantId", Sort.by("ref"), tenantId)
                .range(offset, offset + limit - 1)
                .list();
    }
}
