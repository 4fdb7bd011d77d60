package dev.mamori.incident.service;

import dev.mamori.incident.DataOwner;
import dev.mamori.incident.Incident;
import dev.mamori.incident.ReportStage;
import dev.mamori.incident.repository.IncidentReportRepository;
import dev.mamori.incident.repository.IncidentRepository;
import dev.mamori.incident.repository.StaffNoticeRepository;
import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.tenant.TenantContext;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The contractor's notice to its client company and the client's side of it. A contractor that handles a client's
 * data and tells the client of an incident need not report it to the PPC itself (APPI Art. 26(1) proviso; PPC Rule
 * 9): the notice carries what the client needs for its own report (the Rule 8(1) items as known), is timestamped,
 * and the client's privacy officer sees it in its own tenant and acknowledges it, which is the contractor's proof.
 */
@ApplicationScoped
public class ClientNoticeService {

    private final IncidentService incidentService;
    private final IncidentRepository incidents;
    private final IncidentReportRepository reports;
    private final StaffNoticeRepository staffNotices;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final Clock clock;

    public ClientNoticeService(
            IncidentService incidentService,
            IncidentRepository incidents,
            IncidentReportRepository reports,
            StaffNoticeRepository staffNotices,
            TenantContext tenant,
            AuditLog audit,
            Clock clock) {
        this.incidentService = incidentService;
        this.incidents = incidents;
        this.reports = reports;
        this.staffNotices = staffNotices;
        this.tenant = tenant;
        this.audit = audit;
        this.clock = clock;
    }

    /** Sends the notice to the client company (once), with the report's items as the record now reads. */
    @WithTransaction
    public Uni<IncidentFile> notifyClient(UUID id, ClientNoticeDraft draft) {
        String tenantId = tenant.tenantId();
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        return incidentService
                .locked(tenantId, id)
                .chain(i -> incidentService.file(tenantId, i, id))
                .chain(file -> {
                    Incident i = file.incident();
                    if (i.dataOwner != DataOwner.CLIENT) {
                        throw ProblemException.unprocessable(
                                "not-client-data",
                                "Not a client company's data",
                                "dataOwner",
                                "the incident is about the tenant's own data: there is no client to notify (APPI "
                                        + "Art. 26(1) proviso applies to entrusted data only)");
                    }
                    if (i.clientNotifiedAt != null) {
                        throw ProblemException.conflict(
                                "client-already-notified",
                                "The client company was notified at " + i.clientNotifiedAt
                                        + "; the notice on record is not changed");
                    }
                    i.clientNotifiedAt = now;
                    i.clientNotifiedBy = tenant.actorSubject();
                    i.clientNotice = noticeText(file, draft == null ? null : draft.message());
                    i.updatedAt = now;
                    return staffNotices
                            .queue(
                                    i.clientTenantId,
                                    i.id,
                                    "CLIENT_NOTIFIED",
                                    file.preliminaryDueOn(),
                                    "委託先 " + tenantId + " から漏えい等の通知が届きました: " + i.title)
                            .call(() -> audit.record("INCIDENT_CLIENT_NOTIFIED", "incident", i.id, null))
                            .chain(() -> incidentService.file(tenantId, i, id));
                });
    }

    /** The incidents contractors notified to the calling tenant, newest first. */
    @WithSession
    public Uni<List<IncidentFile>> notifiedToMe(int offset, int limit) {
        return incidents.listNotifiedTo(tenant.tenantId(), offset, limit).map(found -> found.stream()
                .map(i -> IncidentFile.of(i, List.of(), List.of()))
                .toList());
    }

    @WithSession
    public Uni<IncidentFile> notifiedToMe(UUID id) {
        return incidents.notifiedTo(tenant.tenantId(), id).map(i -> {
            if (i == null) {
                throw ProblemException.notFound("Incident", id);
            }
            return IncidentFile.of(i, List.of(), List.of());
        });
    }

    /** The client's privacy officer acknowledges the notice (once): the contractor's proof that it arrived. */
    @WithTransaction
    public Uni<IncidentFile> acknowledge(UUID id) {
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        return incidents.lockNotifiedTo(tenant.tenantId(), id).chain(i -> {
            if (i == null) {
                throw ProblemException.notFound("Incident", id);
            }
            if (i.clientAcknowledgedAt != null) {
                throw ProblemException.conflict(
                        "client-already-acknowledged", "The notice was acknowledged at " + i.clientAcknowledgedAt);
            }
            i.clientAcknowledgedAt = now;
            i.clientAcknowledgedBy = tenant.actorSubject();
            i.updatedAt = now;
            // The audit line goes to the contractor's chain too: the acknowledgement is its proof.
            return audit.record("INCIDENT_NOTICE_ACKNOWLEDGED", "incident", i.id, null)
                    .call(() -> audit.recordAll(
                            i.tenantId,
                            List.of(audit.entry(i.tenantId, "INCIDENT_CLIENT_ACKNOWLEDGED", "incident", i.id, null))))
                    .call(() -> staffNotices.queue(
                            i.tenantId, i.id, "CLIENT_ACKNOWLEDGED", null, "委託元が漏えい等の通知を受領しました: " + i.title))
                    .map(x -> IncidentFile.of(i, List.of(), List.of()));
        });
    }

    /** The notice's text: the Rule 8(1) items as known now, for the client's own report, and the message. */
    static String noticeText(IncidentFile file, String message) {
        ReportDraft d = ReportDrafts.draft(file, ReportStage.PRELIMINARY);
        StringBuilder text = new StringBuilder("個人データの漏えい等の事態が発生しましたので、個人情報の保護に関する法律第26条第1項ただし書に基づき通知します。\n");
        for (ReportDraft.Item item : d.items()) {
            text.append("【")
                    .append(item.heading())
                    .append("】")
                    .append(item.text())
                    .append('\n');
        }
        if (message != null && !message.isBlank()) {
            text.append("【連絡事項】").append(message).append('\n');
        }
        return text.toString();
    }
}
