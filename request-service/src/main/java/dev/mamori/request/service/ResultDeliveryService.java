package dev.mamori.request.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.crypto.FieldCipher;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.request.DataSubjectRequest;
import dev.mamori.request.RequestEventKind;
import dev.mamori.request.RequestStatus;
import dev.mamori.request.RequestType;
import dev.mamori.request.ResultDelivery;
import dev.mamori.request.repository.DataSubjectRequestRepository;
import dev.mamori.request.repository.RequestResultRepository;
import dev.mamori.request.repository.ResultDeliveryRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Electronic delivery of a result (APPI Art. 33(1): disclosure by electronic record when the person asks for it).
 * When a request filed online with delivery ELECTRONIC is completed, the requester is mailed a link to the privacy
 * center. The link alone opens nothing: each visit asks for a fresh six-digit code mailed to the requester's address
 * ({@link OneTimeCode}), and the right code gives a short grant to download the result as HTML, JSON or CSV. Every
 * step is audited; every download is also on the request's timeline.
 */
@ApplicationScoped
public class ResultDeliveryService {

    static final String RESOURCE = "result-delivery";
    public static final List<String> FORMATS = List.of("html", "json", "csv");
    /** Codes one delivery may send per {@link #CODE_WINDOW}. */
    static final int CODES_PER_WINDOW = 5;

    static final Duration CODE_WINDOW = Duration.ofHours(1);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    /** A code was mailed to {@code sentTo} (masked); it is valid until {@code expiresAt}. */
    public record CodeSent(String sentTo, OffsetDateTime expiresAt) {}

    /** The right code: the grant to download, and what the page shows. */
    public record Granted(
            String grant,
            OffsetDateTime grantExpiresAt,
            String receiptNumber,
            RequestType requestType,
            List<String> formats,
            OffsetDateTime linkExpiresAt) {}

    /** A try of the code: the grant, or the wrong code's tries left (committed either way). */
    public record Attempt(Granted granted, Integer attemptsLeft) {}

    /** What a download hands over. */
    public record Download(FulfilmentService.Result result, String receiptNumber) {}

    private final ResultDeliveryRepository deliveries;
    private final DataSubjectRequestRepository requests;
    private final RequestResultRepository results;
    private final RequestJournal journal;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final FieldCipher cipher;
    private final ObjectMapper json;
    private final FilingMail mail;
    private final RequestConfig config;
    private final Clock clock;

