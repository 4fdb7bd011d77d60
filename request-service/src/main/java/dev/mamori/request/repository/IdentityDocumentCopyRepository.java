package dev.mamori.request.repository;

import dev.mamori.request.IdentityDocumentCopy;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class IdentityDocumentCopyRepository implements PanacheRepositoryBase<IdentityDocumentCopy, UUID> {

    public Uni<Long> countFor(String tenantId, UUID requestId) {
        return count("tenantId = ?1 and requestId = ?2", tenantId, requestId);
    }

    /** Copies whose retention ended, oldest first. */
    public Uni<List<IdentityDocumentCopy>> expired(OffsetDateTime now, int limit) {
        return find("deleteAfter < ?1 order by deleteAfter", now)
                .range(0, limit - 1)
                .list();
    }
}
