package dev.mamori.thirdparty.repository;

import dev.mamori.thirdparty.ContractorAudit;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ContractorAuditRepository implements PanacheRepositoryBase<ContractorAudit, UUID> {

    /** Latest first. */
    public Uni<List<ContractorAudit>> ofContractor(String tenantId, UUID contractorId) {
        return find(
                        "tenantId = ?1 and contractorId = ?2",
                        Sort.descending("auditedOn").and("recordedAt", Sort.Direction.Descending),
                        tenantId,
                        contractorId)
                .list();
    }
}
