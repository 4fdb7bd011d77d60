package dev.mamori.request.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.crypto.FieldCipher;
import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.persistence.PlainWrites;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.tenant.Roles;
import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.platform.time.JapanTime;
import dev.mamori.platform.validation.NotFutureValidator;
import dev.mamori.request.Channel;
import dev.mamori.request.DataSubjectRequest;
import dev.mamori.request.FulfilmentTask;
import dev.mamori.request.RequestEvent;
import dev.mamori.request.RequestEventKind;
import dev.mamori.request.RequestStatus;
import dev.mamori.request.RequestType;
import dev.mamori.request.client.ClientSystemUrls;
import dev.mamori.request.repository.DataSubjectRequestRepository;
import dev.mamori.request.repository.FulfilmentTaskRepository;
import dev.mamori.request.repository.IdentityDocumentCopyRepository;
import dev.mamori.request.repository.RequestEventRepository;
import dev.mamori.request.repository.RequestIntakeWriter;
import dev.mamori.request.service.RequestIntake.Contact;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Taking in, finding and cancelling data-subject requests (APPI Arts. 32-39). Every read and change of a request is
 * audited with the person's subjectRef in the same transaction, and every change is also written to the request's
 * own log.
 */
@ApplicationScoped
public class RequestService {

    static final String RESOURCE = "data-subject-request";
    /** A receivedAt older than this is a typing error, not a late-entered letter. */
    private static final Duration OLDEST_ARRIVAL = Duration.ofDays(366);

    /**
     * A request of the search results, with whether it is overdue today, while it is open the business days left
     * until its due date (negative once overdue), and the person's identifiers as the caller may see them.
     */
    public record Listed(
            DataSubjectRequest request,
            boolean overdue,
            Integer businessDaysLeft,
            RequestDetails.Identifiers identifiers) {}

    record StoredContact(String email, String phone, String postalAddress) {}

    record StoredCorrection(String claimedUntrue, String requestedContent) {}

    /** How an online filing's requester identified the person. */
    record StoredIdentifiers(String name, String email, String phone, String customerNumber) {}

    /** Receipt numbers drawn for one request at most before giving up: a clash is already a one-in-10^11 event. */
    private static final int RECEIPT_DRAWS = 5;

    private final DataSubjectRequestRepository requests;
    private final RequestEventRepository events;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final FieldCipher cipher;
    private final RequestConfig config;
    private final ObjectMapper json;
    private final RequestJournal journal;
    private final SettingsService settings;
    private final FulfilmentTaskRepository tasks;
    private final IdentityDocumentCopyRepository copies;
    private final ClientSystemUrls urls;
    private final Idempotency idempotency;
    private final FulfilmentService fulfilment;
    private final OutboxDeliverer deliverer;
    private final Clock clock;
    private final PlainWrites writes;
    private final RequestIntakeWriter writer;

    public RequestService(
            DataSubjectRequestRepository requests,
            RequestEventRepository events,
            TenantContext tenant,
            AuditLog audit,
            FieldCipher cipher,
            RequestConfig config,
            ObjectMapper json,
            RequestJournal journal,
            SettingsService settings,
            FulfilmentTaskRepository tasks,
            IdentityDocumentCopyRepository copies,
            ClientSystemUrls urls,
            Idempotency idempotency,
            FulfilmentService fulfilment,
            OutboxDeliverer deliverer,
            Clock clock,
            PlainWrites writes,
            RequestIntakeWriter writer) {
        this.writes = writes;
        this.writer = writer;
        this.urls = urls;
        this.journal = journal;
        this.settings = settings;
        this.tasks = tasks;
        this.copies = copies;
        this.requests = requests;
        this.events = events;
        this.tenant = tenant;
        this.audit = audit;
        this.cipher = cipher;
        this.config = config;
        this.json = json;
        this.idempotency = idempotency;
        this.fulfilment = fulfilment;
        this.deliverer = deliverer;
        this.clock = clock;
    }

