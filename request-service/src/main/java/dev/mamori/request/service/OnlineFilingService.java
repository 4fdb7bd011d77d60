package dev.mamori.request.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.crypto.FieldCipher;
import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.mail.MailMessage;
import dev.mamori.platform.problem.Problem;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.request.DataSubjectRequest;
import dev.mamori.request.DeliveryMethod;
import dev.mamori.request.OnlineFiling;
import dev.mamori.request.RequestStatus;
import dev.mamori.request.RequestType;
import dev.mamori.request.StopGround;
import dev.mamori.request.repository.DataSubjectRequestRepository;
import dev.mamori.request.repository.OnlineFilingRepository;
import dev.mamori.request.service.OnlineFilingForm.Person;
import dev.mamori.request.service.RequestIntake.Agent;
import dev.mamori.request.service.RequestIntake.Correction;
import dev.mamori.request.service.RequestIntake.Requester;
import dev.mamori.request.service.RequestService.StoredContact;
import dev.mamori.request.service.RequestService.StoredIdentifiers;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Requests filed online on the privacy center (APPI Art. 32(1)(iii): the company says how requests are made; a web
 * form is one way). A filing becomes a request only once its requester confirms it with the six-digit code mailed to
 * the address they gave ({@link OneTimeCode}): the request then exists, channel WEB, with a receipt number, and its
 * requester can ask where it stands with the receipt number and that address. Every step is audited; the filing's
 * content is stored encrypted like the request's.
 */
@ApplicationScoped
public class OnlineFilingService {

    static final String RESOURCE = "online-filing";
    /** An unconfirmed filing is kept this long after it was made, then deleted with what it said. */
    static final Duration KEEP_UNCONFIRMED = Duration.ofDays(1);

    private static final Logger LOG = Logger.getLogger(OnlineFilingService.class);
    private static final int PURGE_BATCH = 200;

    /** The filing as sent, kept encrypted until it is confirmed. */
    record StoredFiling(
            Requester requester,
            Agent agent,
            Person person,
            DeliveryMethod deliveryMethod,
            StopGround ground,
            Correction correction) {}

    /** A code was mailed; it is valid until {@code codeExpiresAt}. */
    public record CodeSent(UUID filingId, OffsetDateTime codeExpiresAt) {}

    /**
     * The request a confirmed filing became, and the token with which its requester may upload identity documents
     * ({@link RequesterDocumentService}) until {@code uploadWindow} has passed.
     */
    public record Filed(
            UUID requestId,
            String receiptNumber,
            RequestStatus status,
            OffsetDateTime receivedAt,
            LocalDate dueDate,
            String uploadToken) {

        /** As stored with an Idempotency-Key: without the token, which a replay decrypts again. */
        Filed withoutToken() {
            return new Filed(requestId, receiptNumber, status, receivedAt, dueDate, null);
        }
    }

    /** Where a request filed online stands, as its requester may know it. */
    public record FiledStatus(
            String receiptNumber,
            RequestType type,
            RequestStatus status,
            OffsetDateTime receivedAt,
            LocalDate dueDate) {}

    /** A try of the code: the request it made, or the wrong code's tries left (committed either way). */
    public record Attempt(Filed filed, Integer attemptsLeft) {}

    private final OnlineFilingRepository filings;
    private final DataSubjectRequestRepository requests;
    private final RequestService requestService;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final FieldCipher cipher;
    private final ObjectMapper json;
    private final Idempotency idempotency;
    private final FilingMail mail;
    private final RequesterUploads uploads;
    private final Clock clock;

    public OnlineFilingService(
            OnlineFilingRepository filings,
            DataSubjectRequestRepository requests,
            RequestService requestService,
            TenantContext tenant,
            AuditLog audit,
            FieldCipher cipher,
            ObjectMapper json,
            Idempotency idempotency,
            FilingMail mail,
            RequesterUploads uploads,
            Clock clock) {
        this.filings = filings;
        this.requests = requests;
        this.requestService = requestService;
        this.tenant = tenant;
        this.audit = audit;
        this.cipher = cipher;
        this.json = json;
        this.idempotency = idempotency;
        this.mail = mail;
        this.uploads = uploads;
        this.clock = clock;
    }

