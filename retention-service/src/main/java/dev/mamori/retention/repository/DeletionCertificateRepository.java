package dev.mamori.retention.repository;

import dev.mamori.retention.DeletionCertificate;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class DeletionCertificateRepository implements PanacheRepositoryBase<DeletionCertificate, UUID> {

    public Uni<DeletionCertificate> findForTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }
}
