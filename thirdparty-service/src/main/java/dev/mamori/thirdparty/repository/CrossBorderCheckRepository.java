package dev.mamori.thirdparty.repository;

import dev.mamori.thirdparty.CrossBorderCheck;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CrossBorderCheckRepository implements PanacheRepositoryBase<CrossBorderCheck, UUID> {

    /** The party's checks, latest first. */
    public Uni<List<CrossBorderCheck>> ofParty(String tenantId, UUID partyId) {
        return find(
                        "tenantId = ?1 and thirdPartyId = ?2",
                        Sort.descending("checkedOn").and("recordedAt", Sort.Direction.Descending),
                        tenantId,
                        partyId)
                .list();
    }

    public Uni<CrossBorderCheck> latest(String tenantId, UUID partyId) {
        return find(
                        "tenantId = ?1 and thirdPartyId = ?2",
                        Sort.descending("checkedOn").and("recordedAt", Sort.Direction.Descending),
                        tenantId,
                        partyId)
                .firstResult();
    }
}