    /** Takes a filing and mails its code, once per Idempotency-Key (a retry answers the first filing). */
    public Uni<Response> file(String idempotencyKey, OnlineFilingForm form, Function<CodeSent, Response> answer) {
        checkRules(form);
        return idempotency.once(idempotencyKey, "fileOnline", form, () -> file(form), answer);
    }

    private Uni<CodeSent> file(OnlineFilingForm form) {
        String tenantId = tenant.tenantId();
        OffsetDateTime now = now();
        OneTimeCode.Issued code = OneTimeCode.issue(now);
        OnlineFiling f = new OnlineFiling();
        f.id = UUID.randomUUID();
        f.tenantId = tenantId;
        f.type = form.type();
        f.language = form.language();
        f.contentCipher = cipher.encrypt(
                write(new StoredFiling(
                        form.requester(),
                        form.agent(),
                        form.person(),
                        form.deliveryMethod(),
                        form.ground(),
                        form.correction())),
                context(f));
        f.codeSalt = code.salt();
        f.codeHash = code.hash();
        f.codeExpiresAt = code.expiresAt();
        f.attemptsLeft = OneTimeCode.TRIES;
        f.codesSent = 1;
        f.createdAt = now;
        f.updatedAt = now;
        return filings.persist(f)
                .call(() -> audit.record("ONLINE_FILING_RECEIVED", RESOURCE, f.id, null))
                .call(() -> mailCode(f, form.requester().contact().email().trim(), code.code()))
                .map(x -> new CodeSent(f.id, f.codeExpiresAt));
    }

    /** Mails a fresh code for an unconfirmed filing; the old one is void and the tries start again. */
    public Uni<CodeSent> resend(UUID filingId) {
        String tenantId = tenant.tenantId();
        return Panache.withTransaction(
                () -> filings.lockForTenant(tenantId, filingId).chain(f -> {
                    if (f == null) {
                        throw filingNotFound(filingId);
                    }
                    if (f.codesSent >= OneTimeCode.MAX_SENDS) {
                        throw new ProblemException(
                                429,
                                "code-resend-limit",
                                "No more codes for this filing",
                                "Filing " + filingId + " was sent " + f.codesSent + " codes already; file it again",
                                null);
                    }
                    OffsetDateTime now = now();
                    OneTimeCode.Issued code = OneTimeCode.issue(now);
                    f.codeSalt = code.salt();
                    f.codeHash = code.hash();
                    f.codeExpiresAt = code.expiresAt();
                    f.attemptsLeft = OneTimeCode.TRIES;
                    f.codesSent++;
                    f.updatedAt = now;
                    StoredFiling content = content(f);
                    return audit.record("ONLINE_FILING_CODE_SENT", RESOURCE, f.id, null)
                            .call(() -> mailCode(
                                    f, content.requester().contact().email().trim(), code.code()))
                            .map(x -> new CodeSent(f.id, f.codeExpiresAt));
                }));
    }

    /**
     * Tries a code, once per Idempotency-Key. The right code makes the request; a wrong one counts down and is
     * answered (422 with {@code attemptsLeft}) after its count has committed, so a caller cannot retry its way past
     * the limit; an expired or spent code changes nothing.
     */
    public Uni<Response> confirm(
            String idempotencyKey, UUID filingId, String code, String path, Function<Filed, Response> created) {
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("filingId", filingId);
        call.put("code", code);
        // The stored answer never holds the upload token (it is kept only hashed and encrypted): the answer sent
        // now carries it, and a replay gets it back decrypted.
        return idempotency
                .answered(
                        idempotencyKey,
                        "confirmOnlineFiling",
                        call,
                        () -> attempt(filingId, code),
                        a -> a.filed() != null
                                ? created.apply(a.filed().withoutToken())
                                : codeWrong(a.attemptsLeft(), path))
                .chain(done -> {
                    if (!done.replayed()) {
                        Attempt a = done.result();
                        return Uni.createFrom().item(a.filed() != null ? created.apply(a.filed()) : done.response());
                    }
                    return done.response().getStatus() == 201
                            ? uploads.withToken(done.response())
                            : Uni.createFrom().item(done.response());
                });
    }

