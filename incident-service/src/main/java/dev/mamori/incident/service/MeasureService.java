package dev.mamori.incident.service;

import dev.mamori.incident.Incident;
import dev.mamori.incident.Measure;
import dev.mamori.incident.MeasureKind;
import dev.mamori.incident.client.ConsentClient;
import dev.mamori.incident.client.RetentionClient;
import dev.mamori.incident.repository.MeasureRepository;
import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.platform.time.JapanTime;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * What is done about an incident (containment, holds, use stops, prevention: the report's 再発防止のための措置), with
 * an owner and a due date. A legal hold on the affected holdings is placed in retention-service from here
 * ({@link #holdAffected}), a use stop for the listed persons in consent-service ({@link #stopUseOfAffected}).
 */
@ApplicationScoped
public class MeasureService {

    private final IncidentService incidentService;
    private final MeasureRepository measures;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final Clock clock;
    private final RetentionClient retention;
    private final ConsentClient consent;

    public MeasureService(
            IncidentService incidentService,
            RetentionClient retention,
            ConsentClient consent,
            MeasureRepository measures,
            TenantContext tenant,
            AuditLog audit,
            Clock clock) {
        this.incidentService = incidentService;
        this.retention = retention;
        this.consent = consent;
        this.measures = measures;
        this.tenant = tenant;
        this.audit = audit;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Measure> add(UUID incidentId, MeasureDraft d) {
        String tenantId = tenant.tenantId();
        return incidentService.locked(tenantId, incidentId).chain(i -> {
            Measure m = new Measure();
            m.id = UUID.randomUUID();
            m.tenantId = tenantId;
            m.incidentId = i.id;
            m.kind = d.kind();
            m.action = d.action();
            m.owner = d.owner();
            m.dueOn = d.dueOn();
            m.recordedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
            m.recordedBy = tenant.actorSubject();
            return measures.persist(m)
                    .call(() -> audit.record("INCIDENT_MEASURE_ADDED", "incident", i.id, null))
                    .replaceWith(m);
        });
    }

    @WithTransaction
    public Uni<Measure> complete(UUID incidentId, UUID measureId) {
        String tenantId = tenant.tenantId();
        return incidentService
                .locked(tenantId, incidentId)
                .chain(i -> measures.findInIncident(tenantId, incidentId, measureId))
                .chain(m -> {
                    if (m == null) {
                        throw ProblemException.notFound("Measure", measureId);
                    }
                    if (m.doneAt != null) {
                        throw ProblemException.conflict("measure-already-done", "The measure was done at " + m.doneAt);
                    }
                    m.doneAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
                    return audit.record("INCIDENT_MEASURE_DONE", "incident", incidentId, null)
                            .replaceWith(m);
                });
    }

    /**
     * Places a legal hold on the holdings of every affected category in retention-service (so that the purge erases
     * none of what the investigation and the report need), then records it as a measure done now. The holds are
     * placed with the caller's token, each once per incident and category (a retry answers the same hold).
     */
    public Uni<Measure> holdAffected(UUID incidentId, RetentionClient.Caller caller) {
        String tenantId = tenant.tenantId();
        return incidentService.get(incidentId).chain(file -> {
            Incident i = file.incident();
            String reason = "漏えい等事案の調査・報告のための保全: " + i.title + " (incident " + i.id + ")";
            return Multi.createFrom()
                    .iterable(i.categories)
                    .onItem()
                    .transformToUniAndConcatenate(c -> retention
                            .hold(caller, "incident-" + i.id + "-" + c.code(), c.code(), reason)
                            .map(h -> c.code() + " " + h.id()))
                    .collect()
                    .asList()
                    .chain(holds -> Panache.withTransaction(
                            () -> incidentService.locked(tenantId, incidentId).chain(locked -> {
                                OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
                                Measure m = new Measure();
                                m.id = UUID.randomUUID();
                                m.tenantId = tenantId;
                                m.incidentId = incidentId;
                                m.kind = MeasureKind.LEGAL_HOLD;
                                m.action = "影響する台帳区分の保有データを法的保全（retention-service legal holds: "
                                        + String.join(", ", holds)
                                        + "）";
                                m.owner = tenant.actorSubject();
                                m.dueOn = JapanTime.today(clock);
                                m.doneAt = now;
                                m.recordedAt = now;
                                m.recordedBy = tenant.actorSubject();
                                return measures.persist(m)
                                        .call(() -> audit.record(
                                                "INCIDENT_LEGAL_HOLD_PLACED", "incident", incidentId, null))
                                        .replaceWith(m);
                            })));
        });
    }

    /**
     * Stops the use of every listed affected person's data for every purpose in consent-service (so that decisions
     * answer USE_STOPPED), then records it as a measure done now. A reportable leak is the ground of APPI Art. 35(5);
     * otherwise the business stops voluntarily. Persons known only by a number cannot be stopped: 409. Each stop is
     * set with the caller's token, once per incident and person (a retry answers the same stop).
     */
    public Uni<Measure> stopUseOfAffected(UUID incidentId, RetentionClient.Caller caller) {
        String tenantId = tenant.tenantId();
        return incidentService.get(incidentId).chain(file -> {
            Incident i = file.incident();
            if (i.subjectRefs == null || i.subjectRefs.isEmpty()) {
                throw ProblemException.conflict(
                        "persons-not-listed",
                        "The incident counts its persons but does not list them by subject reference; "
                                + "list them (persons.subjectRefs) to stop the use of their data");
            }
            String ground = file.triage().reportable() ? "ART_35_5_LEAK" : "VOLUNTARY";
            String requestRef = "incident-" + i.id;
            return Multi.createFrom()
                    .iterable(i.subjectRefs)
                    .onItem()
                    .transformToUniAndConcatenate(
                            ref -> consent.stopAll(caller, requestRef + "-use-stop-" + ref, ref, requestRef, ground)
                                    .replaceWith(ref))
                    .collect()
                    .asList()
                    .chain(stopped -> Panache.withTransaction(
                            () -> incidentService.locked(tenantId, incidentId).chain(locked -> {
                                OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
                                Measure m = new Measure();
                                m.id = UUID.randomUUID();
                                m.tenantId = tenantId;
                                m.incidentId = incidentId;
                                m.kind = MeasureKind.USE_STOP;
                                m.action = "影響を受けた本人" + stopped.size() + "名の個人データの利用を全目的で停止（consent-service use stops, "
                                        + ground + ": " + String.join(", ", stopped) + "）";
                                m.owner = tenant.actorSubject();
                                m.dueOn = JapanTime.today(clock);
                                m.doneAt = now;
                                m.recordedAt = now;
                                m.recordedBy = tenant.actorSubject();
                                return measures.persist(m)
                                        .call(() -> audit.record("INCIDENT_USE_STOPPED", "incident", incidentId, null))
                                        .replaceWith(m);
                            })));
        });
    }

    public Uni<List<Measure>> list(UUID incidentId) {
        String tenantId = tenant.tenantId();
        return incidentService
                .get(incidentId)
                .chain(f -> io.quarkus.hibernate.reactive.panache.Panache.withSession(
                        () -> measures.ofIncident(tenantId, incidentId)));
    }
}
