package dev.mamori.request.service;

import dev.mamori.platform.mail.MailMessage;
import dev.mamori.platform.mail.MailOutbox;
import dev.mamori.platform.mail.StaffRecipients;
import dev.mamori.platform.time.JapanTime;
import dev.mamori.request.DataSubjectRequest;
import dev.mamori.request.RequestStatus;
import dev.mamori.request.repository.StaffNoticeRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Mails the tenant's staff (platform {@link StaffRecipients}) about its requests, each mail once: a
 * {@code staff_notice} row per (tenant, kind, subject, day) is inserted in the transaction that queues the mail in
 * the platform {@link MailOutbox}, and only the transaction whose insert is new queues it. Two replicas, or two runs
 * of a job, therefore mail once. A tenant without staff recipients gets nothing and leaves no row. Every method runs
 * in the caller's transaction. The mails carry no personal data ({@link StaffMails}).
 */
@ApplicationScoped
public class StaffNotices {

    private final StaffNoticeRepository notices;
    private final StaffRecipients staff;
    private final MailOutbox outbox;

    public StaffNotices(StaffNoticeRepository notices, StaffRecipients staff, MailOutbox outbox) {
        this.notices = notices;
        this.staff = staff;
        this.outbox = outbox;
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

    /** Records the notice and, if it is new, queues the mail to every staff recipient; answers whether it did. */
    private Uni<Boolean> send(
            String tenantId, StaffMails.Kind kind, String subject, LocalDate day, Supplier<StaffMails.Composed> mail) {
        List<String> recipients = staff.of(tenantId);
        if (recipients.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        return notices.record(tenantId, kind, subject, day).chain(fresh -> {
            if (!fresh) {
                return Uni.createFrom().item(false);
            }
            StaffMails.Composed composed = mail.get();
            return Multi.createFrom()
                    .iterable(recipients)
                    .onItem()
                    .transformToUniAndConcatenate(
                            to -> outbox.enqueue(tenantId, new MailMessage(to, composed.subject(), composed.text())))
                    .collect()
                    .last()
                    .replaceWith(true);
        });
    }

    private String link(UUID requestId) {
        return staff.consoleLink("requests/" + requestId);
    }

    static StaffMails.About about(DataSubjectRequest r) {
        return new StaffMails.About(r.id, r.receiptNumber, r.type, r.dueOn);
    }
}
