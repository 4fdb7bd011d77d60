package dev.mamori.request.service;

import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.platform.time.JapanTime;
import dev.mamori.request.DataSubjectRequest;
import dev.mamori.request.RequestEventKind;
import dev.mamori.request.RequestStatus;
import dev.mamori.request.repository.DataSubjectRequestRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * A request's clock: pause while the requester owes something, resume (the due date moves by the business days
 * spent waiting), explicit extension with a notice, and the list of requests near or past their due date.
 */
@ApplicationScoped
public class DeadlineService {

    /** An extension: the request as it is now and the notice to send the person. */
    public record Extended(RequestDetails details, Notices.Notice notice) {}

    /** An open request on the due list. */
    public record Due(DataSubjectRequest request, int businessDaysLeft, boolean overdue) {}

    private final DataSubjectRequestRepository requests;
    private final RequestJournal journal;
    private final RequestService requestService;
    private final SettingsService settings;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final Clock clock;
    private final StaffNotices staffNotices;
    private final PersonNotices notices;

    public DeadlineService(
            DataSubjectRequestRepository requests,
            RequestJournal journal,
            RequestService requestService,
            SettingsService settings,
            TenantContext tenant,
            AuditLog audit,
            Clock clock,
            StaffNotices staffNotices,
            PersonNotices notices) {
        this.requests = requests;
        this.journal = journal;
        this.requestService = requestService;
        this.settings = settings;
        this.tenant = tenant;
        this.audit = audit;
        this.clock = clock;
        this.staffNotices = staffNotices;
        this.notices = notices;
    }

    @WithTransaction
    public Uni<RequestDetails> pause(UUID id, Pause pause) {
        OffsetDateTime now = now();
        return open(id).chain(r -> {
            if (r.status != RequestStatus.IDENTITY_UNVERIFIED && r.status != RequestStatus.PENDING_DECISION) {
                throw ProblemException.conflict(
                        "cannot-pause",
                        "Request " + id + " is " + r.status + "; only a "
                                + "request before its decision can wait for the requester");
            }
            r.pausedFrom = r.status;
            r.pausedAt = now;
            r.status = RequestStatus.AWAITING_REQUESTER;
            return journal.append(r, RequestEventKind.PAUSED, pause.reason(), Actor.of(tenant), now)
                    .call(() -> audit.record("REQUEST_PAUSED", RequestService.RESOURCE, r.id, r.subjectRef))
                    .map(e -> requestService.details(r, PersonalDataView.forReader(tenant)));
        });
    }

    @WithTransaction
    public Uni<RequestDetails> resume(UUID id) {
        OffsetDateTime now = now();
        return open(id).chain(r -> {
            if (r.status != RequestStatus.AWAITING_REQUESTER) {
                throw ProblemException.conflict(
                        "not-paused", "Request " + id + " is " + r.status + ", not waiting for the requester");
            }
            int waited = JapaneseBusinessCalendar.INSTANCE.businessDaysBetween(
                    Deadlines.arrivalDay(r.pausedAt), Deadlines.arrivalDay(now));
            r.dueOn = JapaneseBusinessCalendar.INSTANCE.plusBusinessDays(r.dueOn, waited);
            r.pausedBusinessDays += waited;
            r.status = r.pausedFrom;
            r.pausedFrom = null;
            r.pausedAt = null;
            return journal.append(
                            r,
                            RequestEventKind.RESUMED,
                            "waited " + waited + " business day(s); due on " + r.dueOn,
                            Actor.of(tenant),
                            now)
                    .call(() -> audit.record("REQUEST_RESUMED", RequestService.RESOURCE, r.id, r.subjectRef))
                    // Back to awaiting a decision (if it was paused before one): the staff hear of it once that day.
                    .call(() -> staffNotices.awaitingDecision(r, now))
                    .map(e -> requestService.details(r, PersonalDataView.forReader(tenant)));
        });
    }

    @WithTransaction
    public Uni<Extended> extend(UUID id, Extension extension) {
        OffsetDateTime now = now();
        return open(id).chain(r -> {
            LocalDate before = r.dueOn;
            r.dueOn = JapaneseBusinessCalendar.INSTANCE.plusBusinessDays(r.dueOn, extension.additionalBusinessDays());
            r.extendedAt = now;
            r.extensionReason = extension.reason();
            Notices.Notice notice = Notices.extension(r, extension.reason());
            return journal.append(
                            r,
                            RequestEventKind.DUE_DATE_EXTENDED,
                            "due " + before + " → " + r.dueOn + ": " + extension.reason(),
                            Actor.of(tenant),
                            now)
                    .call(() -> audit.record("REQUEST_EXTENDED", RequestService.RESOURCE, r.id, r.subjectRef))
                    .call(() -> notices.extended(r))
                    .map(e -> new Extended(requestService.details(r, PersonalDataView.forReader(tenant)), notice));
        });
    }

    /** Open requests due within {@code withinBusinessDays} (tenant default when null) or overdue, most urgent first. */
    @WithTransaction
    public Uni<List<Due>> due(Integer withinBusinessDays, int offset, int limit) {
        String tenantId = tenant.tenantId();
        LocalDate today = JapanTime.today(clock);
        return settings.effective(tenantId).chain(sla -> {
            int window = withinBusinessDays != null ? withinBusinessDays : sla.nearDueBusinessDays();
            LocalDate until = JapaneseBusinessCalendar.INSTANCE.plusBusinessDays(today, window);
            return requests.openDueBy(tenantId, until, offset, limit)
                    .call(found -> audit.recordAll(
                            tenantId,
                            found.stream()
                                    .map(r ->
                                            audit.entry("REQUEST_LISTED", RequestService.RESOURCE, r.id, r.subjectRef))
                                    .toList()))
                    .map(found -> found.stream()
                            .map(r -> new Due(
                                    r,
                                    Deadlines.businessDaysLeft(r.dueOn, today),
                                    Deadlines.overdue(r.dueOn, false, today)))
                            .toList());
        });
    }

    private Uni<DataSubjectRequest> open(UUID id) {
        return requests.lockForTenant(tenant.tenantId(), id).map(r -> {
            if (r == null) {
                throw ProblemException.notFound("Request", id);
            }
            if (r.status.isTerminal()) {
                throw ProblemException.conflict("request-closed", "Request " + id + " is already " + r.status);
            }
            return r;
        });
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