    private Uni<Attempt> attempt(UUID filingId, String code) {
        String tenantId = tenant.tenantId();
        OffsetDateTime now = now();
        return filings.lockForTenant(tenantId, filingId).chain(f -> {
            if (f == null) {
                throw filingNotFound(filingId);
            }
            OneTimeCode.Outcome outcome =
                    OneTimeCode.check(code, f.codeSalt, f.codeHash, f.codeExpiresAt, f.attemptsLeft, now);
            if (outcome instanceof OneTimeCode.Exhausted) {
                throw new ProblemException(
                        429,
                        "code-tries-exhausted",
                        "Too many wrong codes",
                        "The code of filing " + filingId + " was entered wrongly " + OneTimeCode.TRIES
                                + " times; ask for a new code",
                        null);
            }
            if (outcome instanceof OneTimeCode.Expired) {
                throw new ProblemException(
                        410,
                        "code-expired",
                        "Code expired",
                        "The code of filing " + filingId + " expired; ask for a new code",
                        null);
            }
            if (outcome instanceof OneTimeCode.Wrong wrong) {
                f.attemptsLeft = wrong.attemptsLeft();
                f.updatedAt = now;
                return audit.record(
                                tenantId,
                                tenant.actorSubject(),
                                tenant.actorClient(),
                                "ONLINE_FILING_CODE_WRONG",
                                RESOURCE,
                                f.id,
                                null,
                                "FAILURE")
                        .map(x -> new Attempt(null, wrong.attemptsLeft()));
            }
            return confirmed(f);
        });
    }

    private Uni<Attempt> confirmed(OnlineFiling f) {
        StoredFiling content = content(f);
        RequestIntake intake = new RequestIntake(
                f.type,
                null,
                null,
                null,
                content.requester(),
                content.agent(),
                content.deliveryMethod(),
                content.ground(),
                content.correction(),
                null,
                null);
        Person p = content.person();
        StoredIdentifiers identifiers = new StoredIdentifiers(
                p.name().trim(), trimToNull(p.email()), trimToNull(p.phone()), trimToNull(p.customerNumber()));
        return requestService
                .receiveFiled(intake, identifiers)
                .call(() -> audit.record("ONLINE_FILING_CONFIRMED", RESOURCE, f.id, null))
                // The filing's content now lives in the request: the filing itself goes.
                .call(() -> filings.delete(f))
                // The person's later mails (refusal, extension, result) speak the filing's language.
                .invoke(d -> d.request().language = f.language)
                .chain(d -> uploads.grant(d.request(), now()).map(token -> new Made(d.request(), token)))
                .call(made -> mail.companyOf(f.tenantId)
                        .chain(company -> mail.send(
                                f.tenantId,
                                FilingMails.receipt(
                                        f.language,
                                        company,
                                        content.requester().contact().email().trim(),
                                        made.request().receiptNumber,
                                        made.request().type,
                                        made.request().dueOn))))
                .map(made -> {
                    DataSubjectRequest r = made.request();
                    return new Attempt(
                            new Filed(r.id, r.receiptNumber, r.status, r.receivedAt, r.dueOn, made.uploadToken()),
                            null);
                });
    }

    /** The request a filing made, and its requester's upload token. */
    private record Made(DataSubjectRequest request, String uploadToken) {}

