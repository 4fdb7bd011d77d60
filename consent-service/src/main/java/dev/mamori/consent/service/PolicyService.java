package dev.mamori.consent.service;

import dev.mamori.consent.TenantPolicy;
import dev.mamori.consent.repository.TenantPolicyRepository;
import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.events.ChangeFeed;
import dev.mamori.platform.tenant.TenantContext;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tenant's consent policy: the minor age threshold and the controller details receipts carry. */
@ApplicationScoped
public class PolicyService {

    @Schema(name = "ConsentPolicy")
    public record PolicyDraft(
            @Schema(description = "Below this age a statutory agent must consent (default 16)", example = "16")
            @NotNull
            @Min(0)
            @Max(25)
            Integer guardianAgeThreshold,

            @Schema(example = "株式会社サンプル") @Size(max = 200) String controllerName,
            @Size(max = 500) String controllerAddress,

            @Schema(
                    description = "A corporation's representative, published with its name (APPI Art. 32(1)(i))",
                    example = "代表取締役 山田 太郎")
            @Size(max = 200)
            String controllerRepresentative,

            @Schema(example = "privacy@example.jp") @Size(max = 200)
            String controllerContact,

            @Schema(example = "https://example.jp/privacy") @Size(max = 500)
            String policyUrl) {}

    private final TenantPolicyRepository policies;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final ChangeFeed feed;
    private final DecisionCache cache;
    private final Clock clock;

    public PolicyService(
            TenantPolicyRepository policies,
            TenantContext tenant,
            AuditLog audit,
            ChangeFeed feed,
            DecisionCache cache,
            Clock clock) {
        this.policies = policies;
        this.tenant = tenant;
        this.audit = audit;
        this.feed = feed;
        this.cache = cache;
        this.clock = clock;
    }

    @WithSession
    public Uni<TenantPolicy> current() {
        String tenantId = tenant.tenantId();
        return policies.findById(tenantId).map(p -> p == null ? TenantPolicy.defaults(tenantId) : p);
    }

    /** Sets the policy; once it has committed, this replica drops the tenant's cached decisions (the age threshold). */
    public Uni<TenantPolicy> update(PolicyDraft draft) {
        return Panache.withTransaction(() -> write(draft)).invoke(p -> cache.committed(p.tenantId, null));
    }

    private Uni<TenantPolicy> write(PolicyDraft draft) {
        String tenantId = tenant.tenantId();
        return policies.findById(tenantId).chain(existing -> {
            TenantPolicy policy = existing == null ? TenantPolicy.defaults(tenantId) : existing;
            policy.guardianAgeThreshold = draft.guardianAgeThreshold();
            policy.controllerName = draft.controllerName();
            policy.controllerAddress = draft.controllerAddress();
            policy.controllerRepresentative = draft.controllerRepresentative();
            policy.controllerContact = draft.controllerContact();
            policy.policyUrl = draft.policyUrl();
            policy.updatedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
            policy.updatedBy = tenant.actorSubject();
            Uni<TenantPolicy> saved = existing == null
                    ? policies.persist(policy)
                    : Uni.createFrom().item(policy);
            return saved.call(() -> feed.publish(DecisionCache.PURPOSE_CHANNEL, DecisionCache.tenantNotice(tenantId)))
                    .call(() -> audit.record("CONSENT_POLICY_CHANGED", "policy", tenantId, null));
        });
    }
}
