package dev.mamori.incident.service;

import dev.mamori.incident.Measure;
import dev.mamori.incident.repository.MeasureRepository;
import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.tenant.TenantContext;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * What is done about an incident (containment, holds, use stops, prevention: the report's 再発防止のための措置), with
 * an owner and a due date. A legal hold or a use stop is recorded here; it is set in retention-service or
 * consent-service by their own APIs.
 */
@ApplicationScoped
public class MeasureService {

    private final IncidentService incidentService;
    private final MeasureRepository measures;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final Clock clock;

    public MeasureService(
            IncidentService incidentService,
            MeasureRepository measures,
            TenantContext tenant,
            AuditLog audit,
            Clock clock) {
        this.incidentService = incidentService;
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

    public Uni<List<Measure>> list(UUID incidentId) {
        String tenantId = tenant.tenantId();
        return incidentService
                .get(incidentId)
                .chain(f -> io.quarkus.hibernate.reactive.panache.Panache.withSession(
                        () -> measures.ofIncident(tenantId, incidentId)));
    }
}
