package dev.mamori.request.repository;

import dev.mamori.request.DataSubjectRequest;
import dev.mamori.request.RequestStatus;
import dev.mamori.request.RequestType;
import dev.mamori.request.service.RequestSearch;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DataSubjectRequestRepository implements PanacheRepositoryBase<DataSubjectRequest, UUID> {

    public Uni<DataSubjectRequest> findForTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    /** The request row locked for the rest of the transaction, so two status changes cannot interleave. */
    public Uni<DataSubjectRequest> lockForTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    /**
     * Serialises intakes of the same person and type within the tenant until the transaction ends, so the duplicate
     * check and the insert that follows it cannot race. Other persons and types are not blocked.
     */
    public Uni<Void> lockIntake(String tenantId, String subjectRef, RequestType type) {
        String key = "request-intake|" + tenantId + "|" + type + "|" + subjectRef;
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT CAST(pg_advisory_xact_lock(hashtextextended(:k, 0)) AS text)", String.class)
                        .setParameter("k", key)
                        .getSingleResult())
                .replaceWithVoid();
    }

    /** The open request of this person and type, if there is one. */
    public Uni<DataSubjectRequest> findOpen(String tenantId, String subjectRef, RequestType type) {
        return find(
                        "tenantId = ?1 and subjectRef = ?2 and type = ?3 and status not in ?4",
                        tenantId,
                        subjectRef,
                        type,
                        RequestStatus.TERMINAL)
                .firstResult();
    }

    /** A page of the tenant's requests matching {@code search}, oldest arrival first (the order they are due in). */
    public Uni<List<DataSubjectRequest>> search(
            String tenantId, RequestSearch search, LocalDate today, int offset, int limit) {
        StringBuilder where = new StringBuilder("tenantId = :tenant");
        Parameters params = Parameters.with("tenant", tenantId);
        if (!search.statuses().isEmpty()) {
            where.append(" and status in :statuses");
            params.and("statuses", search.statuses());
        }
        if (!search.types().isEmpty()) {
            where.append(" and type in :types");
            params.and("types", search.types());
        }
        if (search.subjectRef() != null) {
            where.append(" and subjectRef = :subject");
            params.and("subject", search.subjectRef());
        }
        if (search.externalId() != null) {
            where.append(" and externalId = :external");
            params.and("external", search.externalId());
        }
        if (search.overdue() != null) {
            where.append(
                    search.overdue()
                            ? " and dueOn < :today and status not in :terminal"
                            : " and (dueOn >= :today or status in :terminal)");
            params.and("today", today).and("terminal", RequestStatus.TERMINAL);
        }
        if (search.dueBy() != null) {
            where.append(" and dueOn <= :dueBy");
            params.and("dueBy", search.dueBy());
        }
        if (search.order() == RequestSearch.Order.DUE) {
            // Open requests first, the soonest due first: business days left grow with the due date.
            where.append(" order by case when status in :closed then 1 else 0 end, dueOn, receivedAt, id");
            params.and("closed", RequestStatus.TERMINAL);
            return find(where.toString(), params)
                    .range(offset, offset + limit - 1)
                    .list();
        }
        return find(where.toString(), Sort.by("receivedAt").and("id"), params)
                .range(offset, offset + limit - 1)
                .list();
    }

    /** Open requests due on or before {@code until}, most urgent first. */
    public Uni<List<DataSubjectRequest>> openDueBy(String tenantId, LocalDate until, int offset, int limit) {
        return find(
                        "tenantId = ?1 and status not in ?2 and dueOn <= ?3",
                        Sort.by("dueOn").and("receivedAt").and("id"),
                        tenantId,
                        RequestStatus.TERMINAL,
                        until)
                .range(offset, offset + limit - 1)
                .list();
    }

    /** The tenant's requests that arrived in [from, to), oldest first, for the PrivacyMark record. */
    public Uni<List<DataSubjectRequest>> receivedBetween(
            String tenantId, java.time.OffsetDateTime from, java.time.OffsetDateTime to, int limit) {
        return find(
                        "tenantId = ?1 and receivedAt >= ?2 and receivedAt < ?3",
                        Sort.by("receivedAt").and("id"),
                        tenantId,
                        from,
                        to)
                .range(0, limit - 1)
                .list();
    }

    /** The tenant's request filed online under this receipt number, if there is one. */
    public Uni<DataSubjectRequest> findByReceipt(String tenantId, String receiptNumber) {
        return find("tenantId = ?1 and receiptNumber = ?2", tenantId, receiptNumber)
                .firstResult();
    }
}
