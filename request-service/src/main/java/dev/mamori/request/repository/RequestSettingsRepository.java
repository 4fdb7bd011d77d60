package dev.mamori.request.repository;

import dev.mamori.request.RequestSettings;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class RequestSettingsRepository implements PanacheRepositoryBase<RequestSettings, String> {

    public Uni<RequestSettings> forTenant(String tenantId) {
        return findById(tenantId);
    }

    public Uni<RequestSettings> lockForTenant(String tenantId) {
        return findById(tenantId, LockModeType.PESSIMISTIC_WRITE);
    }
}
