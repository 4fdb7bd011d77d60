package dev.mamori.retention.service;

import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.retention.DataCategory;
import dev.mamori.retention.RetentionBasis;
import dev.mamori.retention.repository.DataCategoryRepository;
import dev.mamori.retention.repository.HoldingRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** The personal-information ledger (個人情報管理台帳, JIS Q 15001) of the calling tenant. */
@ApplicationScoped
public class DataCategoryService {

    private final DataCategoryRepository categories;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final RetentionPolicy policy;
    private final HoldingRepository holdings;
    private final Idempotency idempotency;
    private final Clock clock;

    public DataCategoryService(
            DataCategoryRepository categories,
            TenantContext tenant,
            AuditLog audit,
            RetentionPolicy policy,
            HoldingRepository holdings,
            Idempotency idempotency,
            Clock clock) {
        this.holdings = holdings;
        this.categories = categories;
        this.tenant = tenant;
        this.audit = audit;
        this.policy = policy;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** Adds a category to the ledger, once per Idempotency-Key. */
    public Uni<Response> create(
            String idempotencyKey, DataCategoryDraft draft, Function<DataCategory, Response> answer) {
        return idempotency.once(idempotencyKey, "createDataCategory", draft, () -> create(draft), answer);
    }

    @WithTransaction
    public Uni<DataCategory> create(DataCategoryDraft draft) {
        String tenantId = tenant.tenantId();
        LocalDate today = LocalDate.now(clock.withZone(policy.zone()));
        checkRules(draft, today);
        return categories.findByCode(tenantId, draft.code()).chain(existing -> {
            if (existing != null) {
                throw ProblemException.conflict(
                        "data-category-exists", "Data category " + draft.code() + " is already in the ledger");
            }
            DataCategory c = new DataCategory();
            c.id = UUID.randomUUID();
            c.tenantId = tenantId;
            c.code = draft.code();
            c.nameJa = draft.nameJa();
            c.nameEn = draft.nameEn();
            c.items = List.copyOf(draft.items());
            c.purposeCodes = List.copyOf(draft.purposeCodes());
            c.storageLocation = draft.storageLocation();
            c.storageMethod = draft.storageMethod();
            c.accessibleBy = List.copyOf(draft.accessibleBy());
            c.sensitive = draft.sensitive();
            c.acquisitionForm = draft.acquisitionForm();
            c.thirdPartyProvision = draft.thirdPartyProvisionOrFalse();
            c.jointUse = draft.jointUseOrFalse();
            c.entrustment = draft.entrustmentOrFalse();
            c.retentionBasis = draft.retentionBasisOrDefault();
            c.retentionDays = draft.retentionDaysOrDefault();
            // Entering a category is itself a review of it by the privacy officer.
            c.lastReviewedAt = draft.lastReviewedAt() == null ? today : draft.lastReviewedAt();
            c.createdAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
            c.createdBy = tenant.actorSubject();
            return categories
                    .persist(c)
                    .call(() -> audit.record("DATA_CATEGORY_CREATED", "data-category", c.code, null));
        });
    }

    /** A category's retention rule changed: the entry as it now reads and how many holdings changed date. */
    public record RetentionChanged(DataCategory category, int recomputed) {}

    /** Changes the retention rule (below), once per Idempotency-Key, and answers the entry as it now reads. */
    public Uni<Response> changeRetention(
            String idempotencyKey, String code, RetentionRuleDraft draft, Function<RetentionChanged, Response> answer) {
        return idempotency.once(
                idempotencyKey,
                "changeRetentionRule:" + code,
                draft,
                () -> changeRetention(code, draft).chain(n -> get(code).map(c -> new RetentionChanged(c, n))),
                answer);
    }

    /**
     * Changes a category's retention rule (the yearly review may shorten or lengthen it) and recomputes the date of
     * every holding of the category in one statement (APPI Art. 22). Answers how many holdings changed date.
     */
    @WithTransaction
    public Uni<Integer> changeRetention(String code, RetentionRuleDraft draft) {
        String tenantId = tenant.tenantId();
        if (draft.retentionBasis() == RetentionBasis.COLLECTION && draft.retentionDays() < 1) {
            throw ProblemException.unprocessable(
                    "retention-too-short",
                    "Retention period too short",
                    "retentionDays",
                    "a period counted from collection must be at least 1 day");
        }
        return get(code).chain(c -> {
            c.retentionBasis = draft.retentionBasis();
            c.retentionDays = draft.retentionDays();
            c.lastReviewedAt = LocalDate.now(clock.withZone(policy.zone()));
            return categories
                    .flush()
                    .chain(() -> holdings.recomputeForCategory(
                            tenantId, code, draft.retentionBasis().name(), draft.retentionDays(), policy.zone()))
                    .call(() -> audit.record("DATA_CATEGORY_RETENTION_CHANGED", "data-category", code, null));
        });
    }

    @WithSession
    public Uni<List<DataCategory>> list(int offset, int limit) {
        return categories.listForTenant(tenant.tenantId(), offset, limit);
    }

    @WithSession
    public Uni<DataCategory> get(String code) {
        return categories.findByCode(tenant.tenantId(), code).map(found -> {
            if (found == null) {
                throw ProblemException.notFound("Data category", code);
            }
            return found;
        });
    }

    /** The whole ledger, for the yearly review export. */
    @WithSession
    public Uni<List<DataCategory>> ledger() {
        return categories.allForTenant(tenant.tenantId());
    }

    /** Rules a well-formed draft can still break. */
    private static void checkRules(DataCategoryDraft draft, LocalDate today) {
        if (draft.retentionBasisOrDefault() == RetentionBasis.COLLECTION && draft.retentionDaysOrDefault() < 1) {
            throw ProblemException.unprocessable(
                    "retention-too-short",
                    "Retention period too short",
                    "retentionDays",
                    "a period counted from collection must be at least 1 day");
        }
        if (draft.lastReviewedAt() != null && draft.lastReviewedAt().isAfter(today)) {
            throw ProblemException.unprocessable(
                    "review-in-future",
                    "Review date in the future",
                    "lastReviewedAt",
                    "the last review cannot be after today (" + today + ")");
        }
    }
}
