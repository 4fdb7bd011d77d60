package dev.mamori.request.repository;

import dev.mamori.request.RequestEvent;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RequestEventRepository implements PanacheRepositoryBase<RequestEvent, UUID> {

    /** A page of the request's log, oldest first. */
    public Uni<List<RequestEvent>> logOf(String tenantId, UUID requestId, int offset, int limit) {
        return find("tenantId = ?1 and requestId = ?2", Sort.by("seq"), tenantId, requestId)
                .range(offset, offset + limit - 1)
                .list();
    }
}
