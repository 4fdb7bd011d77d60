package dev.mamori.thirdparty.repository;

import dev.mamori.thirdparty.ProvisionSubject;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ProvisionSubjectRepository implements PanacheRepositoryBase<ProvisionSubject, UUID> {

    public Uni<List<String>> subjectsOf(String tenantId, UUID provisionId) {
        return find("tenantId = ?1 and provisionId = ?2", Sort.by("position"), tenantId, provisionId)
                .list()
                .map(rows -> rows.stream().map(row -> row.subjectRef).toList());
    }
}
