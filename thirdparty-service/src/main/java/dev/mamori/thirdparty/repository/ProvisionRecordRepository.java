package dev.mamori.thirdparty.repository;

import dev.mamori.thirdparty.ProvisionRecord;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ProvisionRecordRepository implements PanacheRepositoryBase<ProvisionRecord, UUID> {

    public Uni<ProvisionRecord> findInTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    /** The tenant's records about one principal, newest first (APPI Art. 33(5)). */
    public Uni<List<ProvisionRecord>> aboutSubject(String tenantId, String subjectRef, int offset, int limit) {
        return find(
                        "tenantId = ?1 and id in (select s.provisionId from ProvisionSubject s"
                                + " where s.tenantId = ?1 and s.subjectRef = ?2)",
                        Sort.descending("recordedAt").and("id"),
                        tenantId,
                        subjectRef)
                .range(offset, offset + limit - 1)
                .list();
    }
}
