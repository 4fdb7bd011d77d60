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

    /** The request's copies still kept at {@code now}, oldest first. */
    public Uni<List<IdentityDocumentCopy>> keptFor(String tenantId, UUID requestId, OffsetDateTime now) {
        return list(
                "tenantId = ?1 and requestId = ?2 and deleteAfter > ?3 order by storedAt, id",
                tenantId,
                requestId,
                now);
    }

    /** One of the request's copies, if it is still kept at {@code now}. */
    public Uni<IdentityDocumentCopy> keptFor(String tenantId, UUID requestId, UUID id, OffsetDateTime now) {
        return find("tenantId = ?1 and requestId = ?2 and id = ?3 and deleteAfter > ?4", tenantId, requestId, id, now)
                .firstResult();
    }

    /** Copies whose retention ended, oldest first. */
    public Uni<List<IdentityDocumentCopy>> expired(OffsetDateTime now, int limit) {
        return find("deleteAfter < ?1 order by deleteAfter", now)
                .range(0, limit - 1)
                .list();
    }
}
