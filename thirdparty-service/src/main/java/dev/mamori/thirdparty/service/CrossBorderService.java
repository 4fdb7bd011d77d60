package dev.mamori.thirdparty.service;

import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.platform.time.JapanTime;
import dev.mamori.thirdparty.CheckResult;
import dev.mamori.thirdparty.CrossBorderBasis;
import dev.mamori.thirdparty.CrossBorderCheck;
import dev.mamori.thirdparty.ThirdParty;
import dev.mamori.thirdparty.repository.CrossBorderCheckRepository;
import dev.mamori.thirdparty.repository.ThirdPartyRepository;
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

/**
 * Provision to a recipient in a foreign country (APPI Art. 28): the periodic checks of a recipient relying on
 * equivalent measures (Art. 28(3); Rule 18(1)(i)) and the suspension of provision when they are not ensured
 * (Rule 18(1)(ii)) or for any other reason.
 */
@ApplicationScoped
public class CrossBorderService {

    static final String RESOURCE = "third-party";

    private final ThirdPartyRepository parties;
    private final CrossBorderCheckRepository checks;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final Idempotency idempotency;
    private final Clock clock;

    public CrossBorderService(
            ThirdPartyRepository parties,
            CrossBorderCheckRepository checks,
            TenantContext tenant,
            AuditLog audit,
            Idempotency idempotency,
            Clock clock) {
        this.parties = parties;
        this.checks = checks;
        this.tenant = tenant;
        this.audit = audit;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** Records a periodic check, once per Idempotency-Key. */
    public Uni<Response> recordCheck(
            String idempotencyKey,
            UUID partyId,
            CrossBorderDrafts.Check draft,
            Function<CrossBorderCheck, Response> answer) {
        return idempotency.once(
                idempotencyKey,
                "recordCrossBorderCheck",
                List.of(partyId, draft),
                () -> recordCheck(partyId, draft),
                answer);
    }

    /** Records a periodic check; a check that finds the measures not ensured suspends provision at once. */
    @WithTransaction
    public Uni<CrossBorderCheck> recordCheck(UUID partyId, CrossBorderDrafts.Check draft) {
        OffsetDateTime now = now();
        LocalDate today = JapanTime.dateOf(now);
        if (draft.checkedOn().isAfter(today)) {
            throw ProblemException.unprocessable(
                    "date-in-future",
                    "A check cannot be recorded before it happens",
                    "checkedOn",
                    "is after today (" + today + " in Japan)");
        }
        if (draft.nextCheckDue() != null && !draft.nextCheckDue().isAfter(draft.checkedOn())) {
            throw ProblemException.unprocessable(
                    "next-check-not-after",
                    "The next check comes after this one",
                    "nextCheckDue",
                    "must be after checkedOn");
        }
        if (draft.nextCheckDue() != null
                && draft.nextCheckDue().isAfter(draft.checkedOn().plusYears(1))) {
            throw ProblemException.unprocessable(
                    "check-interval-too-long",
                    "Equivalent measures are checked yearly",
                    "nextCheckDue",
                    "must be within a year of checkedOn (Rule 18(1)(i): at least once a year)");
        }
        return party(partyId).chain(party -> {
            if (!party.isAbroad() || party.crossBorderBasis != CrossBorderBasis.EQUIVALENT_MEASURES) {
                throw ProblemException.unprocessable(
                        "cross-border-check-not-applicable",
                        "No equivalent measures to check",
                        "crossBorderBasis",
                        "periodic checks are for a recipient abroad relying on EQUIVALENT_MEASURES "
                                + "(Art. 28(3)); this party is in " + party.country + " with "
                                + party.crossBorderBasis);
            }
            CrossBorderCheck check = new CrossBorderCheck();
            check.id = UUID.randomUUID();
            check.tenantId = party.tenantId;
            check.thirdPartyId = party.id;
            check.checkedOn = draft.checkedOn();
            check.result = draft.result();
            check.notes = draft.notes() == null || draft.notes().isBlank()
                    ? null
                    : draft.notes().strip();
            check.nextCheckDue = draft.nextCheckDue() != null
                    ? draft.nextCheckDue()
                    : draft.checkedOn().plusYears(1);
            check.recordedAt = now;
            check.recordedBy = tenant.actorSubject();
            if (check.result == CheckResult.NOT_ENSURED && party.crossBorderSuspendedAt == null) {
                party.crossBorderSuspendedAt = now;
                party.crossBorderSuspensionReason = "the check of " + check.checkedOn
                        + " found the equivalent measures not ensured (Rule 18(1)(ii))";
            }
            return checks.persist(check).call(() -> audit.record("CROSS_BORDER_CHECKED", RESOURCE, party.id, null));
        });
    }

    @WithSession
    public Uni<List<CrossBorderCheck>> checks(UUID partyId) {
        return party(partyId).chain(party -> checks.ofParty(party.tenantId, party.id));
    }

    @WithTransaction
    public Uni<ThirdParty> suspend(UUID partyId, CrossBorderDrafts.Suspension draft) {
        return party(partyId).chain(party -> {
            if (!party.isAbroad()) {
                throw ProblemException.unprocessable(
                        "not-abroad",
                        "The party is in Japan",
                        "country",
                        "only provision to a foreign country is suspended under Art. 28(3)");
            }
            if (party.crossBorderSuspendedAt != null) {
                throw ProblemException.conflict(
                        "already-suspended",
                        "Provision to this party is suspended since " + party.crossBorderSuspendedAt);
            }
            party.crossBorderSuspendedAt = now();
            party.crossBorderSuspensionReason = draft.reason().strip();
            return audit.record("CROSS_BORDER_SUSPENDED", RESOURCE, party.id, null)
                    .replaceWith(party);
        });
    }

    /** Lifts a suspension; not while the latest check of equivalent measures says they are not ensured. */
    @WithTransaction
    public Uni<ThirdParty> lift(UUID partyId) {
        return party(partyId).chain(party -> {
            if (party.crossBorderSuspendedAt == null) {
                throw ProblemException.conflict("not-suspended", "Provision to this party is not suspended");
            }
            Uni<CrossBorderCheck> latest = party.crossBorderBasis == CrossBorderBasis.EQUIVALENT_MEASURES
                    ? checks.latest(party.tenantId, party.id)
                    : Uni.createFrom().nullItem();
            return latest.chain(check -> {
                if (check != null && check.result == CheckResult.NOT_ENSURED) {
                    throw ProblemException.unprocessable(
                            "measures-not-ensured",
                            "The measures are not ensured",
                            "crossBorderBasis",
                            "the check of " + check.checkedOn + " found the equivalent measures "
                                    + "not ensured; record a check that finds them ensured first (Rule 18(1)(ii))");
                }
                party.crossBorderSuspendedAt = null;
                party.crossBorderSuspensionReason = null;
                return audit.record("CROSS_BORDER_RESUMED", RESOURCE, party.id, null)
                        .replaceWith(party);
            });
        });
    }

    private Uni<ThirdParty> party(UUID id) {
        return parties.findInTenant(tenant.tenantId(), id).map(party -> {
            if (party == null) {
                throw ProblemException.notFound("Third party", id);
            }
            return party;
        });
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