    /**
     * Takes in a request, once per Idempotency-Key: a retry answers the request taken the first time. It starts
     * IDENTITY_UNVERIFIED: nothing is disclosed or changed before the requester (and any agent, Art. 37(3)) is
     * verified. A second open request of the same person and type is refused with the id of the first, so a duplicate
     * cannot run beside it (nor skip its verification).
     *
     * <p>An operator takes requests one at a time (a call, a letter, a visit) and client systems relay them as they
     * come, so this is a plain write of two round trips ({@code PlainWrites}): the tenant's settings read; then the
     * claim, the request, its first log line, its status callback (if the request or the tenant has a callback URL)
     * and the audit line with the commit. An open request of the same person and type is not looked up first and no
     * lock is taken: the partial unique index {@value RequestIntakeWriter#ONE_OPEN} refuses the second, also when two
     * race, and that refusal answers 409 duplicate-request naming the open one.
     */
    public Uni<Response> receive(
            String idempotencyKey, RequestIntake intake, Function<RequestDetails, Response> answer) {
        String tenantId = tenant.tenantId();
        Actor actor = Actor.of(tenant);
        return writes.<Facts, RequestDetails>once(
                        tenantId,
                        idempotencyKey,
                        "createRequest",
                        intake,
                        connection -> facts(connection, tenantId, intake),
                        (facts, statements) -> receive(tenantId, actor, intake, facts, statements),
                        answer)
                .map(Idempotency.Answered::response)
                .onFailure(RequestIntakeWriter::isOpenDuplicate)
                .recoverWithUni(() -> writer.open(tenantId, intake.subjectRef(), intake.type())
                        .map(open -> {
                            throw duplicate(intake.type(), open);
                        }));
    }

    /**
     * What an intake is checked against: the tenant's settings and whether the callback URL given may be called
     * (the outbound rule resolves the host, off the event loop, while the settings are read). A refused URL is kept
     * as what it is, so a retry with a stored answer is replayed first and the refusal comes after the body's own
     * rules, as before.
     */
    record Facts(RequestIntakeWriter.Settings settings, Throwable refusedUrl) {}

    private Uni<Facts> facts(io.vertx.mutiny.sqlclient.SqlClient connection, String tenantId, RequestIntake intake) {
        Uni<Throwable> url = urls.require(tenantId, "callbackUrl", intake.callbackUrl())
                .replaceWith((Throwable) null)
                .onFailure()
                .recoverWithItem(Function.identity());
        return Uni.combine()
                .all()
                .unis(writer.settings(connection, tenantId), url)
                .asTuple()
                .map(t -> new Facts(t.getItem1(), t.getItem2()));
    }

    /**
     * Checks one intake and adds its statements to the write; a refusal throws before anything is sent, so it leaves
     * no request, no log line, no audit line and no key.
     */
    private RequestDetails receive(
            String tenantId, Actor actor, RequestIntake intake, Facts facts, PlainWrites.Statements write) {
        Channel channel = channelOf(intake);
        checkRules(intake);
        // A callback URL makes us connect somewhere: checked against the outbound rule before anything is stored.
        if (facts.refusedUrl() != null) {
            if (facts.refusedUrl() instanceof RuntimeException refused) {
                throw refused;
            }
            throw new IllegalStateException(facts.refusedUrl());
        }
        OffsetDateTime now = now();
        OffsetDateTime receivedAt = receivedAt(intake, now);
        RequestIntakeWriter.Settings stored = facts.settings();
        // As SettingsService#effective: the tenant's SLA, or the suite's default when it has set none.
        int businessDaysToDue = stored.configured() ? stored.businessDaysToDue() : config.defaultBusinessDaysToDue();
        StoredContact contact = storedContact(intake.requester().contact());
        DataSubjectRequest r = newRequest(tenantId, intake, contact, channel, receivedAt, now, businessDaysToDue);
        RequestEvent e = journal.event(r, RequestEventKind.RECEIVED, "received by " + channel, actor, now);
        FulfilmentTask callback =
                journal.callback(r, e, r.callbackUrl != null ? r.callbackUrl : stored.clientCallbackUrl(), now);
        write.add(writer.insertRequest(), writer.values(r)).add(writer.insertEvent(), writer.values(e));
        if (callback != null) {
            write.add(writer.insertTask(), writer.values(callback));
        }
        write.audit(audit.entry(tenantId, "REQUEST_RECEIVED", RESOURCE, r.id, r.subjectRef));
        // The answer from what was just sealed, not by opening the ciphertexts again: the same text either way.
        return receipt(r, intake.requester().name(), contact);
    }

    /** The answer to an intake while the person has an open request of its type; {@code open} names it, if known. */
    private static ProblemException duplicate(RequestType type, RequestIntakeWriter.Open open) {
        if (open == null) {
            // Closed again between the refusal and this read: say what was refused without naming it.
            return ProblemException.conflict(
                    "duplicate-request",
                    "A request (" + type + ") for this person was still open; continue it instead of opening another");
        }
        return ProblemException.conflict(
                "duplicate-request",
                "Request " + open.id() + " (" + open.type() + ") for this person is still open (" + open.status()
                        + "); continue it instead of opening another");
    }

