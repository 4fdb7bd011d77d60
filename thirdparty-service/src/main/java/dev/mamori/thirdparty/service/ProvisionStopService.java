package dev.mamori.thirdparty.service;

import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.thirdparty.ProvisionStop;
import dev.mamori.thirdparty.repository.ProvisionStopRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Stops of third-party provision for a person on an approved request (APPI Arts. 27(2), 35(3)-(5)). */
@ApplicationScoped
public class ProvisionStopService {

    static final String RESOURCE = "provision-stop";

    private final ProvisionStopRepository stops;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final Idempotency idempotency;
    private final Clock clock;

    public ProvisionStopService(
            ProvisionStopRepository stops, TenantContext tenant, AuditLog audit, Idempotency idempotency, Clock clock) {
        this.stops = stops;
        this.tenant = tenant;
        this.audit = audit;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** Stops provision of a person's data, once per Idempotency-Key. */
    public Uni<Response> stop(
            String idempotencyKey,
            String subjectRef,
            ProvisionStopDraft draft,
            Function<ProvisionStop, Response> answer) {
        return idempotency.once(
                idempotencyKey, "stopProvision", List.of(subjectRef, draft), () -> stop(subjectRef, draft), answer);
    }

    @WithTransaction
    public Uni<ProvisionStop> stop(String subjectRef, ProvisionStopDraft draft) {
        String tenantId = tenant.tenantId();
        return stops.inForce(tenantId, List.of(subjectRef)).chain(inForce -> {
            if (!inForce.isEmpty()) {
                throw ProblemException.conflict(
                        "provision-stop-exists",
                        "Provision for this person is already stopped " + "by stop " + inForce.get(0).id
                                + " on request " + inForce.get(0).requestRef);
            }
            ProvisionStop stop = new ProvisionStop();
            stop.id = UUID.randomUUID();
            stop.tenantId = tenantId;
            stop.subjectRef = subjectRef;
            stop.ground = draft.ground();
            stop.requestRef = draft.requestRef().strip();
            stop.stoppedAt = now();
            stop.stoppedBy = tenant.actorSubject();
            return stops.persist(stop).call(() -> audit.record("PROVISION_STOPPED", RESOURCE, stop.id, subjectRef));
        });
    }

    @WithTransaction
    public Uni<ProvisionStop> lift(String subjectRef, UUID id, ProvisionStopDraft.Lift lift) {
        return stops.findInTenant(tenant.tenantId(), subjectRef, id).chain(stop -> {
            if (stop == null) {
                throw ProblemException.notFound("Provision stop", id);
            }
            if (stop.liftedAt != null) {
                throw ProblemException.conflict("provision-stop-lifted", "The stop was lifted on " + stop.liftedAt);
            }
            stop.liftedAt = now();
            stop.liftedBy = tenant.actorSubject();
            stop.liftReason = lift.reason().strip();
            return audit.record("PROVISION_STOP_LIFTED", RESOURCE, stop.id, subjectRef)
                    .replaceWith(stop);
        });
    }

    /** Every stop of the person, newest first; reading them is a read of the person's data. */
    @WithTransaction
    public Uni<List<ProvisionStop>> ofSubject(String subjectRef) {
        return stops.ofSubject(tenant.tenantId(), subjectRef)
                .call(found -> audit.record("PROVISION_STOPS_READ", RESOURCE, null, subjectRef));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
