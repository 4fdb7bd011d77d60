package dev.mamori.thirdparty.repository;

import dev.mamori.thirdparty.ReceiptSubject;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ReceiptSubjectRepository implements PanacheRepositoryBase<ReceiptSubject, UUID> {

    /** The principals of one record, in the order they were recorded. */
    public Uni<List<String>> subjectsOf(String tenantId, UUID receiptId) {
        return find("tenantId = ?1 and receiptId = ?2", Sort.by("position"), tenantId, receiptId)
                .list()
                .map(rows -> rows.stream().map(row -> row.subjectRef).toList());
    }
}
