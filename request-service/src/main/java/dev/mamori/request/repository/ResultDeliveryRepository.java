package dev.mamori.request.repository;

import dev.mamori.request.ResultDelivery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;

@ApplicationScoped
public class ResultDeliveryRepository implements PanacheRepositoryBase<ResultDelivery, UUID> {

    /** The tenant's delivery with this token hash, locked, so two tries of a code cannot both count as the last. */
    public Uni<ResultDelivery> lockByToken(String tenantId, byte[] tokenHash) {
        return find("tenantId = ?1 and tokenHash = ?2", tenantId, tokenHash)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }
}
