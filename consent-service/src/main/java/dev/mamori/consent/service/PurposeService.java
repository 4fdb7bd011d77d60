package dev.mamori.consent.service;

import dev.mamori.consent.ChangeType;
import dev.mamori.consent.Purpose;
import dev.mamori.consent.PurposeVersion;
import dev.mamori.consent.repository.PurposeRepository;
import dev.mamori.consent.repository.PurposeVersionRepository;
import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.events.ChangeFeed;
import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.tenant.TenantContext;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Publishing purposes of use and their versions (APPI Arts. 17, 21). */
@ApplicationScoped
public class PurposeService {

    /** A purpose with the version in force (or, for a detail view, every version, newest last). */
    public record PublishedPurpose(Purpose purpose, PurposeVersion current, List<PurposeVersion> versions) {}

    private final PurposeRepository purposes;
    private final PurposeVersionRepository versions;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final ChangeFeed feed;
    private final Idempotency idempotency;
    private final DecisionCache cache;
    private final Clock clock;

    public PurposeService(
            PurposeRepository purposes,
            PurposeVersionRepository versions,
            TenantContext tenant,
            AuditLog audit,
            ChangeFeed feed,
            Idempotency idempotency,
            DecisionCache cache,
            Clock clock) {
        this.purposes = purposes;
        this.feed = feed;
        this.versions = versions;
        this.tenant = tenant;
        this.audit = audit;
        this.idempotency = idempotency;
        this.cache = cache;
        this.clock = clock;
    }

    /** Publishes a new purpose, once per Idempotency-Key; then this replica drops the tenant's cached decisions. */
    public Uni<Response> create(
            String idempotencyKey, PurposeDraft draft, Function<PublishedPurpose, Response> answer) {
        return idempotency.once(
                idempotencyKey,
                "createPurpose",
                draft,
                () -> create(draft),
                answer,
                created -> cache.committed(tenant.tenantId(), null));
    }

    /** Publishes the next version (see below), once per Idempotency-Key; then the tenant's cached decisions go. */
    public Uni<Response> publishVersion(
            String idempotencyKey, String code, PurposeDraft draft, Function<PublishedPurpose, Response> answer) {
        return idempotency.once(
                idempotencyKey,
                "publishPurposeVersion:" + code,
                draft,
                () -> publishVersion(code, draft),
                answer,
                published -> cache.committed(tenant.tenantId(), null));
    }

    private Uni<PublishedPurpose> create(PurposeDraft draft) {
        String tenantId = tenant.tenantId();
        if (draft.code() == null) {
            throw ProblemException.invalidField("code", "must not be blank");
        }
        if (draft.changeType() != null && draft.changeType() != ChangeType.INITIAL) {
            throw ProblemException.unprocessable(
                    "change-type-on-new-purpose",
                    "A new purpose has no change type",
                    "changeType",
                    "a new purpose starts at version 1; publish changes as new versions");
        }
        checkScope(draft);
        return purposes.findByCode(tenantId, draft.code()).chain(existing -> {
            if (existing != null) {
                throw ProblemException.conflict(
                        "purpose-exists", "Purpose " + draft.code() + " already exists; publish a new version instead");
            }
            OffsetDateTime now = now();
            Purpose purpose = new Purpose();
            purpose.id = UUID.randomUUID();
            purpose.tenantId = tenantId;
            purpose.code = draft.code();
            purpose.currentVersion = 1;
            purpose.createdAt = now;
            PurposeVersion first = version(purpose, 1, ChangeType.INITIAL, draft, now);
            return purposes.persist(purpose)
                    .chain(() -> versions.persist(first))
                    .call(() -> feed.publish(DecisionCache.PURPOSE_CHANNEL, DecisionCache.tenantNotice(tenantId)))
                    .call(() -> audit.record("PURPOSE_PUBLISHED", "purpose", purpose.code + "@1", null))
                    .map(v -> new PublishedPurpose(purpose, first, List.of(first)));
        });
    }

