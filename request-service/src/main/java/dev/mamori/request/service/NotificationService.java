package dev.mamori.request.service;

import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.platform.validation.NotFutureValidator;
import dev.mamori.request.DataSubjectRequest;
import dev.mamori.request.RequestEventKind;
import dev.mamori.request.RequestStatus;
import dev.mamori.request.repository.DataSubjectRequestRepository;
import dev.mamori.request.repository.RequestResultRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Records that the result notice was sent to the person. The Act wants the result notified without delay (Arts.
 * 32(3), 33(3), 34(3), 35(7)); the request keeps the date it was, so the handling record can prove it. The
 * notice is sent outside the suite (post, email, an electronic delivery service), so an operator records it here.
 */
@ApplicationScoped
public class NotificationService {

    private final DataSubjectRequestRepository requests;
    private final RequestResultRepository results;
    private final RequestJournal journal;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final RequestService requestService;
    private final Clock clock;

    public NotificationService(
            DataSubjectRequestRepository requests,
            RequestResultRepository results,
            RequestJournal journal,
            TenantContext tenant,
            AuditLog audit,
            RequestService requestService,
            Clock clock) {
        this.requests = requests;
        this.results = results;
        this.journal = journal;
        this.tenant = tenant;
        this.audit = audit;
        this.requestService = requestService;
        this.clock = clock;
    }

    /** Records the sending (below) and answers the request as it now reads. */
    public Uni<RequestDetails> recordAndRead(UUID id, ResultNotification notification) {
        return record(id, notification).chain(() -> requestService.get(id));
    }

    /**
     * Records the sending once. Recording the same sending again (same method, same time or none given) answers as
     * the first time and changes nothing, so a client retrying after a lost answer is safe; a different one is
     * refused, since the record of what the person was sent must not be rewritten.
     */
    @WithTransaction
    public Uni<DataSubjectRequest> record(UUID id, ResultNotification notification) {
        String tenantId = tenant.tenantId();
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        return requests.lockForTenant(tenantId, id).chain(r -> {
            if (r == null) {
                throw ProblemException.notFound("Request", id);
            }
            if (r.status != RequestStatus.COMPLETED && r.status != RequestStatus.REFUSED) {
                throw ProblemException.conflict(
                        "result-not-ready",
                        "Request " + id + " is " + r.status
                                + "; its result notice exists once it is COMPLETED or REFUSED");
            }
            OffsetDateTime sentAt =
                    notification.sentAt() == null ? null : notification.sentAt().truncatedTo(ChronoUnit.MICROS);
            if (r.notifiedAt != null) {
                boolean same = r.notifiedVia == notification.via() && (sentAt == null || sentAt.isEqual(r.notifiedAt));
                if (!same) {
                    throw ProblemException.conflict(
                            "already-notified",
                            "The result notice of request " + id
                                    + " was recorded as sent by " + r.notifiedVia + " at " + r.notifiedAt
                                    + " (recorded by "
                                    + r.notifiedBy + ")");
                }
                return Uni.createFrom().item(r);
            }
            return results.forTenant(tenantId, id).chain(result -> {
                if (result == null) {
                    throw ProblemException.conflict("result-not-ready", "Request " + id + " has no result notice");
                }
                OffsetDateTime at = sentAt == null ? now : sentAt;
                if (at.isAfter(now.plus(NotFutureValidator.CLOCK_SKEW))) {
                    throw ProblemException.unprocessable(
                            "sent-at-out-of-range", "Sending time out of range", "sentAt", "must not be in the future");
                }
                if (at.isBefore(result.createdAt)) {
                    throw ProblemException.unprocessable(
                            "sent-at-out-of-range",
                            "Sending time out of range",
                            "sentAt",
                            "must not be before the result existed (" + result.createdAt + ")");
                }
                r.notifiedAt = at;
                r.notifiedVia = notification.via();
                r.notifiedBy = tenant.actorSubject();
                return journal.append(
                                r,
                                RequestEventKind.RESULT_NOTIFIED,
                                "result notice sent by " + notification.via() + " at " + at,
                                Actor.of(tenant),
                                now)
                        .call(() ->
                                audit.record("REQUEST_RESULT_NOTIFIED", RequestService.RESOURCE, r.id, r.subjectRef))
                        .replaceWith(r);
            });
        });
    }
}
