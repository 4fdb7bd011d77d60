package dev.mamori.request.repository;

import dev.mamori.request.RequestResult;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class RequestResultRepository implements PanacheRepositoryBase<RequestResult, UUID> {

    public Uni<RequestResult> forTenant(String tenantId, UUID requestId) {
        return find("tenantId = ?1 and requestId = ?2", tenantId, requestId).firstResult();
    }
}