    /**
     * Closes an approved request whose fulfilment failed for good ({@link FulfilmentService#closeIncomplete}), once
     * per Idempotency-Key, and answers the request as it now reads.
     */
    public Uni<Response> close(
            String idempotencyKey, UUID id, Closure closure, Function<RequestDetails, Response> answer) {
        // The request id is part of what the key stands for: the same key and reason for another request is reuse.
        // A LinkedHashMap keeps the hashed order the same on every replica and restart.
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("requestId", id);
        call.put("reason", closure.reason());
        return idempotency.once(
                idempotencyKey,
                "closeRequest",
                call,
                () -> fulfilment.closeIncomplete(id, closure).chain(() -> get(id)),
                answer);
    }

    /**
     * Sends a request's failed calls again ({@link FulfilmentService#retry}); once that has committed, the outbox is
     * woken so they go out at once. Answers the request as it now reads.
     */
    public Uni<RequestDetails> retryFulfilment(UUID id) {
        return fulfilment.retry(id).invoke(deliverer::kick).chain(() -> get(id));
    }

    /** One request of the caller's tenant, with personal data as far as the caller's role may see it. */
    @WithTransaction
    public Uni<RequestDetails> get(UUID id) {
        String tenantId = tenant.tenantId();
        PersonalDataView view = PersonalDataView.forReader(tenant);
        return requests.findForTenant(tenantId, id).chain(r -> {
            if (r == null) {
                throw ProblemException.notFound("Request", id);
            }
            return audit.record(
                            view == PersonalDataView.FULL ? "REQUEST_READ_FULL" : "REQUEST_READ",
                            RESOURCE,
                            r.id,
                            r.subjectRef)
                    .chain(() -> tasks.ofRequest(tenantId, id))
                    .chain(found -> copies.countFor(tenantId, id)
                            .map(held -> details(r, view).with(found, held)));
        });
    }

    /** A page of the tenant's requests; each one listed is audited, since the list shows whose request it is. */
    @WithTransaction
    public Uni<List<Listed>> search(RequestSearch search, int offset, int limit) {
        String tenantId = tenant.tenantId();
        PersonalDataView view = PersonalDataView.forReader(tenant);
        LocalDate today = JapanTime.today(clock);
        return requests.search(tenantId, search, today, offset, limit)
                // One line per listed request, appended as one batch in this transaction.
                .call(found -> audit.recordAll(
                        tenantId,
                        found.stream()
                                .map(r -> audit.entry("REQUEST_LISTED", RESOURCE, r.id, r.subjectRef))
                                .toList()))
                .map(found -> found.stream()
                        .map(r -> new Listed(
                                r,
                                Deadlines.overdue(r.dueOn, r.status.isTerminal(), today),
                                r.status.isTerminal() ? null : Deadlines.businessDaysLeft(r.dueOn, today),
                                identifiers(r, view)))
                        .toList());
    }

    /** Cancels an open request, e.g. because the person withdrew it. A closed request stays as it ended. */
    @WithTransaction
    public Uni<RequestDetails> cancel(UUID id, Cancellation cancellation) {
        String tenantId = tenant.tenantId();
        return requests.lockForTenant(tenantId, id).chain(r -> {
            if (r == null) {
                throw ProblemException.notFound("Request", id);
            }
            if (r.status.isTerminal()) {
                throw ProblemException.conflict(
                        "request-closed",
                        "Request " + id + " is already " + r.status + " and can no longer be cancelled");
            }
            // OpenGDPR practice: cancel only while pending. Once approved, calls to the suite are under way.
            if (r.status == RequestStatus.IN_PROGRESS) {
                throw ProblemException.conflict(
                        "request-in-progress",
                        "Request " + id + " was approved and is " + "being carried out; it can no longer be cancelled");
            }
            OffsetDateTime now = now();
            r.status = RequestStatus.CANCELLED;
            r.closedAt = now;
            r.closeReason = cancellation.reason();
            r.pausedAt = null;
            r.pausedFrom = null;
            return journal.append(r, RequestEventKind.CANCELLED, cancellation.reason(), Actor.of(tenant), now)
                    .call(() -> audit.record("REQUEST_CANCELLED", RESOURCE, r.id, r.subjectRef))
                    .map(e -> details(r, PersonalDataView.forReader(tenant)));
        });
    }