    public ResultDeliveryService(
            ResultDeliveryRepository deliveries,
            DataSubjectRequestRepository requests,
            RequestResultRepository results,
            RequestJournal journal,
            TenantContext tenant,
            AuditLog audit,
            FieldCipher cipher,
            ObjectMapper json,
            FilingMail mail,
            RequestConfig config,
            Clock clock) {
        this.deliveries = deliveries;
        this.requests = requests;
        this.results = results;
        this.journal = journal;
        this.tenant = tenant;
        this.audit = audit;
        this.cipher = cipher;
        this.json = json;
        this.mail = mail;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Inside the transaction that completes {@code r}: makes its delivery, mails the link to {@code to} and puts it
     * on the timeline. The mail carries the receipt number and the kind of request, nothing else about the person.
     */
    Uni<Void> open(DataSubjectRequest r, String to, String company, OffsetDateTime now) {
        String token = randomToken();
        ResultDelivery d = new ResultDelivery();
        d.id = UUID.randomUUID();
        d.tenantId = r.tenantId;
        d.requestId = r.id;
        d.tokenHash = sha256(token);
        d.expiresAt = now.plus(config.delivery().linkValidity());
        d.attemptsLeft = 0;
        d.codesInWindow = 0;
        d.downloads = 0;
        d.createdAt = now;
        d.updatedAt = now;
        String link = config.centerUrl().replaceAll("/+$", "") + "/t/" + r.tenantId + "/downloads/" + token;
        return deliveries
                .persist(d)
                .call(() -> mail.send(
                        r.tenantId,
                        NoticeMails.deliveryLink(r.language, company, to, r.receiptNumber, r.type, link, d.expiresAt)))
                .call(() -> journal.append(
                        r,
                        RequestEventKind.RESULT_DELIVERY_SENT,
                        "download link mailed to the requester, valid until " + d.expiresAt,
                        Actor.SYSTEM,
                        now))
                .call(() -> audit.record(
                        r.tenantId,
                        Actor.SYSTEM.subject(),
                        Actor.SYSTEM.client(),
                        "RESULT_DELIVERY_SENT",
                        RESOURCE,
                        d.id,
                        r.subjectRef,
                        "SUCCESS"))
                .replaceWithVoid();
    }

    /** Mails a fresh code for the link; the previous code is void and the tries start again. */
    public Uni<CodeSent> sendCode(String token) {
        String tenantId = tenant.tenantId();
        OffsetDateTime now = now();
        return Panache.withTransaction(() -> live(tenantId, token, now).chain(d -> {
            if (d.codeWindowStart == null || !now.isBefore(d.codeWindowStart.plus(CODE_WINDOW))) {
                d.codeWindowStart = now;
                d.codesInWindow = 0;
            }
            if (d.codesInWindow >= CODES_PER_WINDOW) {
                throw new ProblemException(
                        429,
                        "code-resend-limit",
                        "No more codes for now",
                        "This link was sent " + d.codesInWindow + " codes in the last hour; try again later",
                        null);
            }
            OneTimeCode.Issued code = OneTimeCode.issue(now);
            d.codeSalt = code.salt();
            d.codeHash = code.hash();
            d.codeExpiresAt = code.expiresAt();
            d.attemptsLeft = OneTimeCode.TRIES;
            d.codesInWindow++;
            d.updatedAt = now;
            return requests.findForTenant(tenantId, d.requestId).chain(r -> {
                String to = requesterEmail(r);
                return mail.companyOf(tenantId)
                        .chain(company ->
                                mail.send(tenantId, NoticeMails.deliveryCode(r.language, company, to, code.code())))
                        .call(() -> audit.record("RESULT_DELIVERY_CODE_SENT", RESOURCE, d.id, r.subjectRef))
                        .map(x -> new CodeSent(Masking.email(to), d.codeExpiresAt));
            });
        }));
    }

    /**
     * Tries a code. The right one gives a grant (and spends the code); a wrong one counts down and is answered
     * after its count has committed, so a caller cannot retry its way past the limit.
     */
    public Uni<Attempt> confirm(String token, String code) {
        String tenantId = tenant.tenantId();
        OffsetDateTime now = now();
        return Panache.withTransaction(() -> live(tenantId, token, now).chain(d -> {
            if (d.codeHash == null) {
                throw codeExpired();
            }
            OneTimeCode.Outcome outcome =
                    OneTimeCode.check(code, d.codeSalt, d.codeHash, d.codeExpiresAt, d.attemptsLeft, now);
            if (outcome instanceof OneTimeCode.Exhausted) {
                throw new ProblemException(
                        429,
                        "code-tries-exhausted",
                        "Too many wrong codes",
                        "The code was entered wrongly " + OneTimeCode.TRIES + " times; ask for a new code",
                        null);
            }
            if (outcome instanceof OneTimeCode.Expired) {
                throw codeExpired();
            }
            return requests.findForTenant(tenantId, d.requestId).chain(r -> {
                if (outcome instanceof OneTimeCode.Wrong wrong) {
                    d.attemptsLeft = wrong.attemptsLeft();
                    d.updatedAt = now;
                    return audit.record(
                                    tenantId,
                                    tenant.actorSubject(),
                                    tenant.actorClient(),
                                    "RESULT_DELIVERY_CODE_WRONG",
                                    RESOURCE,
                                    d.id,
                                    r.subjectRef,
                                    "FAILURE")
                            .map(x -> new Attempt(null, wrong.attemptsLeft()));
                }
                String grant = randomToken();
                // The code is spent: it opens the link once.
                d.codeSalt = null;
                d.codeHash = null;
                d.codeExpiresAt = null;
                d.attemptsLeft = 0;
                d.grantHash = sha256(grant);
                OffsetDateTime grantEnd = now.plus(config.delivery().grantValidity());
                d.grantExpiresAt = grantEnd.isAfter(d.expiresAt) ? d.expiresAt : grantEnd;
                d.updatedAt = now;
                return audit.record("RESULT_DELIVERY_CONFIRMED", RESOURCE, d.id, r.subjectRef)
                        .map(x -> new Attempt(
                                new Granted(grant, d.grantExpiresAt, r.receiptNumber, r.type, FORMATS, d.expiresAt),
                                null));
            });
        }));
    }

    /** The result for a valid grant; the download is audited (a read of the person's data) and on the timeline. */
    public Uni<Download> download(String token, String grant, String format) {
        if (format == null || !FORMATS.contains(format)) {
            throw ProblemException.invalidField("format", "must be html, json or csv");
        }
        String tenantId = tenant.tenantId();
        OffsetDateTime now = now();
        return Panache.withTransaction(() -> live(tenantId, token, now).chain(d -> {
            boolean valid = grant != null
                    && d.grantHash != null
                    && now.isBefore(d.grantExpiresAt)
                    && MessageDigest.isEqual(sha256(grant), d.grantHash);
            if (!valid) {
                throw ProblemException.forbidden(
                        "grant-invalid", "No valid download grant: confirm a code mailed for this link first");
            }
            return requests.lockForTenant(tenantId, d.requestId)
                    .chain(r -> results.forTenant(tenantId, r.id).chain(res -> {
                        if (res == null || r.status != RequestStatus.COMPLETED) {
                            throw new IllegalStateException("A delivery exists only for a completed request");
                        }
                        JsonNode pkg = res.packageCipher == null
                                ? null
                                : read(cipher.decrypt(res.packageCipher, FulfilmentService.packageContext(r)));
                        d.downloads++;
                        d.updatedAt = now;
                        return audit.record("RESULT_DOWNLOADED", RequestService.RESOURCE, r.id, r.subjectRef)
                                .call(() -> journal.append(
                                        r,
                                        RequestEventKind.RESULT_DOWNLOADED,
                                        "the requester downloaded the result (" + format + ") through the link",
                                        Actor.of(tenant),
                                        now))
                                .map(x -> new Download(
                                        new FulfilmentService.Result(r, res, pkg, read(res.actions)), r.receiptNumber));
                    }));
        }));
    }

    /** The tenant's delivery for {@code token}, locked; 404 if there is none (or it is another tenant's), 410 once expired. */
    private Uni<ResultDelivery> live(String tenantId, String token, OffsetDateTime now) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Uni.createFrom().failure(deliveryNotFound());
        }
        return deliveries.lockByToken(tenantId, sha256(token)).map(d -> {
            if (d == null) {
                throw deliveryNotFound();
            }
            if (!now.isBefore(d.expiresAt)) {
                throw new ProblemException(
                        410,
                        "delivery-expired",
                        "Download link expired",
                        "This link expired at " + d.expiresAt + "; contact the company with your receipt number",
                        null);
            }
            return d;
        });
    }

    /** 422 code-wrong with the tries left, as an online filing's. */
    public static jakarta.ws.rs.core.Response codeWrong(int attemptsLeft, String path) {
        return OnlineFilingService.codeWrong(attemptsLeft, path);
    }

    private String requesterEmail(DataSubjectRequest r) {
        return PersonNotices.requesterEmail(cipher, json, r);
    }

    private static ProblemException deliveryNotFound() {
        return new ProblemException(
                404, "delivery-not-found", "Download link not found", "No such download link", null);
    }

    private static ProblemException codeExpired() {
        return new ProblemException(
                410, "code-expired", "Code expired", "There is no valid code for this link; ask for a new code", null);
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            return json.getNodeFactory().textNode(text);
        }
    }

    /** URL-safe base64 of 32 random bytes, without padding (43 characters). */
    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
