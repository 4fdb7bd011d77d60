package dev.mamori.retention.repository;

import dev.mamori.retention.DeletionCertificate;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DeletionCertificateRepository implements PanacheRepositoryBase<DeletionCertificate, UUID> {

    public Uni<DeletionCertificate> findForTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    /** The tenant's certificates, newest first; only those of one request when {@code requestRef} is given. */
    public Uni<List<DeletionCertificate>> listForTenant(String tenantId, String requestRef, int offset, int limit) {
        Sort newestFirst = Sort.by("issuedAt", Sort.Direction.Descending).and("id", Sort.Direction.Descending);
        return (requestRef == null
                        ? find("tenantId = ?1", newestFirst, tenantId)
                        : find("tenantId = ?1 and requestRef = ?2", newestFirst, tenantId, requestRef))
                .range(offset, offset + limit - 1)
                .list();
    }
}
