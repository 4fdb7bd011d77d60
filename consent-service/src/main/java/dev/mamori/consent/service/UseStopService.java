package dev.mamori.consent.service;

import dev.mamori.consent.UseStop;
import dev.mamori.consent.repository.PurposeRepository;
import dev.mamori.consent.repository.UseStopRepository;
import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.events.ChangeFeed;
import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.tenant.TenantContext;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Cessation of use after a decided request (APPI Art. 35). request-service calls this with a service token once
 * the client company approved a USE_STOP; from the moment it commits, every replica's decisions say USE_STOPPED.
 */
@ApplicationScoped
public class UseStopService {

    private final UseStopRepository stops;
    private final PurposeRepository purposes;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final ChangeFeed feed;
    private final Idempotency idempotency;
    private final DecisionCache cache;
    private final Clock clock;

    public UseStopService(
            UseStopRepository stops,
            PurposeRepository purposes,
            TenantContext tenant,
            AuditLog audit,
            ChangeFeed feed,
            Idempotency idempotency,
            DecisionCache cache,
            Clock clock) {
        this.stops = stops;
        this.purposes = purposes;
        this.tenant = tenant;
        this.audit = audit;
        this.feed = feed;
        this.idempotency = idempotency;
        this.cache = cache;
        this.clock = clock;
    }

    /**
     * Stops the use of a person's data, once per Idempotency-Key. Once it has committed, this replica forgets what it
     * cached about the person, so its decisions say USE_STOPPED from the moment this returns.
     */
    public Uni<Response> stop(
            String idempotencyKey, String subjectRef, UseStopDraft draft, Function<List<UseStop>, Response> answer) {
        return idempotency.once(
                idempotencyKey,
                "stopUse:" + subjectRef,
                draft,
                () -> stop(subjectRef, draft),
                answer,
                created -> cache.committed(tenant.tenantId(), subjectRef));
    }

    private Uni<List<UseStop>> stop(String subjectRef, UseStopDraft draft) {
        String tenantId = tenant.tenantId();
        if (draft.ground() == UseStopDraft.Ground.ERASURE
                && draft.purposes() != null
                && !draft.purposes().isEmpty()) {
            // An erased person's data is gone for every purpose: a stop on erasure cannot be partial.
            throw ProblemException.unprocessable(
                    "erasure-stops-every-purpose",
                    "An erasure stops every purpose",
                    "purposes",
                    "must be empty when the ground is ERASURE: erasure stops every purpose");
        }
        // The empty code stands for "every purpose" (stored as null).
        List<String> codes = draft.purposes() == null || draft.purposes().isEmpty()
                ? List.of("")
                : draft.purposes().stream().distinct().toList();
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        List<UseStop> created = new ArrayList<>();
        return Multi.createFrom()
                .iterable(codes)
                .onItem()
                .transformToUniAndConcatenate(code -> {
                    Uni<Void> check = code.isEmpty()
                            ? Uni.createFrom().voidItem()
                            : purposes.findByCode(tenantId, code)
                                    .invoke(p -> {
                                        if (p == null) {
                                            throw ProblemException.unprocessable(
                                                    "unknown-purpose",
                                                    "Unknown purpose",
                                                    "purposes",
                                                    "the tenant has no purpose " + code);
                                        }
                                    })
                                    .replaceWithVoid();
                    return check.chain(() -> {
                        UseStop stop = new UseStop();
                        stop.id = UUID.randomUUID();
                        stop.tenantId = tenantId;
                        stop.subjectRef = subjectRef;
                        stop.purposeCode = code.isEmpty() ? null : code;
                        stop.requestRef = draft.requestRef();
                        stop.ground = draft.ground().name();
                        stop.stoppedAt = now;
                        stop.stoppedBy = tenant.actorSubject();
                        created.add(stop);
                        return stops.persist(stop);
                    });
                })
                .collect()
                .last()
                .call(() ->
                        feed.publish(DecisionCache.CONSENT_CHANNEL, DecisionCache.consentNotice(tenantId, subjectRef)))
                .call(() -> audit.record("USE_STOPPED", "subject", subjectRef, subjectRef))
                .replaceWith(created);
    }

    /**
     * Lifts a stop, e.g. when the person asks to resume. The stop stays on record with who lifted it and why. Once it
     * has committed, this replica forgets what it cached about the person.
     */
    public Uni<UseStop> lift(UUID id, String reason) {
        return Panache.withTransaction(() -> liftStop(id, reason))
                .invoke(stop -> cache.committed(stop.tenantId, stop.subjectRef));
    }

    private Uni<UseStop> liftStop(UUID id, String reason) {
        String tenantId = tenant.tenantId();
        return stops.lockForTenant(tenantId, id).chain(stop -> {
            if (stop == null) {
                throw ProblemException.notFound("Use stop", id);
            }
            if (stop.liftedAt != null) {
                throw ProblemException.conflict("already-lifted", "Use stop " + id + " was lifted at " + stop.liftedAt);
            }
            stop.liftedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
            stop.liftedBy = tenant.actorSubject();
            stop.liftReason = reason;
            return feed.publish(DecisionCache.CONSENT_CHANNEL, DecisionCache.consentNotice(tenantId, stop.subjectRef))
                    .call(() -> audit.record("USE_STOP_LIFTED", "use-stop", id, stop.subjectRef))
                    .replaceWith(stop);
        });
    }
}
