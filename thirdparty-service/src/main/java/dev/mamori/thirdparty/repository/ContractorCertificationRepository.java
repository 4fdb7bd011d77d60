package dev.mamori.thirdparty.repository;

import dev.mamori.thirdparty.ContractorCertification;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ContractorCertificationRepository implements PanacheRepositoryBase<ContractorCertification, UUID> {

    /** Latest expiry first within each scheme. */
    public Uni<List<ContractorCertification>> ofContractor(String tenantId, UUID contractorId) {
        return find(
                        "tenantId = ?1 and contractorId = ?2",
                        Sort.by("scheme")
                                .and("expiresOn", Sort.Direction.Descending)
                                .and("recordedAt", Sort.Direction.Descending),
                        tenantId,
                        contractorId)
                .list();
    }

    /** Every certification of the tenant, for finding the ones in force that expire soon. */
    public Uni<List<ContractorCertification>> ofTenant(String tenantId) {
        return find("tenantId", Sort.by("expiresOn").and("id"), tenantId).list();
    }
}
