package dev.mamori.retention.service;

import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.retention.ErasureRequest;
import dev.mamori.retention.ErasureRequestStatus;
import dev.mamori.retention.repository.ErasureRequestRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
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

/** What has been asked of owning systems, what is pending or failed, retries and late confirmations. */
@ApplicationScoped
public class ErasureRequestService {

    private final ErasureRequestRepository requests;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final Idempotency idempotency;
    private final Clock clock;

    public ErasureRequestService(
            ErasureRequestRepository requests,
            TenantContext tenant,
            AuditLog audit,
            Idempotency idempotency,
            Clock clock) {
        this.requests = requests;
        this.tenant = tenant;
        this.audit = audit;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @WithSession
    public Uni<List<ErasureRequest>> list(ErasureRequestStatus status, String requestRef, int offset, int limit) {
        return requests.listForTenant(tenant.tenantId(), status, requestRef, offset, limit);
    }

    @WithSession
    public Uni<ErasureRequest> get(UUID id) {
        return find(tenant.tenantId(), id);
    }

    /** Sends a failed erasure request again (below), once per Idempotency-Key. */
    public Uni<Response> retry(String idempotencyKey, UUID id, Function<ErasureRequest, Response> answer) {
        return idempotency.once(idempotencyKey, "retryErasureRequest", id.toString(), () -> retry(id), answer);
    }

    /**
     * Sends a FAILED (or still PENDING) request again from the first attempt, through the outbox's retry. A PENDING
     * request being sent right now is left to that attempt.
     */
    @WithTransaction
    public Uni<ErasureRequest> retry(UUID id) {
        String tenantId = tenant.tenantId();
        // Queued first, then read: the row read is what the outbox wrote.
        return requests.retry(tenantId, id).chain(queued -> find(tenantId, id)).chain(r -> {
            if (r.status == ErasureRequestStatus.CONFIRMED || r.status == ErasureRequestStatus.SENT) {
                throw ProblemException.conflict(
                        "erasure-request-not-retryable",
                        "Erasure request " + id + " is " + r.status
                                + "; only PENDING or FAILED requests are sent again");
            }
            return audit.record("ERASURE_REQUEST_RETRIED", "erasure-request", id, null)
                    .replaceWith(r);
        });
    }

    /** Records an owning system's confirmation (below), once per Idempotency-Key. */
    public Uni<Response> confirm(
            String idempotencyKey, ErasureConfirmationDraft draft, Function<ErasureRequest, Response> answer) {
        return idempotency.once(idempotencyKey, "confirmErasure", draft, () -> confirm(draft), answer);
    }

    /** The system's confirmation, after it answered 202 to the signed call. Confirming twice changes nothing. */
    @WithTransaction
    public Uni<ErasureRequest> confirm(ErasureConfirmationDraft draft) {
        return find(tenant.tenantId(), draft.erasureRequestId()).chain(r -> {
            if (r.status == ErasureRequestStatus.CONFIRMED) {
                return Uni.createFrom().item(r);
            }
            r.status = ErasureRequestStatus.CONFIRMED;
            r.confirmedAt = now();
            r.confirmedBy = r.systemCode + " (" + tenant.actorSubject() + ")";
            r.erasedCount = draft.erased();
            r.lastError = null;
            r.leaseUntil = null;
            r.leasedBy = null;
            return audit.record("ERASURE_CONFIRMED", "erasure-request", r.id, null)
                    .replaceWith(r);
        });
    }

    private Uni<ErasureRequest> find(String tenantId, UUID id) {
        return requests.findForTenant(tenantId, id).map(r -> {
            if (r == null) {
                throw ProblemException.notFound("Erasure request", id);
            }
            return r;
        });
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
