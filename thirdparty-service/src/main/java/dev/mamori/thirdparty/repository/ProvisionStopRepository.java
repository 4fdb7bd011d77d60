package dev.mamori.thirdparty.repository;

import dev.mamori.thirdparty.ProvisionStop;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ProvisionStopRepository implements PanacheRepositoryBase<ProvisionStop, UUID> {

    public Uni<ProvisionStop> findInTenant(String tenantId, String subjectRef, UUID id) {
        return find("tenantId = ?1 and subjectRef = ?2 and id = ?3", tenantId, subjectRef, id)
                .firstResult();
    }

    /** The stops in force for any of these principals. */
    public Uni<List<ProvisionStop>> inForce(String tenantId, Collection<String> subjectRefs) {
        return find("tenantId = ?1 and subjectRef in ?2 and liftedAt is null", tenantId, subjectRefs)
                .list();
    }

    public Uni<List<ProvisionStop>> ofSubject(String tenantId, String subjectRef) {
        return find(
                        "tenantId = ?1 and subjectRef = ?2",
                        Sort.descending("stoppedAt").and("id"),
                        tenantId,
                        subjectRef)
                .list();
    }
}
