package dev.mamori.consent.repository;

import dev.mamori.consent.ConsentWithdrawal;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ConsentWithdrawalRepository implements PanacheRepositoryBase<ConsentWithdrawal, UUID> {

    public Uni<ConsentWithdrawal> findForConsent(String tenantId, UUID consentId) {
        return find("tenantId = ?1 and consentId = ?2", tenantId, consentId).firstResult();
    }

    public Uni<List<ConsentWithdrawal>> forConsents(String tenantId, Collection<UUID> consentIds) {
        if (consentIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("tenantId = ?1 and consentId in ?2", tenantId, consentIds);
    }
}
