package dev.mamori.request.repository;

import dev.mamori.platform.mail.StaffMail;
import dev.mamori.request.RequestType;
import dev.mamori.request.service.StaffMails;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The reads the staff mails need over the tenant's requests (ids, receipt numbers, kinds, dates and counts only:
 * nothing personal); which mails went is the platform's ({@link StaffMail}). Runs in the caller's transaction.
 */
@ApplicationScoped
public class StaffNoticeRepository {

    /** An open request that is near or past its due date and has had no mail about that yet. */
    public record DueRequest(UUID id, String receiptNumber, RequestType type, LocalDate dueOn) {}

    // RequestStatus.TERMINAL
    private static final String TERMINAL = "('COMPLETED', 'REFUSED', 'CANCELLED')";

    // Overdue from the day after the due date (Deadlines.overdue); the notice's day is the due date it is about.
    private static final String DUE_UNNOTIFIED = "SELECT CAST(r.id AS text), r.receipt_number, r.type, r.due_on "
            + "FROM data_subject_request r WHERE r.tenant_id = :tenant AND r.status NOT IN " + TERMINAL
            + " AND r.due_on <= :until AND "
            + StaffMail.notSent(
                    "r.tenant_id",
                    "CASE WHEN r.due_on < :today THEN 'OVERDUE' ELSE 'NEAR_DUE' END",
                    "CAST(r.id AS text)",
                    "r.due_on")
            + " ORDER BY r.due_on, r.received_at, r.id LIMIT :limit";

    private static final String COUNTS = "SELECT count(*), "
            + "count(*) FILTER (WHERE status = 'PENDING_DECISION'), "
            + "count(*) FILTER (WHERE due_on >= :today AND due_on <= :until), "
            + "count(*) FILTER (WHERE due_on < :today), "
            + "count(*) FILTER (WHERE receipt_number IS NOT NULL AND subject_ref IS NULL) "
            + "FROM data_subject_request WHERE tenant_id = :tenant AND status NOT IN " + TERMINAL;

    /** Open requests due on or before {@code until} without a near-due or overdue mail for their due date yet. */
    public Uni<List<DueRequest>> dueWithoutNotice(String tenantId, LocalDate today, LocalDate until, int limit) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(DUE_UNNOTIFIED, Object[].class)
                        .setParameter("tenant", tenantId)
                        .setParameter("today", today)
                        .setParameter("until", until)
                        .setParameter("limit", limit)
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(r -> new DueRequest(
                                UUID.fromString((String) r[0]),
                                (String) r[1],
                                RequestType.valueOf((String) r[2]),
                                toDate(r[3])))
                        .toList());
    }

    /** The digest's counts over the tenant's open requests. */
    public Uni<StaffMails.Counts> counts(String tenantId, LocalDate today, LocalDate until) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(COUNTS, Object[].class)
                        .setParameter("tenant", tenantId)
                        .setParameter("today", today)
                        .setParameter("until", until)
                        .getSingleResult())
                .map(r -> new StaffMails.Counts(number(r[0]), number(r[1]), number(r[2]), number(r[3]), number(r[4])));
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static LocalDate toDate(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }
}