    /**
     * Publishes the next version. The change type decides what happens to existing consents: RELATED keeps them
     * (the new text must be notified or published, Art. 21(3)); UNRELATED means re-consent (Art. 18(1)).
     */
    private Uni<PublishedPurpose> publishVersion(String code, PurposeDraft draft) {
        String tenantId = tenant.tenantId();
        if (draft.changeType() == null || draft.changeType() == ChangeType.INITIAL) {
            throw ProblemException.invalidField("changeType", "must be RELATED or UNRELATED for a new version");
        }
        if (draft.code() != null && !draft.code().equals(code)) {
            throw ProblemException.unprocessable(
                    "code-mismatch",
                    "Code does not match the path",
                    "code",
                    "the body names purpose " + draft.code() + " but the path names " + code);
        }
        checkScope(draft);
        return purposes.lockByCode(tenantId, code).chain(purpose -> {
            if (purpose == null) {
                throw ProblemException.notFound("Purpose", code);
            }
            int next = purpose.currentVersion + 1;
            PurposeVersion version = version(purpose, next, draft.changeType(), draft, now());
            purpose.currentVersion = next;
            return versions.persist(version)
                    .call(() -> feed.publish(DecisionCache.PURPOSE_CHANNEL, DecisionCache.tenantNotice(tenantId)))
                    .call(() -> audit.record("PURPOSE_VERSION_PUBLISHED", "purpose", code + "@" + next, null))
                    .map(v -> new PublishedPurpose(purpose, version, List.of(version)));
        });
    }

    @WithSession
    public Uni<List<PublishedPurpose>> list(int offset, int limit) {
        String tenantId = tenant.tenantId();
        return purposes.listForTenant(tenantId, offset, limit).chain(found -> versions.currentVersions(
                        tenantId, found.stream().map(p -> p.id).toList())
                .map(current -> {
                    Map<UUID, PurposeVersion> byPurpose =
                            current.stream().collect(Collectors.toMap(v -> v.purposeId, Function.identity()));
                    return found.stream()
                            .map(p -> new PublishedPurpose(p, byPurpose.get(p.id), List.of(byPurpose.get(p.id))))
                            .toList();
                }));
    }

    @WithSession
    public Uni<PublishedPurpose> get(String code) {
        String tenantId = tenant.tenantId();
        return purposes.findByCode(tenantId, code).chain(purpose -> {
            if (purpose == null) {
                throw ProblemException.notFound("Purpose", code);
            }
            return versions.versionsOf(tenantId, purpose.id)
                    .map(all -> new PublishedPurpose(purpose, all.get(all.size() - 1), all));
        });
    }

    /** Rules a well-formed draft can still break (APPI Arts. 17(1), 28(2)). */
    private static void checkScope(PurposeDraft draft) {
        if (draft.thirdPartyProvision() && draft.recipientTypesOrEmpty().isEmpty()) {
            throw ProblemException.unprocessable(
                    "recipients-required",
                    "Third-party provision needs recipients",
                    "recipientTypes",
                    "a purpose that includes third-party provision must say to whom (Art. 17(1))");
        }
        if (!draft.thirdPartyProvision() && !draft.recipientTypesOrEmpty().isEmpty()) {
            throw ProblemException.unprocessable(
                    "recipients-without-provision",
                    "Recipients without provision",
                    "recipientTypes",
                    "recipients are named but thirdPartyProvision is false");
        }
        if (!draft.crossBorderCountriesOrEmpty().isEmpty()
                && (draft.crossBorderInformation() == null
                        || draft.crossBorderInformation().isBlank())) {
            throw ProblemException.unprocessable(
                    "cross-border-information-required",
                    "Cross-border provision needs the Art. 28 information",
                    "crossBorderInformation",
                    "state the country's protection system and the recipient's measures shown before consent (Art. 28(2))");
        }
    }

    private PurposeVersion version(
            Purpose purpose, int number, ChangeType changeType, PurposeDraft draft, OffsetDateTime now) {
        PurposeVersion v = new PurposeVersion();
        v.id = UUID.randomUUID();
        v.purposeId = purpose.id;
        v.tenantId = purpose.tenantId;
        v.version = number;
        v.changeType = changeType;
        v.titleJa = draft.titleJa();
        v.titleEn = draft.titleEn();
        v.descriptionJa = draft.descriptionJa();
        v.descriptionEn = draft.descriptionEn();
        v.dataItems = List.copyOf(draft.dataItems());
        v.sensitiveCategories = draft.sensitiveCategoriesOrEmpty();
        v.thirdPartyProvision = draft.thirdPartyProvision();
        v.recipientTypes = draft.recipientTypesOrEmpty();
        v.crossBorderCountries = draft.crossBorderCountriesOrEmpty();
        v.crossBorderInformation = draft.crossBorderInformation();
        v.publishedAt = now;
        v.publishedBy = tenant.actorSubject();
        return v;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
