package dev.mamori.thirdparty.repository;

import dev.mamori.thirdparty.RecordDeletion;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RecordDeletionRepository implements PanacheRepositoryBase<RecordDeletion, UUID> {

    public Uni<List<RecordDeletion>> listForTenant(String tenantId, int offset, int limit) {
        return find("tenantId", Sort.descending("deletedAt").and("id"), tenantId)
                .range(offset, offset + limit - 1).list();
    }
}
