package dev.mamori.retention.repository;

import dev.mamori.retention.DataCategory;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DataCategoryRepository implements PanacheRepositoryBase<DataCategory, UUID> {

    public Uni<DataCategory> findByCode(String tenantId, String code) {
        return find("tenantId = ?1 and code = ?2", tenantId, code).firstResult();
    }

    public Uni<List<DataCategory>> findByCodes(String tenantId, Collection<String> codes) {
        if (codes.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("tenantId = ?1 and code in ?2", tenantId, codes);
    }

    public Uni<List<DataCategory>> listForTenant(String tenantId, int offset, int limit) {
        return find("tenantId", Sort.by("code"), tenantId)
                .range(offset, offset + limit - 1)
                .list();
    }

    public Uni<List<DataCategory>> allForTenant(String tenantId) {
        return list("tenantId", Sort.by("code"), tenantId);
    }
}
