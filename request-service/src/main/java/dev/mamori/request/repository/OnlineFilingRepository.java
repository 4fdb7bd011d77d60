package dev.mamori.request.repository;

import dev.mamori.request.OnlineFiling;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.UUID;

@ApplicationScoped
public class OnlineFilingRepository implements PanacheRepositoryBase<OnlineFiling, UUID> {

    /** The tenant's filing locked for the transaction, so two tries of a code cannot both count as the last one. */
    public Uni<OnlineFiling> lockForTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    /** Deletes filings never confirmed that were made before {@code before}; answers how many. */
    public Uni<Long> deleteUnconfirmedBefore(OffsetDateTime before) {
        return delete("createdAt < ?1", before);
    }
}
