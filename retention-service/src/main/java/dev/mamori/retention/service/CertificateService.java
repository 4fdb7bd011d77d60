package dev.mamori.retention.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.retention.DeletionCertificate;
import dev.mamori.retention.repository.DeletionCertificateRepository;
import dev.mamori.retention.repository.ErasureRepository;
import dev.mamori.retention.repository.ErasureRepository.Evidence;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Deletion certificates (削除証明書) for the client company: the erasure evidence of a period or of one person's
 * request, with a SHA-256 digest over the canonical JSON of the items. The issued certificate (scope, count,
 * digest) is kept, so recomputing the digest from the evidence later shows whether anything it certified was
 * edited (APPI Art. 23; JIS Q 15001 records of deletion and disposal; Art. 25 proof towards the client).
 *
 * <p>The digest covers what never changes once written: every evidence field. The owning system's confirmation
 * arrives later, so it is shown with each item but not covered.
 */
@ApplicationScoped
public class CertificateService {

    /** Fields of each item the digest covers, in this order. */
    public static final List<String> COVERED = List.of(
            "holdingId",
            "subjectRef",
            "categoryCode",
            "owningSystem",
            "locator",
            "collectedAt",
            "deleteAfter",
            "retentionBasis",
            "retentionDays",
            "rule",
            "contractRef",
            "extensionId",
            "cause",
            "requestRef",
            "runId",
            "erasureRequestId",
            "erasedAt",
            "erasedBy");

    private static final ObjectMapper CANONICAL = new ObjectMapper();

    private final DeletionCertificateRepository certificates;
    private final ErasureRepository erasure;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final RetentionPolicy policy;
    private final RetentionConfig config;
    private final Idempotency idempotency;
    private final Clock clock;

    public CertificateService(
            DeletionCertificateRepository certificates,
            ErasureRepository erasure,
            TenantContext tenant,
            AuditLog audit,
            RetentionPolicy policy,
            RetentionConfig config,
            Idempotency idempotency,
            Clock clock) {
        this.certificates = certificates;
        this.erasure = erasure;
        this.tenant = tenant;
        this.audit = audit;
        this.policy = policy;
        this.config = config;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** A certificate and the items it lists now. */
    public record Issued(DeletionCertificate certificate, List<Evidence> items) {}

    /** Whether the evidence still says what the certificate certified. */
    public record Verification(
            UUID certificateId,
            boolean intact,
            int issuedCount,
            int currentCount,
            String issuedDigest,
            String currentDigest,
            String detail) {}

    /**
     * Issues a certificate for a period or for one erasure request, as the draft names, once per Idempotency-Key: a
     * retry answers the same certificate without issuing another.
     */
    public Uni<Response> issue(String idempotencyKey, CertificateDraft draft, Function<Issued, Response> answer) {
        if (draft.requestRef() != null) {
            if (draft.from() != null || draft.to() != null) {
                throw ProblemException.invalidField(
                        "requestRef", "give either a period (from, to) or a requestRef, not both");
            }
        } else if (draft.from() == null) {
            throw ProblemException.invalidField("from", "is required (a date, YYYY-MM-DD), or give a requestRef");
        } else if (draft.to() == null) {
            throw ProblemException.invalidField("to", "is required (a date, YYYY-MM-DD)");
        }
        return idempotency.once(
                idempotencyKey,
                "issueDeletionCertificate",
                draft,
                () -> draft.requestRef() != null
                        ? issueForRequest(draft.requestRef())
                        : issueForPeriod(draft.from(), draft.to()),
                answer);
    }

    /** Issues a certificate for erasures between two dates (Japan time, inclusive), up to now. */
    @WithTransaction
    public Uni<Issued> issueForPeriod(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ProblemException.unprocessable(
                    "period-reversed", "Period ends before it starts", "to", "to " + to + " is before from " + from);
        }
        String tenantId = tenant.tenantId();
        OffsetDateTime now = now();
        OffsetDateTime start = from.atStartOfDay(policy.zone()).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(policy.zone()).toOffsetDateTime();
        OffsetDateTime until = end.isAfter(now) ? now : end;
        OffsetDateTime upTo = until.isBefore(start) ? start : until;
        return erasure.inPeriod(tenantId, start, upTo, config.certificates().maxItems() + 1)
                .chain(items -> issue(tenantId, start, upTo, null, items, "to"));
    }

    /** Issues the certificate of one person's erasure request; runs in the caller's transaction when there is one. */
    @WithTransaction
    public Uni<Issued> issueForRequest(String requestRef) {
        String tenantId = tenant.tenantId();
        return erasure.forRequestRef(tenantId, requestRef, config.certificates().maxItems() + 1)
                .chain(items -> issue(tenantId, null, null, requestRef, items, "requestRef"));
    }

