package dev.mamori.request.service;

import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.crypto.FieldCipher;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.request.DataSubjectRequest;
import dev.mamori.request.DecisionOutcome;
import dev.mamori.request.FulfilmentTask;
import dev.mamori.request.RefusalGround;
import dev.mamori.request.RequestStatus;
import dev.mamori.request.RequestType;
import dev.mamori.request.StopGround;
import dev.mamori.request.TaskAction;
import dev.mamori.request.client.Envelope;
import dev.mamori.request.client.TargetServices;
import dev.mamori.request.repository.DataSubjectRequestRepository;
import dev.mamori.request.repository.FulfilmentTaskRepository;
import dev.mamori.request.service.Decision.Section;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The client company decides (Art. 16(4): data a BPO processes on a client's behalf is the client's retained
 * personal data, not the BPO's, so requests it takes are routed to the client company's privacy officer). A refusal names its statutory ground and reason (Arts. 33(2),
 * 36); an approval queues the calls that carry it out across the suite in the same transaction (the outbox).
 */
@ApplicationScoped
public class DecisionService {

    private final DataSubjectRequestRepository requests;
    private final FulfilmentTaskRepository tasks;
    private final RequestJournal journal;
    private final RequestService requestService;
    private final FulfilmentService fulfilment;
    private final SettingsService settings;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final FieldCipher cipher;
    private final OutboxDeliverer deliverer;
    private final Clock clock;
    private final PersonNotices notices;

    public DecisionService(
            DataSubjectRequestRepository requests,
            FulfilmentTaskRepository tasks,
            RequestJournal journal,
            RequestService requestService,
            FulfilmentService fulfilment,
            SettingsService settings,
            TenantContext tenant,
            AuditLog audit,
            FieldCipher cipher,
            OutboxDeliverer deliverer,
            Clock clock,
            PersonNotices notices) {
        this.requests = requests;
        this.tasks = tasks;
        this.journal = journal;
        this.requestService = requestService;
        this.fulfilment = fulfilment;
        this.settings = settings;
        this.tenant = tenant;
        this.audit = audit;
        this.cipher = cipher;
        this.deliverer = deliverer;
        this.clock = clock;
        this.notices = notices;
    }

    /**
     * Records the client company's decision (below). Once an approval has committed, the outbox is woken, so its
     * calls go out at once rather than at the next scheduled run.
     */
    public Uni<RequestDetails> decide(UUID id, Decision d) {
        return Panache.withTransaction(() -> record(id, d)).invoke(decided -> {
            if (decided.request().status == RequestStatus.IN_PROGRESS) {
                deliverer.kick();
            }
        });
    }

    private Uni<RequestDetails> record(UUID id, Decision d) {
        String tenantId = tenant.tenantId();
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        return requests.lockForTenant(tenantId, id).chain(r -> {
            if (r == null) {
                throw ProblemException.notFound("Request", id);
            }
            if (r.outcome != null) {
                throw ProblemException.conflict(
                        "already-decided",
                        "Request " + id + " was already decided (" + r.outcome + " by " + r.decidedBy + " at "
                                + r.decidedAt + ")");
            }
            if (r.status.isTerminal()) {
                throw ProblemException.conflict("request-closed", "Request " + id + " is already " + r.status);
            }
            // Art. 37(1): nothing is decided (let alone disclosed) for a requester who is not verified.
            if (r.identityVerifiedAt == null) {
                throw ProblemException.conflict(
                        "identity-not-verified",
                        "The requester of " + id + " is not " + "verified yet; record the identity verification first");
            }
            if (r.status == RequestStatus.AWAITING_REQUESTER) {
                throw ProblemException.conflict(
                        "request-paused", "Request " + id + " waits for the requester; " + "resume it before deciding");
            }
            // A request filed online names the person only by what the requester gave: nothing is carried out
            // across the suite before staff link it to the company's reference of the person.
            boolean approves =
                    d.outcome() == DecisionOutcome.APPROVED || d.outcome() == DecisionOutcome.PARTIALLY_APPROVED;
            if (approves && r.subjectRef == null) {
                throw ProblemException.conflict(
                        "subject-not-linked",
                        "Request " + id + " is not linked to a person yet; link it (PUT /v1/requests/" + id
                                + "/subject) before approving it");
            }
            check(r.type, d);
            RequestDetails claim = requestService.details(r, PersonalDataView.FULL);
            Decision.CorrectionResult correction = correctionOf(r, d, claim);
            return settings.effective(tenantId).chain(sla -> {
                r.outcome = d.outcome();
                r.refusalGround = d.refusalGround();
                r.decisionReason = blankToNull(d.reason());
                r.decidedBy = tenant.actorSubject();
                r.decidedAt = now;
                r.decisionScope = d.scope() == null || d.outcome() != DecisionOutcome.PARTIALLY_APPROVED
                        ? null
                        : journal.write(d.scope());
                r.feeJpy = fee(r.type, d, sla);
                if (correction != null) {
                    r.correctionResultCipher = cipher.encrypt(journal.write(correction), correctionContext(r));
                }
                Actor actor = Actor.of(tenant);
                Uni<?> effect =
                        switch (d.outcome()) {
                            case REFUSED ->
                                fulfilment.close(
                                        r,
                                        RequestStatus.REFUSED,
                                        null,
                                        List.of(),
                                        d.outcome().eventKind(),
                                        r.refusalGround + ": " + r.decisionReason,
                                        actor,
                                        now,
                                        null);
                            case NO_DATA ->
                                fulfilment.close(
                                        r,
                                        RequestStatus.COMPLETED,
                                        null,
                                        List.of(),
                                        d.outcome().eventKind(),
                                        "no retained personal data about the person",
                                        actor,
                                        now,
                                        null);
                            case APPROVED, PARTIALLY_APPROVED -> {
                                r.status = RequestStatus.IN_PROGRESS;
                                List<FulfilmentTask> planned =
                                        plan(r, d, sla.clientCallbackUrl(), correction, claim, now);
                                yield (planned.isEmpty() ? Uni.createFrom().voidItem() : tasks.persist(planned))
                                        .chain(() -> journal.append(
                                                r, d.outcome().eventKind(), describe(d, planned), actor, now));
                            }
                        };
                return effect.call(() -> audit.record("REQUEST_DECIDED", RequestService.RESOURCE, r.id, r.subjectRef))
                        // A partial approval tells the person now what is refused and why (Art. 36).
                        .call(() -> notices.decided(r))
                        .chain(() -> tasks.ofRequest(tenantId, r.id))
                        .map(found -> requestService
                                .details(r, PersonalDataView.forReader(tenant))
                                .with(found, 0));
            });
        });
    }

