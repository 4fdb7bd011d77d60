package dev.mamori.thirdparty.service;

import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.platform.time.JapanTime;
import dev.mamori.thirdparty.AuditResult;
import dev.mamori.thirdparty.Contractor;
import dev.mamori.thirdparty.ContractorAssessment;
import dev.mamori.thirdparty.ContractorAudit;
import dev.mamori.thirdparty.ContractorCertification;
import dev.mamori.thirdparty.LegalBasis;
import dev.mamori.thirdparty.repository.ContractorAssessmentRepository;
import dev.mamori.thirdparty.repository.ContractorAuditRepository;
import dev.mamori.thirdparty.repository.ContractorCertificationRepository;
import dev.mamori.thirdparty.repository.ContractorRepository;
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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Supervision of contractors entrusted with personal data (APPI Art. 25): selection by assessment, certifications
 * with their expiry, the contract and NDA, audits, and the sub-entrustment chain with the client's approval.
 */
@ApplicationScoped
public class ContractorService {

    /** A certification in force that expires within the window asked for (or already has). */
    public record Expiring(Contractor contractor, String name, ContractorCertification certification, long daysLeft) {}

    /** A contractor with its party's name and its standing. */
    public record Supervised(Contractor contractor, String name, ContractorStanding standing) {}

    static final String RESOURCE = "contractor";

    private final ContractorRepository contractors;
    private final ContractorAssessmentRepository assessments;
    private final ContractorCertificationRepository certifications;
    private final ContractorAuditRepository audits;
    private final ThirdPartyRepository parties;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final Idempotency idempotency;
    private final Clock clock;