    /** A page of the request's log, oldest first. */
    @WithTransaction
    public Uni<List<RequestEvent>> log(UUID id, int offset, int limit) {
        String tenantId = tenant.tenantId();
        return requests.findForTenant(tenantId, id).chain(r -> {
            if (r == null) {
                throw ProblemException.notFound("Request", id);
            }
            return audit.record("REQUEST_LOG_READ", RESOURCE, r.id, r.subjectRef)
                    .chain(() -> events.logOf(tenantId, id, offset, limit));
        });
    }

    /**
     * Takes in a request its requester filed online and confirmed with the code mailed to them
     * ({@link OnlineFilingService}), inside the caller's transaction. It has no subjectRef yet (the requester does
     * not know the company's reference): staff link it ({@link #linkSubject}) from the identifiers the requester
     * gave, and nothing is carried out before that. It gets a receipt number the requester can quote.
     */
    Uni<RequestDetails> receiveFiled(RequestIntake intake, StoredIdentifiers identifiers) {
        String tenantId = tenant.tenantId();
        OffsetDateTime now = now();
        return settings.effective(tenantId)
                .chain(sla -> freeReceiptNumber(tenantId, RECEIPT_DRAWS).chain(receipt -> {
                    DataSubjectRequest r = newRequest(
                            tenantId,
                            intake,
                            storedContact(intake.requester().contact()),
                            Channel.WEB,
                            now,
                            now,
                            sla.businessDaysToDue());
                    r.receiptNumber = receipt;
                    r.identifiersCipher = cipher.encrypt(write(identifiers), context(r, "identifiers"));
                    return requests.persist(r)
                            .chain(() -> journal.append(
                                    r,
                                    RequestEventKind.RECEIVED,
                                    "filed online on the privacy center (receipt " + receipt + "), confirmed with the "
                                            + "code mailed to the requester; the person is not linked yet",
                                    Actor.of(tenant),
                                    now))
                            .call(() -> audit.record("REQUEST_RECEIVED", RESOURCE, r.id, null))
                            .map(e -> details(r, PersonalDataView.RECEIPT));
                }));
    }

    /** A receipt number no request of the tenant has; the unique index is the backstop under concurrency. */
    private Uni<String> freeReceiptNumber(String tenantId, int draws) {
        String candidate = ReceiptNumbers.next();
        return requests.findByReceipt(tenantId, candidate).chain(taken -> {
            if (taken == null) {
                return Uni.createFrom().item(candidate);
            }
            if (draws <= 1) {
                throw new IllegalStateException("No free receipt number after " + RECEIPT_DRAWS + " draws");
            }
            return freeReceiptNumber(tenantId, draws - 1);
        });
    }

    /**
     * Links a request filed online to the client company's reference of the person, once: the same reference again
     * changes nothing, another one is refused (the request is about one person). Only then can the request be
     * approved and carried out across the suite. A second open request of the person and type is refused as at intake.
     */
    @WithTransaction
    public Uni<RequestDetails> linkSubject(UUID id, SubjectLink link) {
        String tenantId = tenant.tenantId();
        String subjectRef = link.subjectRef();
        return requests.lockForTenant(tenantId, id).chain(r -> {
            if (r == null) {
                throw ProblemException.notFound("Request", id);
            }
            if (subjectRef.equals(r.subjectRef)) {
                return audit.record("REQUEST_READ", RESOURCE, r.id, r.subjectRef)
                        .map(v -> details(r, PersonalDataView.forReader(tenant)));
            }
            if (r.subjectRef != null) {
                throw ProblemException.conflict(
                        "subject-already-linked",
                        "Request " + id + " is already linked to another person; a request is about one person");
            }
            if (r.status.isTerminal()) {
                throw ProblemException.conflict("request-closed", "Request " + id + " is already " + r.status);
            }
            return requests.lockIntake(tenantId, subjectRef, r.type)
                    .chain(() -> requests.findOpen(tenantId, subjectRef, r.type))
                    .chain(open -> {
                        if (open != null) {
                            throw ProblemException.conflict(
                                    "duplicate-request",
                                    "Request " + open.id + " (" + open.type + ") for this person is still open ("
                                            + open.status + "); continue it and cancel this one");
                        }
                        OffsetDateTime now = now();
                        r.subjectRef = subjectRef;
                        Actor actor = Actor.of(tenant);
                        return journal.append(
                                        r,
                                        RequestEventKind.SUBJECT_LINKED,
                                        "linked to " + subjectRef + " by " + actor.subject(),
                                        actor,
                                        now)
                                .call(() -> audit.record("REQUEST_SUBJECT_LINKED", RESOURCE, r.id, subjectRef))
                                .chain(() -> tasks.ofRequest(tenantId, id))
                                .chain(found -> copies.countFor(tenantId, id)
                                        .map(held -> details(r, PersonalDataView.forReader(tenant))
                                                .with(found, held)));
                    });
        });
    }