    /** The rules a decision must meet; each refusal names the field and changes nothing. */
    static void check(RequestType type, Decision d) {
        boolean refuses = d.outcome() == DecisionOutcome.REFUSED || d.outcome() == DecisionOutcome.PARTIALLY_APPROVED;
        if (refuses) {
            if (d.refusalGround() == null) {
                throw ProblemException.unprocessable(
                        "refusal-ground-required",
                        "Refusal ground required",
                        "refusalGround",
                        "a refusal must name its statutory ground: " + RefusalGround.allowedFor(type));
            }
            boolean allowed = RefusalGround.allowedFor(type).contains(d.refusalGround());
            if (type == RequestType.PURPOSE_NOTIFICATION && !allowed) {
                // Art. 32(2): a purpose notification is refused only on its own grounds (purpose already evident,
                // or an Art. 21(4)(i)-(iii) case), never on the disclosure grounds of Art. 33(2).
                throw ProblemException.unprocessable(
                        "refusal-ground-not-applicable",
                        "Refusal ground not applicable",
                        "refusalGround",
                        d.refusalGround() + " is not a ground for refusing a PURPOSE_NOTIFICATION: "
                                + "Art. 32(2) allows only " + RefusalGround.allowedFor(type)
                                + " (purpose already evident, or an Art. 21(4)(i)-(iii) case)");
            }
            if (!allowed) {
                throw ProblemException.unprocessable(
                        "refusal-ground-not-applicable",
                        "Refusal ground not applicable",
                        "refusalGround",
                        d.refusalGround() + " does not ground refusing " + type + "; allowed: "
                                + RefusalGround.allowedFor(type));
            }
            if (blankToNull(d.reason()) == null) {
                throw ProblemException.unprocessable(
                        "refusal-reason-required",
                        "Refusal reason required",
                        "reason",
                        "the reason for refusing must be explained to the person (Art. 36)");
            }
        } else if (d.refusalGround() != null) {
            throw ProblemException.unprocessable(
                    "refusal-ground-not-applicable",
                    "Refusal ground not applicable",
                    "refusalGround",
                    "only REFUSED and PARTIALLY_APPROVED take a refusal ground");
        }
        // Art. 38: fees only for a purpose notification and a disclosure.
        if (d.feeJpy() != null && !chargeable(type)) {
            throw ProblemException.unprocessable(
                    "fee-not-applicable",
                    "Fee not applicable",
                    "feeJpy",
                    "Art. 38 allows fees only for PURPOSE_NOTIFICATION and disclosures, not " + type);
        }
        if (d.outcome() != DecisionOutcome.PARTIALLY_APPROVED && d.scope() != null) {
            throw ProblemException.unprocessable(
                    "scope-not-applicable", "Scope not applicable", "scope", "only PARTIALLY_APPROVED takes a scope");
        }
        if (d.correction() != null && (type != RequestType.CORRECTION || d.outcome() != DecisionOutcome.APPROVED)) {
            throw ProblemException.unprocessable(
                    "correction-not-applicable",
                    "Correction not applicable",
                    "correction",
                    "only an APPROVED CORRECTION takes the decided correction");
        }
        if (d.outcome() == DecisionOutcome.PARTIALLY_APPROVED) {
            checkPartial(type, d.scope());
        }
    }

