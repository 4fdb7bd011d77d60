package dev.mamori.consent.repository;

import dev.mamori.consent.UseStop;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class UseStopRepository implements PanacheRepositoryBase<UseStop, UUID> {

    public Uni<List<UseStop>> forSubject(String tenantId, String subjectRef) {
        return list("tenantId = ?1 and subjectRef = ?2", Sort.by("stoppedAt"), tenantId, subjectRef);
    }

    public Uni<UseStop> lockForTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }
}
