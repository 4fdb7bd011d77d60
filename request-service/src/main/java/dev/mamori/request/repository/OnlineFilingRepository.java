package dev.mamori.request.repository;

import dev.mamori.request.OnlineFiling;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OnlineFilingRepository implements PanacheRepositoryBase<OnlineFiling, UUID> {

    /** The tenant's filing locked for the transaction, so two tries of a code cannot both count as the last one. */
    public Uni<OnlineFiling> lockForTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    /** Up to {@code limit} filings (never confirmed: confirmed ones are gone) made before {@code before}. */
    public Uni<List<OnlineFiling>> madeBefore(OffsetDateTime before, int limit) {
        return find("createdAt < ?1", Sort.by("createdAt"), before)
                .range(0, limit - 1)
                .list();
    }
}