    private static void checkPartial(RequestType type, Decision.Scope scope) {
        switch (type) {
            case PURPOSE_NOTIFICATION, DISCLOSURE, PROVISION_RECORD_DISCLOSURE -> {
                Set<Section> available = sections(type);
                if (scope == null
                        || scope.withheldSections() == null
                        || scope.withheldSections().isEmpty()) {
                    throw ProblemException.unprocessable(
                            "scope-required",
                            "Scope required",
                            "scope.withheldSections",
                            "a partial disclosure names the sections withheld: " + available);
                }
                if (!available.containsAll(scope.withheldSections())) {
                    throw ProblemException.unprocessable(
                            "scope-not-applicable",
                            "Scope not applicable",
                            "scope.withheldSections",
                            type + " has only the sections " + available);
                }
                if (scope.withheldSections().containsAll(available)) {
                    throw ProblemException.unprocessable(
                            "scope-withholds-everything",
                            "Nothing left to disclose",
                            "scope.withheldSections",
                            "withholding every section is a refusal: decide REFUSED");
                }
            }
            case USE_STOP -> {
                if (scope == null
                        || scope.purposes() == null
                        || scope.purposes().isEmpty()) {
                    throw ProblemException.unprocessable(
                            "scope-required",
                            "Scope required",
                            "scope.purposes",
                            "a partial use stop names the purposes whose use stops");
                }
            }
            default ->
                throw ProblemException.unprocessable(
                        "partial-not-supported",
                        "Partial approval not supported",
                        "outcome",
                        type + " is approved or refused as a whole; record a substitute measure in the "
                                + "reason of a refusal (Art. 35(2), (4), (6) proviso)");
        }
    }

    static boolean chargeable(RequestType type) {
        return type == RequestType.PURPOSE_NOTIFICATION || type.takesDeliveryMethod();
    }

    private static Set<Section> sections(RequestType type) {
        return switch (type) {
            case PURPOSE_NOTIFICATION -> EnumSet.of(Section.CONSENTS, Section.HOLDINGS);
            case DISCLOSURE -> EnumSet.allOf(Section.class);
            case PROVISION_RECORD_DISCLOSURE -> EnumSet.of(Section.THIRD_PARTY_RECORDS);
            default -> EnumSet.noneOf(Section.class);
        };
    }

    private static Integer fee(RequestType type, Decision d, SettingsService.Effective sla) {
        if (!chargeable(type) || d.outcome() == DecisionOutcome.REFUSED) {
            return null;
        }
        if (d.feeJpy() != null) {
            return d.feeJpy();
        }
        return type == RequestType.PURPOSE_NOTIFICATION ? sla.purposeNotificationFeeJpy() : sla.disclosureFeeJpy();
    }

    private static Decision.CorrectionResult correctionOf(DataSubjectRequest r, Decision d, RequestDetails claim) {
        if (r.type != RequestType.CORRECTION || d.outcome() != DecisionOutcome.APPROVED) {
            return null;
        }
        String before = d.correction() != null && d.correction().before() != null
                ? d.correction().before()
                : claim.claimedUntrue();
        String after = d.correction() != null ? d.correction().after() : claim.requestedContent();
        if (after == null || after.isBlank()) {
            throw ProblemException.unprocessable(
                    "correction-content-required",
                    "Correction content required",
                    "correction.after",
                    "the claim did not say what the content should be; give correction.after");
        }
        return new Decision.CorrectionResult(before, after);
    }

