package dev.mamori.retention.service;

import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.retention.LegalHold;
import dev.mamori.retention.repository.ClientContractRepository;
import dev.mamori.retention.repository.DataCategoryRepository;
import dev.mamori.retention.repository.LegalHoldRepository;
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

/**
 * Legal holds: a duty to keep (a lawsuit, an investigation) overrides the duty to erase (APPI Art. 22, and
 * Art. 35 requests), so nothing in a hold's scope is erased until it is released or lapses.
 */
@ApplicationScoped
public class LegalHoldService {

    private final LegalHoldRepository holds;
    private final DataCategoryRepository categories;
    private final ClientContractRepository contracts;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final Idempotency idempotency;
    private final Clock clock;

    public LegalHoldService(
            LegalHoldRepository holds,
            DataCategoryRepository categories,
            ClientContractRepository contracts,
            TenantContext tenant,
            AuditLog audit,
            Idempotency idempotency,
            Clock clock) {
        this.holds = holds;
        this.categories = categories;
        this.contracts = contracts;
        this.tenant = tenant;
        this.audit = audit;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** Places a hold, once per Idempotency-Key. */
    public Uni<Response> place(String idempotencyKey, LegalHoldDraft draft, Function<LegalHold, Response> answer) {
        return idempotency.once(idempotencyKey, "placeLegalHold", draft, () -> place(draft), answer);
    }

    /** Sets a hold; its category and contract must be the caller's own, or nothing is written. */
    @WithTransaction
    public Uni<LegalHold> place(LegalHoldDraft draft) {
        String tenantId = tenant.tenantId();
        OffsetDateTime now = now();
        if (draft.subjectRef() == null && draft.categoryCode() == null && draft.contractRef() == null) {
            throw ProblemException.unprocessable(
                    "hold-scope-missing",
                    "Legal hold without a scope",
                    "subjectRef",
                    "name at least one of subjectRef, categoryCode or contractRef");
        }
        if (draft.until() != null && !draft.until().isAfter(now)) {
            throw ProblemException.unprocessable(
                    "hold-until-past", "Legal hold ends in the past", "until", "until must be in the future");
        }
        Uni<Void> checks = Uni.createFrom().voidItem();
        if (draft.categoryCode() != null) {
            checks = checks.chain(() -> categories
                    .findByCode(tenantId, draft.categoryCode())
                    .invoke(c -> {
                        if (c == null) {
                            throw ProblemException.unprocessable(
                                    "unknown-category",
                                    "Unknown data category",
                                    "categoryCode",
                                    "data category " + draft.categoryCode() + " is not in the ledger");
                        }
                    })
                    .replaceWithVoid());
        }
        if (draft.contractRef() != null) {
            checks = checks.chain(() -> contracts
                    .findByRef(tenantId, draft.contractRef())
                    .invoke(c -> {
                        if (c == null) {
                            throw ProblemException.unprocessable(
                                    "unknown-contract",
                                    "Unknown client contract",
                                    "contractRef",
                                    "client contract " + draft.contractRef() + " is not registered");
                        }
                    })
                    .replaceWithVoid());
        }
        return checks.chain(() -> {
            LegalHold h = new LegalHold();
            h.id = UUID.randomUUID();
            h.tenantId = tenantId;
            h.subjectRef = draft.subjectRef();
            h.categoryCode = draft.categoryCode();
            h.contractRef = draft.contractRef();
            h.reason = draft.reason();
            h.setAt = now;
            h.setBy = tenant.actorSubject();
            h.until = draft.until() == null ? null : draft.until().truncatedTo(ChronoUnit.MICROS);
            return holds.persist(h).call(() -> audit.record("LEGAL_HOLD_SET", "legal-hold", h.id, h.subjectRef));
        });
    }

    /** Releases a hold (below), once per Idempotency-Key; a release without a body is one without a reason. */
    public Uni<Response> release(
            String idempotencyKey, UUID id, LegalHoldRelease release, Function<LegalHold, Response> answer) {
        LegalHoldRelease given = release == null ? new LegalHoldRelease(null) : release;
        return idempotency.once(
                idempotencyKey, "releaseLegalHold:" + id, given, () -> release(id, given.reason()), answer);
    }

    @WithTransaction
    public Uni<LegalHold> release(UUID id, String reason) {
        String tenantId = tenant.tenantId();
        return find(tenantId, id).chain(h -> {
            if (h.releasedAt != null) {
                throw ProblemException.conflict("hold-released", "Legal hold " + id + " was already released");
            }
            h.releasedAt = now();
            h.releasedBy = tenant.actorSubject();
            h.releaseReason = reason;
            return audit.record("LEGAL_HOLD_RELEASED", "legal-hold", h.id, h.subjectRef)
                    .replaceWith(h);
        });
    }

    @WithSession
    public Uni<LegalHold> get(UUID id) {
        return find(tenant.tenantId(), id);
    }

    @WithSession
    public Uni<List<LegalHold>> list(boolean activeOnly, int offset, int limit) {
        return holds.listForTenant(tenant.tenantId(), activeOnly, offset, limit);
    }

    private Uni<LegalHold> find(String tenantId, UUID id) {
        return holds.findForTenant(tenantId, id).map(h -> {
            if (h == null) {
                throw ProblemException.notFound("Legal hold", id);
            }
            return h;
        });
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
