package dev.mamori.consent.repository;

import dev.mamori.consent.Consent;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ConsentRepository implements PanacheRepositoryBase<Consent, UUID> {

    public Uni<Consent> findForTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    /** A person's whole consent history, in the order it was recorded. */
    public Uni<List<Consent>> historyOf(String tenantId, String subjectRef) {
        return list("tenantId = ?1 and subjectRef = ?2", Sort.by("seq"), tenantId, subjectRef);
    }
}