    /**
     * Where a request filed online stands, for whoever knows its receipt number and the requester's email. A wrong
     * pair, an unknown number and another tenant's are answered alike (nothing is revealed); a wrong email for a
     * known number is audited on that request.
     */
    public Uni<FiledStatus> status(StatusQuery query) {
        String tenantId = tenant.tenantId();
        String receipt = query.receiptNumber().trim().toUpperCase(Locale.ROOT);
        return Panache.withTransaction(
                        () -> requests.findByReceipt(tenantId, receipt).chain(r -> {
                            if (r == null) {
                                return Uni.createFrom().item(Optional.<FiledStatus>empty());
                            }
                            boolean match = sameEmail(requestService.requesterContact(r), query.email());
                            return audit.record(
                                            tenantId,
                                            tenant.actorSubject(),
                                            tenant.actorClient(),
                                            match ? "REQUEST_STATUS_READ" : "REQUEST_STATUS_REFUSED",
                                            RequestService.RESOURCE,
                                            r.id,
                                            r.subjectRef,
                                            match ? "SUCCESS" : "FAILURE")
                                    .map(x -> match
                                            ? Optional.of(new FiledStatus(
                                                    r.receiptNumber, r.type, r.status, r.receivedAt, r.dueOn))
                                            : Optional.<FiledStatus>empty());
                        }))
                .map(found -> found.orElseThrow(() -> new ProblemException(
                        404,
                        "receipt-not-found",
                        "Receipt not found",
                        "No request with this receipt number and email",
                        null)));
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        return forgetUnconfirmed()
                .onFailure()
                .invoke(e -> LOG.warnf("Deleting unconfirmed filings failed: %s", e.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * Deletes up to one batch of filings never confirmed, with what they said, a day after they were made; each
     * deletion is audited (Art. 23). Answers how many.
     */
    public Uni<Integer> forgetUnconfirmed() {
        OffsetDateTime before = now().minus(KEEP_UNCONFIRMED);
        return Panache.withTransaction(
                () -> filings.madeBefore(before, PURGE_BATCH).chain(found -> Multi.createFrom()
                        .iterable(found)
                        .onItem()
                        .transformToUniAndConcatenate(f -> audit.record(
                                        f.tenantId,
                                        Actor.SYSTEM.subject(),
                                        Actor.SYSTEM.client(),
                                        "ONLINE_FILING_DELETED",
                                        RESOURCE,
                                        f.id,
                                        null,
                                        "SUCCESS")
                                .chain(() -> filings.delete(f))
                                .map(x -> f.id))
                        .collect()
                        .asList()
                        .map(List::size)));
    }

    /** What Bean Validation cannot say: where the code goes, whom the request is about, and the type's parts. */
    static void checkRules(OnlineFilingForm form) {
        if (blank(form.requester().contact().email())) {
            throw ProblemException.invalidField(
                    "requester.contact.email", "must be given: the code that confirms the filing is mailed there");
        }
        if (!MailMessage.isAddress(form.requester().contact().email().trim())) {
            throw ProblemException.invalidField("requester.contact.email", "must be one mail address");
        }
        if (!form.person().identifiable()) {
            throw ProblemException.invalidField(
                    "person", "must give at least one of email, phone or customerNumber besides the name");
        }
        IntakeRules.check(
                form.type(), form.requester(), form.agent(), form.deliveryMethod(), form.ground(), form.correction());
    }

    private Uni<Void> mailCode(OnlineFiling f, String to, String code) {
        return mail.companyOf(f.tenantId)
                .chain(company -> mail.send(f.tenantId, FilingMails.code(f.language, company, to, code)));
    }

    /** 422 code-wrong with the tries left, as the problem mapper writes problems. */
    static Response codeWrong(int attemptsLeft, String path) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", Problem.type("code-wrong"));
        body.put("title", "Wrong code");
        body.put("status", 422);
        body.put(
                "detail",
                attemptsLeft == 0
                        ? "The code is wrong; no tries are left, ask for a new code"
                        : "The code is wrong; " + attemptsLeft + " tries left");
        body.put("instance", path);
        body.put("errors", List.of(new Problem.FieldError("code", "is not the code that was mailed")));
        body.put("attemptsLeft", attemptsLeft);
        return Response.status(422).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private static ProblemException filingNotFound(UUID id) {
        return new ProblemException(
                404,
                "filing-not-found",
                "Filing not found",
                "No unconfirmed filing " + id + " (unknown, or already confirmed)",
                null);
    }

    /** The emails compared case-insensitively and in constant time. */
    private static boolean sameEmail(StoredContact contact, String given) {
        if (contact.email() == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(
                contact.email().trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8),
                given.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }

    private StoredFiling content(OnlineFiling f) {
        try {
            return json.readValue(cipher.decrypt(f.contentCipher, context(f)), StoredFiling.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Decrypted filing is not the expected JSON", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise the filing for encryption", e);
        }
    }

    /** Where the filing's ciphertext belongs: it decrypts only there. */
    private static String context(OnlineFiling f) {
        return f.tenantId + "/filing/" + f.id + "/content";
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
