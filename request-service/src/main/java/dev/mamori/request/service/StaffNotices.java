package dev.mamori.request.service;

import dev.mamori.platform.mail.StaffMail;
import dev.mamori.platform.mail.StaffRecipients;
import dev.mamori.platform.time.JapanTime;
import dev.mamori.request.DataSubjectRequest;
import dev.mamori.request.RequestStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Mails the tenant's staff (platform {@link StaffRecipients}) about its requests, each mail once (platform
 * {@link StaffMail}: two replicas, or two runs of a job, mail once; a tenant without staff recipients gets nothing).
 * Every method runs in the caller's transaction. The mails carry no personal data ({@link StaffMails}).
 */
@ApplicationScoped
public class StaffNotices {

    private final StaffRecipients staff;
    private final StaffMail staffMail;

    public StaffNotices(StaffRecipients staff, StaffMail staffMail) {
        this.staff = staff;
        this.staffMail = staffMail;
    }

    /** Whether the tenant has anyone to mail. */
    public boolean mailsTo(String tenantId) {
        return !staff.of(tenantId).isEmpty();
    }

    /**
     * {@code request} has just come to await a decision (identity verified, or resumed before its decision): mails
     * the staff once for that day. Does nothing for a request in any other status.
     */
    public Uni<Void> awaitingDecision(DataSubjectRequest request, OffsetDateTime now) {
        if (request.status != RequestStatus.PENDING_DECISION) {
            return Uni.createFrom().voidItem();
        }
        return send(
                        request.tenantId,
                        StaffMails.Kind.AWAITING_DECISION,
                        request.id.toString(),
                        JapanTime.dateOf(now),
                        () -> StaffMails.awaitingDecision(request.tenantId, about(request), link(request.id)))
                .replaceWithVoid();
    }

    /** Near-due mail about {@code request}, once per due date. */
    public Uni<Boolean> nearDue(String tenantId, StaffMails.About request, int businessDaysLeft) {
        return send(
                tenantId,
                StaffMails.Kind.NEAR_DUE,
                request.requestId().toString(),
                request.dueOn(),
                () -> StaffMails.nearDue(tenantId, request, businessDaysLeft, link(request.requestId())));
    }

    /** Overdue mail about {@code request}, once per due date. */
    public Uni<Boolean> overdue(String tenantId, StaffMails.About request) {
        return send(
                tenantId,
                StaffMails.Kind.OVERDUE,
                request.requestId().toString(),
                request.dueOn(),
                () -> StaffMails.overdue(tenantId, request, link(request.requestId())));
    }

    /** The digest of {@code day}, once per day. */
    public Uni<Boolean> digest(String tenantId, LocalDate day, StaffMails.Counts counts) {
        return send(
                tenantId,
                StaffMails.Kind.DIGEST,
                "digest",
                day,
                () -> StaffMails.digest(tenantId, day, counts, staff.consoleLink("requests")));
    }

    /** Queues the mail to every staff recipient unless it went already; answers whether it did. */
    private Uni<Boolean> send(
            String tenantId, StaffMails.Kind kind, String subject, LocalDate day, Supplier<StaffMail.Text> mail) {
        return staffMail.sendOnce(tenantId, kind.name(), subject, day, mail);
    }

    private String link(UUID requestId) {
        return staff.consoleLink("requests/" + requestId);
    }

    static StaffMails.About about(DataSubjectRequest r) {
        return new StaffMails.About(r.id, r.receiptNumber, r.type, r.dueOn);
    }
}