    private Uni<Issued> issue(
            String tenantId,
            OffsetDateTime from,
            OffsetDateTime to,
            String requestRef,
            List<Evidence> items,
            String field) {
        int max = config.certificates().maxItems();
        if (items.size() > max) {
            throw ProblemException.unprocessable(
                    "certificate-too-large",
                    "Too many erasures for one certificate",
                    field,
                    "more than " + max + " erasures; ask for a shorter period");
        }
        DeletionCertificate c = new DeletionCertificate();
        c.id = UUID.randomUUID();
        c.tenantId = tenantId;
        c.periodFrom = from;
        c.periodTo = to;
        c.requestRef = requestRef;
        c.itemCount = items.size();
        c.digest = digest(items);
        c.issuedAt = now();
        c.issuedBy = tenant.actorSubject();
        return certificates
                .persist(c)
                .call(() -> audit.record("DELETION_CERTIFICATE_ISSUED", "deletion-certificate", c.id, null))
                .replaceWith(new Issued(c, items));
    }

    /** An issued certificate with the items as the evidence reads now. */
    @WithTransaction
    public Uni<Issued> get(UUID id) {
        String tenantId = tenant.tenantId();
        return find(tenantId, id)
                .chain(c -> itemsOf(c).map(items -> new Issued(c, items)))
                .call(issued -> audit.record("DELETION_CERTIFICATE_READ", "deletion-certificate", id, null));
    }

    /** The tenant's issued certificates, newest first (what they cover, not their items): reading issues nothing. */
    @WithSession
    public Uni<List<DeletionCertificate>> list(String requestRef, int offset, int limit) {
        return certificates.listForTenant(tenant.tenantId(), requestRef, offset, limit);
    }

    @WithTransaction
    public Uni<Verification> verify(UUID id) {
        String tenantId = tenant.tenantId();
        return find(tenantId, id)
                .chain(c -> itemsOf(c).map(items -> {
                    String current = digest(items);
                    boolean intact = current.equals(c.digest) && items.size() == c.itemCount;
                    return new Verification(
                            id,
                            intact,
                            c.itemCount,
                            items.size(),
                            c.digest,
                            current,
                            intact
                                    ? "the evidence still matches the certificate"
                                    : "the evidence no longer matches the certificate: it was edited, removed or added to after issue");
                }))
                .call(v -> audit.record("DELETION_CERTIFICATE_VERIFIED", "deletion-certificate", id, null));
    }

    private Uni<List<Evidence>> itemsOf(DeletionCertificate c) {
        int limit = config.certificates().maxItems() + 1;
        return c.requestRef != null
                ? erasure.forRequestRef(c.tenantId, c.requestRef, limit)
                : erasure.inPeriod(c.tenantId, c.periodFrom, c.periodTo, limit);
    }

    private Uni<DeletionCertificate> find(String tenantId, UUID id) {
        return certificates.findForTenant(tenantId, id).map(c -> {
            if (c == null) {
                throw ProblemException.notFound("Deletion certificate", id);
            }
            return c;
        });
    }

    /** The covered fields of one item, in canonical order. */
    public static Map<String, Object> covered(Evidence e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("holdingId", e.holdingId());
        m.put("subjectRef", e.subjectRef());
        m.put("categoryCode", e.categoryCode());
        m.put("owningSystem", e.owningSystem());
        m.put("locator", e.locator());
        m.put("collectedAt", e.collectedAt());
        m.put("deleteAfter", e.deleteAfter());
        m.put("retentionBasis", e.retentionBasis());
        m.put("retentionDays", e.retentionDays());
        m.put("rule", e.rule());
        m.put("contractRef", e.contractRef());
        m.put("extensionId", e.extensionId());
        m.put("cause", e.cause());
        m.put("requestRef", e.requestRef());
        m.put("runId", e.runId());
        m.put("erasureRequestId", e.erasureRequestId());
        m.put("erasedAt", e.erasedAt());
        m.put("erasedBy", e.erasedBy());
        return m;
    }

    /** SHA-256 (hex) over the canonical JSON array of the items' covered fields: no spaces, fixed key order. */
    public static String digest(List<Evidence> items) {
        List<Map<String, Object>> canonical = new ArrayList<>(items.size());
        items.forEach(e -> canonical.add(covered(e)));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(CANONICAL.writeValueAsBytes(canonical)));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot digest certificate items", e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
