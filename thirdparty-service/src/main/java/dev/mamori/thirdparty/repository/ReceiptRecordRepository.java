package dev.mamori.thirdparty.repository;

import dev.mamori.thirdparty.ReceiptBasis;
import dev.mamori.thirdparty.ReceiptRecord;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ReceiptRecordRepository implements PanacheRepositoryBase<ReceiptRecord, UUID> {

    /** One principal of a receipt record whose provider gave the data by opt-out (Art. 27(2)). */
    public record OptOutReceipt(
            String subjectRef, UUID receiptId, String providerName, LocalDate receivedOn, List<String> dataItems) {}

    public Uni<ReceiptRecord> findInTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    /** The tenant's records about one principal, newest first (APPI Art. 33(5)). */
    public Uni<List<ReceiptRecord>> aboutSubject(String tenantId, String subjectRef, int offset, int limit) {
        return find(
                        "tenantId = ?1 and id in (select s.receiptId from ReceiptSubject s"
                                + " where s.tenantId = ?1 and s.subjectRef = ?2)",
                        Sort.descending("recordedAt").and("id"),
                        tenantId,
                        subjectRef)
                .range(offset, offset + limit - 1)
                .list();
    }

    /**
     * The tenant's opt-out receipt records about any of these principals, oldest first, one row per principal and
     * record: the Art. 27(2) proviso bars providing such data onward by opt-out.
     */
    public Uni<List<OptOutReceipt>> receivedByOptOut(String tenantId, Collection<String> subjectRefs) {
        return Panache.getSession()
                .chain(session -> session.createSelectionQuery(
                                "select s.subjectRef, r from ReceiptSubject s, ReceiptRecord r where r.id = s.receiptId"
                                        + " and s.tenantId = :tenant and r.tenantId = :tenant and r.basis = :basis"
                                        + " and s.subjectRef in :refs order by r.recordedAt, r.id, s.position",
                                Object[].class)
                        .setParameter("tenant", tenantId)
                        .setParameter("basis", ReceiptBasis.OPT_OUT)
                        .setParameter("refs", subjectRefs)
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(row -> {
                            ReceiptRecord r = (ReceiptRecord) row[1];
                            return new OptOutReceipt((String) row[0], r.id, r.providerName, r.receivedOn, r.dataItems);
                        })
                        .toList());
    }
}
