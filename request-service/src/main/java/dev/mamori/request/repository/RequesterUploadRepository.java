package dev.mamori.request.repository;

import dev.mamori.request.RequesterUpload;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;

@ApplicationScoped
public class RequesterUploadRepository implements PanacheRepositoryBase<RequesterUpload, UUID> {

    public Uni<RequesterUpload> findForTenant(String tenantId, UUID requestId) {
        return find("tenantId = ?1 and requestId = ?2", tenantId, requestId).firstResult();
    }

    /** Locked for the rest of the transaction, so two uploads cannot both take the last place. */
    public Uni<RequesterUpload> lockForTenant(String tenantId, UUID requestId) {
        return find("tenantId = ?1 and requestId = ?2", tenantId, requestId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }
}