    /** A client system relays requests by default; staff say how the request reached them. */
    private Channel channelOf(RequestIntake intake) {
        if (intake.channel() != null) {
            return intake.channel();
        }
        if (tenant.hasRole(Roles.CLIENT_SYSTEM)) {
            return Channel.CLIENT_SYSTEM;
        }
        throw ProblemException.invalidField(
                "channel",
                "must say how the request arrived (WEB, PHONE, LETTER, EMAIL, " + "IN_PERSON or CLIENT_SYSTEM)");
    }

    /** The rules a well-formed intake can still break; each names the field to fix and changes nothing. */
    static void checkRules(RequestIntake intake) {
        IntakeRules.check(
                intake.type(),
                intake.requester(),
                intake.agent(),
                intake.deliveryMethod(),
                intake.ground(),
                intake.correction());
    }

    private OffsetDateTime receivedAt(RequestIntake intake, OffsetDateTime now) {
        if (intake.receivedAt() == null) {
            return now;
        }
        OffsetDateTime at = intake.receivedAt().truncatedTo(ChronoUnit.MICROS);
        if (at.isAfter(now.plus(NotFutureValidator.CLOCK_SKEW)) || at.isBefore(now.minus(OLDEST_ARRIVAL))) {
            throw ProblemException.unprocessable(
                    "received-at-out-of-range",
                    "Arrival time out of range",
                    "receivedAt",
                    "must not be in the future nor more than a year ago");
        }
        return at;
    }

    /** The requester's contact as it is stored (sealed): blank parts left out, the others trimmed. */
    private static StoredContact storedContact(Contact c) {
        return new StoredContact(trimToNull(c.email()), trimToNull(c.phone()), trimToNull(c.postalAddress()));
    }

    private DataSubjectRequest newRequest(
            String tenantId,
            RequestIntake intake,
            StoredContact contact,
            Channel channel,
            OffsetDateTime receivedAt,
            OffsetDateTime now,
            int businessDaysToDue) {
        DataSubjectRequest r = new DataSubjectRequest();
        r.id = UUID.randomUUID();
        r.tenantId = tenantId;
        r.type = intake.type();
        r.status = RequestStatus.IDENTITY_UNVERIFIED;
        r.subjectRef = intake.subjectRef();
        r.channel = channel;
        r.receivedAt = receivedAt;
        r.statutoryMarkerOn = Deadlines.statutoryMarker(intake.type(), receivedAt);
        r.dueOn = Deadlines.dueOn(receivedAt, businessDaysToDue);
        r.slaBusinessDays = businessDaysToDue;
        r.sourceActor = tenant.actorSubject();
        r.sourceClient = tenant.actorClient();
        r.requesterRelation = intake.requester().relation();
        r.requesterNameCipher = cipher.encrypt(intake.requester().name(), context(r, "requester.name"));
        r.requesterContactCipher = cipher.encrypt(write(contact), context(r, "requester.contact"));
        if (intake.agent() != null) {
            r.agentType = intake.agent().type();
            r.agentEvidenceCipher = cipher.encrypt(intake.agent().evidenceDescription(), context(r, "agent.evidence"));
        }
        r.deliveryMethod = intake.deliveryMethod();
        r.stopGround = intake.ground();
        if (intake.correction() != null) {
            r.correctionKind = intake.correction().kind();
            r.correctionItem = intake.correction().dataItem();
            r.correctionCipher = cipher.encrypt(
                    write(new StoredCorrection(
                            intake.correction().claimedUntrue(),
                            intake.correction().requestedContent())),
                    context(r, "correction"));
        }
        r.externalId = intake.externalId();
        r.callbackUrl = intake.callbackUrl();
        r.createdAt = now;
        r.updatedAt = now;
        r.lastEventSeq = 0;
        return r;
    }

