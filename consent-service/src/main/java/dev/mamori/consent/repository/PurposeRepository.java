package dev.mamori.consent.repository;

import dev.mamori.consent.Purpose;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PurposeRepository implements PanacheRepositoryBase<Purpose, UUID> {

    public Uni<Purpose> findByCode(String tenantId, String code) {
        return find("tenantId = ?1 and code = ?2", tenantId, code).firstResult();
    }

    /** The purpose row locked for the rest of the transaction, so two new versions cannot take the same number. */
    public Uni<Purpose> lockByCode(String tenantId, String code) {
        return find("tenantId = ?1 and code = ?2", tenantId, code)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    public Uni<List<Purpose>> listForTenant(String tenantId, int offset, int limit) {
        return find("tenantId", Sort.by("code"), tenantId)
                .range(offset, offset + limit - 1)
                .list();
    }
}