    /** The calls that carry out the approval, one per target and action. */
    private List<FulfilmentTask> plan(
            DataSubjectRequest r,
            Decision d,
            String tenantCallbackUrl,
            Decision.CorrectionResult correction,
            RequestDetails claim,
            OffsetDateTime now) {
        List<TaskAction> actions = new ArrayList<>();
        Set<Section> withheld = d.scope() == null || d.scope().withheldSections() == null
                ? EnumSet.noneOf(Section.class)
                : EnumSet.copyOf(d.scope().withheldSections());
        for (Section section : sections(r.type)) {
            if (!withheld.contains(section)) {
                actions.add(
                        switch (section) {
                            case CONSENTS -> TaskAction.FETCH_CONSENTS;
                            case HOLDINGS -> TaskAction.FETCH_HOLDINGS;
                            case THIRD_PARTY_RECORDS -> TaskAction.FETCH_RECORDS;
                        });
            }
        }
        List<FulfilmentTask> planned = new ArrayList<>();
        for (TaskAction action : actions) {
            // Art. 32(2): a purpose notification tells the purposes in words, so its fetches also bring the titles.
            String fetchBody =
                    r.type == RequestType.PURPOSE_NOTIFICATION ? TargetServices.FOR_PURPOSE_NOTIFICATION : null;
            planned.add(journal.task(r, action, null, 0, new Envelope(r.subjectRef, null, fetchBody), now));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        switch (r.type) {
            case USE_STOP -> {
                if (d.scope() != null && d.scope().purposes() != null) {
                    body.put("purposes", d.scope().purposes());
                }
                body.put("requestRef", r.id.toString());
                body.put("ground", consentGround(r.stopGround));
                planned.add(journal.task(
                        r, TaskAction.STOP_USE, null, 0, new Envelope(r.subjectRef, null, journal.write(body)), now));
                // Art. 35(1)/(5): data whose use is stopped is not provided to third parties either.
                planned.add(provisionStop(r, now));
            }
            case ERASURE -> {
                body.put("requestRef", r.id.toString());
                planned.add(journal.task(
                        r, TaskAction.ERASE, null, 0, new Envelope(r.subjectRef, null, journal.write(body)), now));
                // Art. 35(1)/(5): erased data is used and provided no more. Holdings a retention rule keeps (or that
                // arrive again from a system not yet purged) are then stopped at consent-service (decisions answer
                // ERASED) and refused for provision at thirdparty-service.
                Map<String, Object> stop = new LinkedHashMap<>();
                stop.put("purposes", List.of());
                stop.put("requestRef", r.id.toString());
                stop.put("ground", ERASURE_USE_STOP_GROUND);
                planned.add(journal.task(
                        r, TaskAction.STOP_USE, null, 0, new Envelope(r.subjectRef, null, journal.write(stop)), now));
                planned.add(provisionStop(r, now));
            }
            case PROVISION_STOP -> planned.add(provisionStop(r, now));
            case CORRECTION -> {
                // Art. 34(2): the owning system corrects; it gets the decided change, signed like a callback.
                body.put("requestId", r.id);
                body.put("externalId", r.externalId);
                body.put("subjectRef", r.subjectRef);
                body.put("kind", r.correctionKind);
                body.put("dataItem", r.correctionItem);
                body.put("before", correction.before());
                body.put("after", correction.after());
                body.put("decidedAt", r.decidedAt);
                String url = r.callbackUrl != null ? r.callbackUrl : tenantCallbackUrl;
                planned.add(journal.task(
                        r,
                        TaskAction.PASS_CORRECTION,
                        null,
                        0,
                        new Envelope(r.subjectRef, url, journal.write(body)),
                        now));
            }
            default -> {}
        }
        return planned;
    }

    /** consent-service's use-stop ground for a stop that follows an erasure (decisions then answer ERASED). */
    static final String ERASURE_USE_STOP_GROUND = "ERASURE";

    /** Art. 35(3)/(5): thirdparty-service refuses new provisions of the person's data from now on. */
    private FulfilmentTask provisionStop(DataSubjectRequest r, OffsetDateTime now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ground", thirdpartyGround(r.stopGround));
        body.put("requestRef", r.id.toString());
        return journal.task(
                r, TaskAction.STOP_PROVISION, null, 0, new Envelope(r.subjectRef, null, journal.write(body)), now);
    }

    /** consent-service's use-stop grounds. */
    static String consentGround(StopGround ground) {
        return switch (ground) {
            case ART_35_1 -> "ART_35_1";
            case ART_35_5_A -> "ART_35_5_NO_LONGER_NEEDED";
            case ART_35_5_B -> "ART_35_5_LEAK";
            case ART_35_5_C -> "ART_35_5_HARM_RISK";
            case ART_35_3 -> "VOLUNTARY";
        };
    }

    /** thirdparty-service's provision-stop grounds. */
    static String thirdpartyGround(StopGround ground) {
        return switch (ground) {
            case ART_35_3, ART_35_1 -> "ART_35_3";
            case ART_35_5_A -> "ART_35_5_NO_LONGER_NEEDED";
            case ART_35_5_B -> "ART_35_5_LEAK";
            case ART_35_5_C -> "ART_35_5_HARM";
        };
    }

    private static String describe(Decision d, List<FulfilmentTask> planned) {
        String calls = String.join(
                ", ", planned.stream().map(t -> t.target + ":" + t.action).toList());
        return d.outcome() == DecisionOutcome.PARTIALLY_APPROVED
                ? "partially approved (" + d.refusalGround() + ": " + d.reason() + "); queued " + calls
                : "approved; queued " + calls;
    }

    static String correctionContext(DataSubjectRequest r) {
        return r.tenantId + "/" + r.id + "/correction.result";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