    /** Decrypts what {@code view} shows and masks what it shows only in part. */
    RequestDetails details(DataSubjectRequest r, PersonalDataView view) {
        String name = cipher.decrypt(r.requesterNameCipher, context(r, "requester.name"));
        StoredContact contact =
                read(cipher.decrypt(r.requesterContactCipher, context(r, "requester.contact")), StoredContact.class);
        return details(r, view, name, contact);
    }

    /**
     * The answer to an intake ({@link PersonalDataView#RECEIPT}) of a request just made from {@code name} and
     * {@code contact}, the plain text its ciphertexts were sealed from: what {@link #details(DataSubjectRequest,
     * PersonalDataView)} would decrypt, without opening them again (a receipt shows no agent evidence, correction or
     * identifiers, the other sealed fields).
     */
    RequestDetails receipt(DataSubjectRequest r, String name, StoredContact contact) {
        return details(r, PersonalDataView.RECEIPT, name, contact);
    }

    private RequestDetails details(DataSubjectRequest r, PersonalDataView view, String name, StoredContact contact) {
        LocalDate today = JapanTime.today(clock);
        boolean overdue = Deadlines.overdue(r.dueOn, r.status.isTerminal(), today);
        Integer daysLeft = r.status.isTerminal() ? null : Deadlines.businessDaysLeft(r.dueOn, today);
        RequestDetails.Identifiers ids = identifiers(r, view);
        if (view == PersonalDataView.FULL) {
            StoredCorrection correction = r.correctionCipher == null
                    ? null
                    : read(cipher.decrypt(r.correctionCipher, context(r, "correction")), StoredCorrection.class);
            return new RequestDetails(
                    r,
                    overdue,
                    daysLeft,
                    view,
                    name,
                    contact.email(),
                    contact.phone(),
                    contact.postalAddress(),
                    cipher.decrypt(r.agentEvidenceCipher, context(r, "agent.evidence")),
                    correction == null ? null : correction.claimedUntrue(),
                    correction == null ? null : correction.requestedContent(),
                    ids);
        }
        return new RequestDetails(
                r,
                overdue,
                daysLeft,
                view,
                view == PersonalDataView.RECEIPT ? Masking.name(name) : name,
                Masking.email(contact.email()),
                Masking.phone(contact.phone()),
                Masking.postalAddress(contact.postalAddress()),
                view == PersonalDataView.RECEIPT
                        ? null
                        : cipher.decrypt(r.agentEvidenceCipher, context(r, "agent.evidence")),
                null,
                null,
                ids);
    }

    /**
     * The person's identifiers for a reader who need not see them whole: contact masked as the requester's is; the
     * name and the customer number stay readable for MASKED (staff look the person up by them to link the request),
     * and in a RECEIPT the name is masked and the customer number left out.
     */
    private static RequestDetails.Identifiers maskedIdentifiers(StoredIdentifiers ids, PersonalDataView view) {
        boolean receipt = view == PersonalDataView.RECEIPT;
        return new RequestDetails.Identifiers(
                receipt ? Masking.name(ids.name()) : ids.name(),
                Masking.email(ids.email()),
                Masking.phone(ids.phone()),
                receipt ? null : ids.customerNumber());
    }

    /** An online filing's identifiers of the person as {@code view} shows them; null for other requests. */
    RequestDetails.Identifiers identifiers(DataSubjectRequest r, PersonalDataView view) {
        if (r.identifiersCipher == null) {
            return null;
        }
        StoredIdentifiers ids =
                read(cipher.decrypt(r.identifiersCipher, context(r, "identifiers")), StoredIdentifiers.class);
        return view == PersonalDataView.FULL
                ? new RequestDetails.Identifiers(ids.name(), ids.email(), ids.phone(), ids.customerNumber())
                : maskedIdentifiers(ids, view);
    }

    /** The requester's contact, decrypted (to compare what a requester gives with what they filed). */
    StoredContact requesterContact(DataSubjectRequest r) {
        return read(cipher.decrypt(r.requesterContactCipher, context(r, "requester.contact")), StoredContact.class);
    }

    /** Where a ciphertext belongs: it decrypts only there. */
    private static String context(DataSubjectRequest r, String field) {
        return r.tenantId + "/" + r.id + "/" + field;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise personal data for encryption", e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Decrypted personal data is not the expected JSON", e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trimToNull(String s) {
        return blank(s) ? null : s.trim();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
