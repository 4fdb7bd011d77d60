package dev.mamori.thirdparty.service;

import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.thirdparty.PartyKind;
import dev.mamori.thirdparty.ThirdParty;
import dev.mamori.thirdparty.repository.ThirdPartyRepository;
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

/** Registering the counterparties personal data goes to or comes from (APPI Arts. 27, 28, 30(1)). */
@ApplicationScoped
public class ThirdPartyService {

    private final ThirdPartyRepository parties;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final Idempotency idempotency;
    private final Clock clock;

    public ThirdPartyService(
            ThirdPartyRepository parties, TenantContext tenant, AuditLog audit, Idempotency idempotency, Clock clock) {
        this.parties = parties;
        this.tenant = tenant;
        this.audit = audit;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** Registers a third party, once per Idempotency-Key (a retry gets the first answer). */
    public Uni<Response> create(String idempotencyKey, ThirdPartyDraft draft, Function<ThirdParty, Response> answer) {
        return idempotency.once(idempotencyKey, "createThirdParty", draft, () -> create(draft), answer);
    }

    @WithTransaction
    public Uni<ThirdParty> create(ThirdPartyDraft draft) {
        String tenantId = tenant.tenantId();
        String country = draft.countryOrDefault();
        if (!CrossBorderRule.isCountry(country)) {
            throw ProblemException.invalidField("country", "is not an ISO 3166-1 alpha-2 country code");
        }
        String representative = draft.representativeOrNull();
        if (representative == null && draft.kind() != PartyKind.INDIVIDUAL) {
            throw ProblemException.unprocessable(
                    "representative-required",
                    "The representative's name is required",
                    "representative",
                    "name the representative of a " + draft.kind()
                            + ": it is an identity item of provision and receipt (Arts. 27(2)(i), 30(1)(i))");
        }
        ThirdParty party = new ThirdParty();
        party.crossBorderBasis = CrossBorderRule.basisFor(country, draft.legalBasis(), draft.crossBorderBasis());
        party.id = UUID.randomUUID();
        party.tenantId = tenantId;
        party.name = draft.name().strip();
        party.address = draft.address().strip();
        party.representative = representative;
        party.kind = draft.kind();
        party.country = country;
        party.legalBasis = draft.legalBasis();
        party.groupTenantId = draft.groupTenantId();
        party.createdAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        party.createdBy = tenant.actorSubject();
        return parties.persist(party).call(() -> audit.record("THIRD_PARTY_REGISTERED", "third-party", party.id, null));
    }

    @WithSession
    public Uni<List<ThirdParty>> list(int offset, int limit) {
        return parties.listForTenant(tenant.tenantId(), offset, limit);
    }

    @WithSession
    public Uni<ThirdParty> get(UUID id) {
        return parties.findInTenant(tenant.tenantId(), id).map(party -> {
            if (party == null) {
                throw ProblemException.notFound("Third party", id);
            }
            return party;
        });
    }
}
