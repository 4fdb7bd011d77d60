package dev.mamori.incident.service;

import dev.mamori.incident.NoticeOutcome;
import dev.mamori.incident.PersonNotice;
import dev.mamori.incident.PersonNoticeKind;
import dev.mamori.incident.repository.PersonNoticeRepository;
import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.tenant.TenantContext;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Notices to the persons affected (APPI Art. 26(2); PPC Rule 10), or a public announcement in their place when
 * notices are not possible, with the reason (Art. 26(2) proviso). Each is recorded as sent and never changed.
 */
@ApplicationScoped
public class PersonNoticeService {

    private final IncidentService incidentService;
    private final PersonNoticeRepository notices;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final Clock clock;

    public PersonNoticeService(
            IncidentService incidentService,
            PersonNoticeRepository notices,
            TenantContext tenant,
            AuditLog audit,
            Clock clock) {
        this.incidentService = incidentService;
        this.notices = notices;
        this.tenant = tenant;
        this.audit = audit;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<PersonNotice> record(UUID incidentId, PersonNoticeDraft d) {
        String tenantId = tenant.tenantId();
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        return incidentService.locked(tenantId, incidentId).chain(i -> {
            if (d.kind() == PersonNoticeKind.PUBLIC_ANNOUNCEMENT
                    && (d.reason() == null || d.reason().isBlank())) {
                throw ProblemException.unprocessable(
                        "announcement-reason-required",
                        "Why an announcement instead of notices",
                        "reason",
                        "a public announcement stands in for notices only when notices are difficult (APPI Art. "
                                + "26(2) proviso): say why");
            }
            if (d.kind() == PersonNoticeKind.NOTICE && d.outcome() == NoticeOutcome.PUBLISHED) {
                throw ProblemException.unprocessable(
                        "notice-outcome",
                        "A notice is not published",
                        "outcome",
                        "use DELIVERED, UNDELIVERABLE or PENDING");
            }
            if (d.sentAt().isAfter(now.plus(IncidentService.CLOCK_SKEW))) {
                throw ProblemException.unprocessable(
                        "notice-in-future", "Notice in the future", "sentAt", "cannot be after now");
            }
            if (d.sentAt().isBefore(i.discoveredAt)) {
                throw ProblemException.unprocessable(
                        "notice-before-discovery",
                        "Notice before discovery",
                        "sentAt",
                        "cannot be before the company knew (" + i.discoveredAt + ")");
            }
            PersonNotice n = new PersonNotice();
            n.id = UUID.randomUUID();
            n.tenantId = tenantId;
            n.incidentId = i.id;
            n.kind = d.kind();
            n.channel = d.channel();
            n.text = d.text();
            n.subjectRefs = d.subjectRefs() == null ? List.of() : List.copyOf(new LinkedHashSet<>(d.subjectRefs()));
            n.persons = Math.max(d.persons(), n.subjectRefs.size());
            n.sentAt = d.sentAt().truncatedTo(ChronoUnit.MICROS);
            n.outcome = d.outcome();
            n.reason = d.reason();
            n.recordedAt = now;
            n.recordedBy = tenant.actorSubject();
            i.updatedAt = now;
            return notices.persist(n)
                    .call(() -> audit.record("INCIDENT_PERSON_NOTICE", "incident", i.id, null))
                    .replaceWith(n);
        });
    }

    /** The notices and the progress they make. */
    public record Notices(List<PersonNotice> notices, PersonProgress progress) {}

    public Uni<Notices> list(UUID incidentId) {
        return incidentService
                .get(incidentId)
                .map(f -> new Notices(f.notices(), PersonProgress.of(f.incident().personsCount, f.notices())));
    }
}
