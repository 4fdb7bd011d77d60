package dev.mamori.retention.service;

import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.net.OutboundUrls;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.retention.OwningSystem;
import dev.mamori.retention.repository.OwningSystemRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** The tenant's owning systems: where erased holdings' data really lives and how to ask for its erasure. */
@ApplicationScoped
public class OwningSystemService {

    private final OwningSystemRepository systems;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final OwningSystemSecrets secrets;
    private final OutboundUrls outbound;
    private final Vertx vertx;
    private final Idempotency idempotency;
    private final Clock clock;

    public OwningSystemService(
            OwningSystemRepository systems,
            TenantContext tenant,
            AuditLog audit,
            OwningSystemSecrets secrets,
            OutboundUrls outbound,
            Vertx vertx,
            Idempotency idempotency,
            Clock clock) {
        this.systems = systems;
        this.tenant = tenant;
        this.audit = audit;
        this.secrets = secrets;
        this.outbound = outbound;
        this.vertx = vertx;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** Registers an owning system, once per Idempotency-Key. */
    public Uni<Response> register(
            String idempotencyKey, OwningSystemDraft draft, Function<OwningSystem, Response> answer) {
        return idempotency.once(idempotencyKey, "registerOwningSystem", draft, () -> register(draft), answer);
    }

    /**
     * Registers a system. Its erasureUrl is a place the suite will connect to on the tenant's behalf, so it must
     * pass the platform's outbound check now (https, and no internal address unless the tenant's allow-list names
     * the host); the deliverer checks it again before every call (APPI Art. 23: security control measures).
     */
    public Uni<OwningSystem> register(OwningSystemDraft draft) {
        String tenantId = tenant.tenantId();
        checkUrl(draft.erasureUrl());
        // The check resolves the host name: not on the event loop.
        return vertx.executeBlocking(() -> outbound.require(tenantId, "erasureUrl", draft.erasureUrl()))
                .chain(checked -> store(tenantId, draft));
    }

    @WithTransaction
    Uni<OwningSystem> store(String tenantId, OwningSystemDraft draft) {
        return systems.findByCode(tenantId, draft.code()).chain(existing -> {
            if (existing != null) {
                throw ProblemException.conflict(
                        "owning-system-exists", "Owning system " + draft.code() + " is already registered");
            }
            OwningSystem s = new OwningSystem();
            s.id = UUID.randomUUID();
            s.tenantId = tenantId;
            s.code = draft.code();
            s.name = draft.name();
            s.erasureUrl = draft.erasureUrl();
            s.secretCipher = secrets.seal(s, draft.secret());
            s.createdAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
            s.createdBy = tenant.actorSubject();
            return systems.persist(s)
                    .call(() -> audit.record("OWNING_SYSTEM_REGISTERED", "owning-system", s.code, null));
        });
    }

    @WithSession
    public Uni<OwningSystem> get(String code) {
        return systems.findByCode(tenant.tenantId(), code).map(s -> {
            if (s == null) {
                throw ProblemException.notFound("Owning system", code);
            }
            return s;
        });
    }

    @WithSession
    public Uni<List<OwningSystem>> list(int offset, int limit) {
        return systems.listForTenant(tenant.tenantId(), offset, limit);
    }

    private static void checkUrl(String url) {
        try {
            URI uri = new URI(url);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    || uri.getHost() == null
                    || uri.getUserInfo() != null
                    || uri.getFragment() != null) {
                throw ProblemException.invalidField(
                        "erasureUrl", "must be an http(s) URL with a host, no user info or fragment");
            }
        } catch (URISyntaxException e) {
            throw ProblemException.invalidField("erasureUrl", "is not a URL");
        }
    }
}
