package dev.mamori.retention.repository;

import dev.mamori.retention.OwningSystem;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OwningSystemRepository implements PanacheRepositoryBase<OwningSystem, UUID> {

    public Uni<OwningSystem> findByCode(String tenantId, String code) {
        return find("tenantId = ?1 and code = ?2", tenantId, code).firstResult();
    }

    public Uni<List<OwningSystem>> listForTenant(String tenantId, int offset, int limit) {
        return find("tenantId", Sort.by("code"), tenantId)
                .range(offset, offset + limit - 1)
                .list();
    }
}
