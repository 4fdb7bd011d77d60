package dev.mamori.retention.service;

import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.retention.repository.ErasureRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.function.Function;

/**
 * Erases a person's holdings on an approved request (APPI Art. 35; request-service decides, this service carries
 * it out): everything not under a legal hold, whatever its date, through the same statement and evidence as the
 * purge, in one transaction with the request's deletion certificate.
 */
@ApplicationScoped
public class SubjectErasureService {

    private static final int BATCH = 5000;

    private final ErasureRepository erasure;
    private final CertificateService certificates;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final Idempotency idempotency;

    public SubjectErasureService(
            ErasureRepository erasure,
            CertificateService certificates,
            TenantContext tenant,
            AuditLog audit,
            Idempotency idempotency) {
        this.erasure = erasure;
        this.certificates = certificates;
        this.tenant = tenant;
        this.audit = audit;
        this.idempotency = idempotency;
    }

    public record Result(
            String subjectRef,
            String requestRef,
            int erased,
            long held,
            UUID certificateId,
            int certifiedCount,
            String digest) {}

    /** Erases a person's holdings (below), once per Idempotency-Key. */
    public Uni<Response> erase(
            String idempotencyKey, String subjectRef, SubjectErasureDraft draft, Function<Result, Response> answer) {
        return idempotency.once(
                idempotencyKey, "eraseSubject:" + subjectRef, draft, () -> erase(subjectRef, draft), answer);
    }

    @WithTransaction
    public Uni<Result> erase(String subjectRef, SubjectErasureDraft draft) {
        String tenantId = tenant.tenantId();
        String actor = tenant.actorSubject();
        return eraseAll(tenantId, subjectRef, draft.requestRef(), actor, 0)
                .chain(erased -> erasure.countHeldForSubject(tenantId, subjectRef)
                        .call(held -> audit.record("SUBJECT_ERASED", "erasure-request", draft.requestRef(), subjectRef))
                        .chain(held -> certificates
                                .issueForRequest(draft.requestRef())
                                .map(issued -> new Result(
                                        subjectRef,
                                        draft.requestRef(),
                                        erased,
                                        held,
                                        issued.certificate().id,
                                        issued.certificate().itemCount,
                                        issued.certificate().digest))));
    }

    private Uni<Integer> eraseAll(String tenantId, String subjectRef, String requestRef, String actor, int soFar) {
        return erasure.eraseSubject(tenantId, subjectRef, requestRef, BATCH, actor)
                .chain(n -> n < BATCH
                        ? Uni.createFrom().item(soFar + n)
                        : eraseAll(tenantId, subjectRef, requestRef, actor, soFar + n));
    }
}
