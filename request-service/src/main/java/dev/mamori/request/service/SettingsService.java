package dev.mamori.request.service;

import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.request.RequestSettings;
import dev.mamori.request.client.ClientSystemUrls;
import dev.mamori.request.repository.RequestSettingsRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/** The tenant's SLA, fees and callback endpoint, with the configured defaults where the tenant set nothing. */
@ApplicationScoped
public class SettingsService {

    /** The settings in force for a tenant. {@code configured} is false while the defaults apply. */
    public record Effective(
            int businessDaysToDue,
            int nearDueBusinessDays,
            Integer purposeNotificationFeeJpy,
            Integer disclosureFeeJpy,
            String clientCallbackUrl,
            boolean configured,
            OffsetDateTime updatedAt,
            String updatedBy) {}

    private final RequestSettingsRepository settings;
    private final RequestConfig config;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final ClientSystemUrls urls;
    private final Clock clock;

    public SettingsService(
            RequestSettingsRepository settings,
            RequestConfig config,
            TenantContext tenant,
            AuditLog audit,
            ClientSystemUrls urls,
            Clock clock) {
        this.urls = urls;
        this.settings = settings;
        this.config = config;
        this.tenant = tenant;
        this.audit = audit;
        this.clock = clock;
    }

    /** Inside the caller's session. */
    public Uni<Effective> effective(String tenantId) {
        return settings.forTenant(tenantId).map(this::effective);
    }

    @WithSession
    public Uni<Effective> current() {
        return effective(tenant.tenantId());
    }

    public Uni<Effective> update(SettingsDraft draft) {
        String tenantId = tenant.tenantId();
        // The callback URL makes us connect somewhere: checked against the outbound rule before it is stored.
        return urls.require(tenantId, "clientCallbackUrl", draft.clientCallbackUrl())
                .chain(() -> Panache.withTransaction(() -> store(tenantId, draft)));
    }

    private Uni<Effective> store(String tenantId, SettingsDraft draft) {
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        return settings.lockForTenant(tenantId).chain(existing -> {
            RequestSettings s = existing != null ? existing : new RequestSettings();
            s.tenantId = tenantId;
            s.businessDaysToDue = draft.businessDaysToDue();
            s.nearDueBusinessDays = draft.nearDueBusinessDays() != null
                    ? draft.nearDueBusinessDays()
                    : config.defaultNearDueBusinessDays();
            s.purposeNotificationFeeJpy = draft.purposeNotificationFeeJpy();
            s.disclosureFeeJpy = draft.disclosureFeeJpy();
            s.clientCallbackUrl = draft.clientCallbackUrl();
            s.updatedAt = now;
            s.updatedBy = tenant.actorSubject();
            return (existing != null ? Uni.createFrom().item(s) : settings.persist(s))
                    .call(() -> audit.record("REQUEST_SETTINGS_CHANGED", "request-settings", tenantId, null))
                    .map(this::effective);
        });
    }

    private Effective effective(RequestSettings s) {
        if (s == null) {
            return new Effective(
                    config.defaultBusinessDaysToDue(),
                    config.defaultNearDueBusinessDays(),
                    null,
                    null,
                    null,
                    false,
                    null,
                    null);
        }
        return new Effective(
                s.businessDaysToDue,
                s.nearDueBusinessDays,
                s.purposeNotificationFeeJpy,
                s.disclosureFeeJpy,
                s.clientCallbackUrl,
                true,
                s.updatedAt,
                s.updatedBy);
    }
}