    public ContractorService(
            ContractorRepository contractors,
            ContractorAssessmentRepository assessments,
            ContractorCertificationRepository certifications,
            ContractorAuditRepository audits,
            ThirdPartyRepository parties,
            TenantContext tenant,
            AuditLog audit,
            Idempotency idempotency,
            Clock clock) {
        this.contractors = contractors;
        this.assessments = assessments;
        this.certifications = certifications;
        this.audits = audits;
        this.parties = parties;
        this.tenant = tenant;
        this.audit = audit;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** Registers a contractor, once per Idempotency-Key (a retry gets the first answer). */
    public Uni<Response> create(String idempotencyKey, ContractorDraft draft, Function<Supervised, Response> answer) {
        return idempotency.once(idempotencyKey, "createContractor", draft, () -> create(draft), answer);
    }

    @WithTransaction
    public Uni<Supervised> create(ContractorDraft draft) {
        String tenantId = tenant.tenantId();
        OffsetDateTime now = now();
        LocalDate today = today(now);
        checkAssessment(draft.assessment(), today, "assessment.");
        List<ContractorDraft.Certification> certs = draft.certifications() == null ? List.of() : draft.certifications();
        for (int i = 0; i < certs.size(); i++) {
            checkCertification(certs.get(i), today, "certifications[" + i + "].");
        }
        if (draft.subcontractApproval() != null && draft.parentContractorId() == null) {
            throw ProblemException.unprocessable(
                    "approval-without-subcontract",
                    "Only a sub-entrustment is approved",
                    "subcontractApproval",
                    "give parentContractorId: only a sub-contractor needs the approval");
        }
        return parties.findInTenant(tenantId, draft.thirdPartyId()).chain(party -> {
            if (party == null) {
                throw ProblemException.unprocessable(
                        "unknown-third-party",
                        "Unknown third party",
                        "thirdPartyId",
                        "no third party " + draft.thirdPartyId() + " is registered; register the contractor first");
            }
            if (party.legalBasis != LegalBasis.ENTRUSTMENT) {
                throw ProblemException.unprocessable(
                        "not-an-entrustment",
                        "The party is not a contractor",
                        "thirdPartyId",
                        "the party's legal basis is " + party.legalBasis + "; a contractor receives "
                                + "data by ENTRUSTMENT (Art. 27(5)(i))");
            }
            return contractors
                    .ofParty(tenantId, party.id)
                    .chain(existing -> {
                        if (existing != null) {
                            throw ProblemException.conflict(
                                    "contractor-exists",
                                    "The party is already contractor " + existing.id
                                            + "; add assessments, certifications or audits to it");
                        }
                        return draft.parentContractorId() == null
                                ? Uni.createFrom().<Contractor>nullItem()
                                : contractors.findInTenant(tenantId, draft.parentContractorId());
                    })
                    .chain(parent -> {
                        if (draft.parentContractorId() != null && parent == null) {
                            throw ProblemException.unprocessable(
                                    "unknown-parent-contractor",
                                    "Unknown contractor",
                                    "parentContractorId",
                                    "no contractor " + draft.parentContractorId() + " in this tenant");
                        }
                        Contractor c = new Contractor();
                        c.id = UUID.randomUUID();
                        c.tenantId = tenantId;
                        c.thirdPartyId = party.id;
                        c.parentContractorId = draft.parentContractorId();
                        if (draft.subcontractApproval() != null) {
                            c.subcontractApprovedOn =
                                    draft.subcontractApproval().approvedOn();
                            c.subcontractApprovedBy =
                                    draft.subcontractApproval().approvedBy().strip();
                        }
                        c.contractSignedOn = draft.contract().contractSignedOn();
                        c.ndaSignedOn = draft.contract().ndaSignedOn();
                        c.contractClauses =
                                List.copyOf(new LinkedHashSet<>(draft.contract().clauses()));
                        c.auditIntervalMonths = draft.auditIntervalMonths() == null ? 12 : draft.auditIntervalMonths();
                        c.createdAt = now;
                        c.createdBy = tenant.actorSubject();
                        List<Object> rows = new ArrayList<>();
                        rows.add(assessmentOf(c, draft.assessment(), now));
                        certs.forEach(cert -> rows.add(certificationOf(c, cert, now)));
                        return contractors
                                .persist(c)
                                .chain(() -> io.quarkus.hibernate.reactive.panache.Panache.getSession())
                                .chain(s -> s.persistAll(rows.toArray()).chain(s::flush))
                                .chain(() -> audit.record("CONTRACTOR_SELECTED", RESOURCE, c.id, null))
                                .chain(() -> supervised(c, party.name));
                    });
        });
    }

    /** Records an assessment, once per Idempotency-Key. */
    public Uni<Response> assess(
            String idempotencyKey, UUID id, ContractorDraft.Assessment draft, Function<Supervised, Response> answer) {
        return idempotency.once(
                idempotencyKey, "assessContractor", List.of(id, draft), () -> assess(id, draft), answer);
    }

    @WithTransaction
    public Uni<Supervised> assess(UUID id, ContractorDraft.Assessment draft) {
        OffsetDateTime now = now();
        checkAssessment(draft, today(now), "");
        return owned(id).chain(c -> assessments
                .persist(assessmentOf(c, draft, now))
                .chain(() -> audit.record("CONTRACTOR_ASSESSED", RESOURCE, c.id, null))
                .chain(() -> supervised(c)));
    }

    /** Records a certification, once per Idempotency-Key. */
    public Uni<Response> certify(
            String idempotencyKey,
            UUID id,
            ContractorDraft.Certification draft,
            Function<Supervised, Response> answer) {
        return idempotency.once(
                idempotencyKey, "certifyContractor", List.of(id, draft), () -> certify(id, draft), answer);
    }

    @WithTransaction
    public Uni<Supervised> certify(UUID id, ContractorDraft.Certification draft) {
        OffsetDateTime now = now();
        checkCertification(draft, today(now), "");
        return owned(id).chain(c -> certifications
                .persist(certificationOf(c, draft, now))
                .chain(() -> audit.record("CONTRACTOR_CERTIFICATION_RECORDED", RESOURCE, c.id, null))
                .chain(() -> supervised(c)));
    }

    /** Records an audit, once per Idempotency-Key. */
    public Uni<Response> audit(
            String idempotencyKey, UUID id, ContractorDraft.Audit draft, Function<Supervised, Response> answer) {
        return idempotency.once(idempotencyKey, "auditContractor", List.of(id, draft), () -> audit(id, draft), answer);
    }

    @WithTransaction
    public Uni<Supervised> audit(UUID id, ContractorDraft.Audit draft) {
        OffsetDateTime now = now();
        LocalDate today = today(now);
        if (draft.auditedOn().isAfter(today)) {
            throw ProblemException.unprocessable(
                    "date-in-future",
                    "An audit cannot be recorded before it happens",
                    "auditedOn",
                    "is after today (" + today + " in Japan)");
        }
        if (draft.result() != AuditResult.PASSED
                && (draft.findings() == null || draft.findings().isBlank())) {
            throw ProblemException.unprocessable(
                    "findings-required",
                    "Findings are required",
                    "findings",
                    "an audit with result " + draft.result() + " records its findings");
        }
        if (draft.nextDue() != null && !draft.nextDue().isAfter(draft.auditedOn())) {
            throw ProblemException.unprocessable(
                    "next-audit-not-after",
                    "The next audit comes after this one",
                    "nextDue",
                    "must be after auditedOn");
        }
        return owned(id).chain(c -> {
            ContractorAudit a = new ContractorAudit();
            a.id = UUID.randomUUID();
            a.tenantId = c.tenantId;
            a.contractorId = c.id;
            a.auditedOn = draft.auditedOn();
            a.result = draft.result();
            a.findings = draft.findings() == null || draft.findings().isBlank()
                    ? null
                    : draft.findings().strip();
            a.nextDue = draft.nextDue() != null
                    ? draft.nextDue()
                    : draft.auditedOn().plusMonths(c.auditIntervalMonths);
            a.recordedAt = now;
            a.recordedBy = tenant.actorSubject();
            return audits.persist(a)
                    .chain(() -> audit.record("CONTRACTOR_AUDITED", RESOURCE, c.id, null))
                    .chain(() -> supervised(c));
        });
    }

    @WithTransaction
    public Uni<Supervised> approveSubcontract(UUID id, ContractorDraft.Approval approval) {
        return owned(id).chain(c -> {
            if (c.parentContractorId == null) {
                throw ProblemException.unprocessable(
                        "not-a-subcontractor",
                        "Only a sub-entrustment is approved",
                        "parentContractorId",
                        "contractor " + id + " is entrusted directly, not sub-entrusted");
            }
            if (c.subcontractApprovedOn != null) {
                throw ProblemException.conflict(
                        "subcontract-already-approved",
                        "The sub-entrustment was approved on " + c.subcontractApprovedOn);
            }
            c.subcontractApprovedOn = approval.approvedOn();
            c.subcontractApprovedBy = approval.approvedBy().strip();
            return audit.record("SUBCONTRACT_APPROVED", RESOURCE, c.id, null).chain(() -> supervised(c));
        });
    }

    @WithSession
    public Uni<Supervised> get(UUID id) {
        return owned(id).chain(this::supervised);
    }

    @WithSession
    public Uni<List<Supervised>> list(int offset, int limit) {
        return contractors.listForTenant(tenant.tenantId(), offset, limit).chain(found -> {
            Uni<List<Supervised>> all = Uni.createFrom().item(new ArrayList<>());
            for (Contractor c : found) {
                all = all.chain(list -> supervised(c).map(s -> {
                    list.add(s);
                    return list;
                }));
            }
            return all;
        });
    }

    /**
     * The certifications in force (the latest of each scheme per contractor) that expire within {@code withinDays}
     * days, or already have, soonest first: the warnings to renew before a contractor becomes unusable.
     */
    @WithSession
    public Uni<List<Expiring>> expiring(int withinDays) {
        String tenantId = tenant.tenantId();
        LocalDate today = today(now());
        LocalDate horizon = today.plusDays(withinDays);
        return certifications.ofTenant(tenantId).chain(all -> {
            java.util.Map<String, ContractorCertification> current = new java.util.LinkedHashMap<>();
            for (ContractorCertification c : all) {
                current.merge(c.contractorId + "/" + c.scheme, c, (a, b) -> b.expiresOn.isAfter(a.expiresOn) ? b : a);
            }
            List<ContractorCertification> soon = current.values().stream()
                    .filter(c -> !c.expiresOn.isAfter(horizon))
                    .sorted(java.util.Comparator.comparing((ContractorCertification c) -> c.expiresOn)
                            .thenComparing(c -> c.id))
                    .toList();
            Uni<List<Expiring>> out = Uni.createFrom().item(new ArrayList<>());
            for (ContractorCertification cert : soon) {
                out = out.chain(list -> contractors
                        .findInTenant(tenantId, cert.contractorId)
                        .chain(c -> parties.findInTenant(tenantId, c.thirdPartyId)
                                .map(p -> {
                                    list.add(new Expiring(
                                            c, p.name, cert, ChronoUnit.DAYS.between(today, cert.expiresOn)));
                                    return list;
                                })));
            }
            return out;
        });
    }

    /** The standing of the contractor that is this party, or null when the party has no contractor record. */
    public Uni<ContractorStanding> standingOfParty(String tenantId, UUID partyId) {
        return contractors
                .ofParty(tenantId, partyId)
                .chain(c -> c == null ? Uni.createFrom().<ContractorStanding>nullItem() : standing(c));
    }

    /**
     * The contractor's standing with that of every contractor above it. The chain ends: a parent must exist when its
     * sub-contractor is selected and is never changed afterwards, so no contractor is its own ancestor.
     */
    private Uni<ContractorStanding> standing(Contractor c) {
        Uni<ContractorStanding> parent = c.parentContractorId == null
                ? Uni.createFrom().nullItem()
                : contractors
                        .findInTenant(c.tenantId, c.parentContractorId)
                        .chain(p -> p == null ? Uni.createFrom().<ContractorStanding>nullItem() : standing(p));
        return parent.chain(above -> assessments.ofContractor(c.tenantId, c.id).chain(as -> certifications
                .ofContractor(c.tenantId, c.id)
                .chain(cs -> audits.ofContractor(c.tenantId, c.id)
                        .map(au -> new ContractorStanding(c, as, cs, au, above)))));
    }

    private Uni<Supervised> supervised(Contractor c) {
        return parties.findInTenant(c.tenantId, c.thirdPartyId).chain(p -> supervised(c, p.name));
    }

    private Uni<Supervised> supervised(Contractor c, String name) {
        return standing(c).map(s -> new Supervised(c, name, s));
    }

    private Uni<Contractor> owned(UUID id) {
        return contractors.findInTenant(tenant.tenantId(), id).map(c -> {
            if (c == null) {
                throw ProblemException.notFound("Contractor", id);
            }
            return c;
        });
    }

    private static void checkAssessment(ContractorDraft.Assessment a, LocalDate today, String prefix) {
        if (a.assessedOn().isAfter(today)) {
            throw ProblemException.unprocessable(
                    "date-in-future",
                    "An assessment cannot be recorded before it happens",
                    prefix + "assessedOn",
                    "is after today (" + today + " in Japan)");
        }
        if (a.validUntil() != null && !a.validUntil().isAfter(a.assessedOn())) {
            throw ProblemException.unprocessable(
                    "assessment-validity",
                    "The assessment must stand for some time",
                    prefix + "validUntil",
                    "must be after assessedOn");
        }
    }

    private static void checkCertification(ContractorDraft.Certification c, LocalDate today, String prefix) {
        if (c.expiresOn().isBefore(today)) {
            throw ProblemException.unprocessable(
                    "certification-expired",
                    "The certification has expired",
                    prefix + "expiresOn",
                    c.scheme() + " " + c.number() + " expired on " + c.expiresOn()
                            + "; a contractor is selected on certifications in force (Art. 25)");
        }
    }

    private ContractorAssessment assessmentOf(Contractor c, ContractorDraft.Assessment draft, OffsetDateTime now) {
        ContractorAssessment a = new ContractorAssessment();
        a.id = UUID.randomUUID();
        a.tenantId = c.tenantId;
        a.contractorId = c.id;
        a.assessedOn = draft.assessedOn();
        a.result = draft.result();
        a.assessor = draft.assessor().strip();
        a.validUntil = draft.validUntil() != null
                ? draft.validUntil()
                : draft.assessedOn().plusYears(1);
        a.notes = draft.notes() == null || draft.notes().isBlank()
                ? null
                : draft.notes().strip();
        a.recordedAt = now;
        a.recordedBy = tenant.actorSubject();
        return a;
    }

    private ContractorCertification certificationOf(
            Contractor c, ContractorDraft.Certification draft, OffsetDateTime now) {
        ContractorCertification cert = new ContractorCertification();
        cert.id = UUID.randomUUID();
        cert.tenantId = c.tenantId;
        cert.contractorId = c.id;
        cert.scheme = draft.scheme();
        cert.number = draft.number().strip();
        cert.expiresOn = draft.expiresOn();
        cert.recordedAt = now;
        cert.recordedBy = tenant.actorSubject();
        return cert;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static LocalDate today(OffsetDateTime now) {
        return JapanTime.dateOf(now);
    }
}
