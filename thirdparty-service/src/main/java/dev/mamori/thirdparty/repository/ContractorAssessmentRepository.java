package dev.mamori.thirdparty.repository;

import dev.mamori.thirdparty.ContractorAssessment;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ContractorAssessmentRepository implements PanacheRepositoryBase<ContractorAssessment, UUID> {

    /** Latest first. */
    public Uni<List<ContractorAssessment>> ofContractor(String tenantId, UUID contractorId) {
        return find(
                        "tenantId = ?1 and contractorId = ?2",
                        Sort.descending("assessedOn").and("recordedAt", Sort.Direction.Descending),
                        tenantId,
                        contractorId)
                .list();
    }
}
