package dev.mamori.incident.service;

import dev.mamori.incident.Incident;
import dev.mamori.incident.Measure;
import dev.mamori.incident.MeasureKind;
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
 * ({@link #holdAffected}); a use stop is recorded here and set in consent-service by its own API.
 */
@ApplicationScoped
public class MeasureService {

    private final IncidentService incidentService;
    private final MeasureRepository measures;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final Clock clock;
    private final RetentionClient retention;

    public MeasureService(
            IncidentService incidentService,
            RetentionClient retention,
            MeasureRepository measures,
            TenantContext tenant,
            AuditLog audit,
            Clock clock) {
        this.incidentService = incidentService;
        this.retention = retention;
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

    public Uni<List<Measure>> list(UUID incidentId) {
        String tenantId = tenant.tenantId();
        return incidentService
                .get(incidentId)
                .chain(f -> io.quarkus.hibernate.reactive.panache.Panache.withSession(
                        () -> measures.ofIncident(tenantId, incidentId)));
    }
}
