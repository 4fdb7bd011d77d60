package dev.mamori.request.service;

import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.crypto.FieldCipher;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.request.DataSubjectRequest;
import dev.mamori.request.IdentityDocumentCopy;
import dev.mamori.request.IdentityDocumentType;
import dev.mamori.request.RequestEventKind;
import dev.mamori.request.RequestStatus;
import dev.mamori.request.VerificationMethod;
import dev.mamori.request.repository.DataSubjectRequestRepository;
import dev.mamori.request.repository.IdentityDocumentCopyRepository;
import dev.mamori.request.service.IdentityVerification.Document;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Verifies the requester (Art. 37(1)) before anything is decided or disclosed. Every rule is checked before
 * anything is stored, so a refused verification leaves no trace of the documents.
 */
@ApplicationScoped
public class VerificationService {

    /** Health-insurance cards could be used until 2025-12-01 (the end of the transitional period). */
    static final LocalDate LAST_DAY_OF_INSURANCE_CARDS = LocalDate.of(2025, 12, 1);

    private final DataSubjectRequestRepository requests;
    private final IdentityDocumentCopyRepository copies;
    private final RequestJournal journal;
    private final RequestService requestService;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final FieldCipher cipher;
    private final RequestConfig config;
    private final Clock clock;
    private final StaffNotices staffNotices;

    public VerificationService(
            DataSubjectRequestRepository requests,
            IdentityDocumentCopyRepository copies,
            RequestJournal journal,
            RequestService requestService,
            TenantContext tenant,
            AuditLog audit,
            FieldCipher cipher,
            RequestConfig config,
            Clock clock,
            StaffNotices staffNotices) {
        this.requests = requests;
        this.copies = copies;
        this.journal = journal;
        this.requestService = requestService;
        this.tenant = tenant;
        this.audit = audit;
        this.cipher = cipher;
        this.config = config;
        this.clock = clock;
        this.staffNotices = staffNotices;
    }

    @WithTransaction
    public Uni<RequestDetails> verify(UUID id, IdentityVerification verification) {
        String tenantId = tenant.tenantId();
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        List<byte[]> decoded =
                check(verification, Deadlines.arrivalDay(now), config.identity().maxCopyBytes());
        return requests.lockForTenant(tenantId, id).chain(r -> {
            if (r == null) {
                throw ProblemException.notFound("Request", id);
            }
            if (r.status.isTerminal()) {
                throw ProblemException.conflict("request-closed", "Request " + id + " is already " + r.status);
            }
            if (r.identityVerifiedAt != null) {
                throw ProblemException.conflict(
                        "identity-already-verified",
                        "The requester of " + id + " was verified on " + r.identityVerifiedAt + " by "
                                + r.identityVerifiedBy);
            }
            if (r.status == RequestStatus.AWAITING_REQUESTER) {
                throw ProblemException.conflict(
                        "request-paused",
                        "Request " + id + " waits for the requester; " + "resume it before recording the verification");
            }
            List<String> types = verification.method() == VerificationMethod.DOCUMENTS
                    ? verification.documents().stream()
                            .map(d -> d.type().name())
                            .toList()
                    : List.of();
            List<String> holders = holders(verification, r.agentType != null).stream()
                    .map(Enum::name)
                    .toList();
            r.identityMethod = verification.method();
            r.identityDocuments = types;
            r.identityDocumentHolders = holders.isEmpty() ? null : holders;
            r.identityVerifiedBy = tenant.actorSubject();
            r.identityVerifiedAt = now;
            r.identityNote = note(verification);
            r.status = RequestStatus.PENDING_DECISION;
            List<IdentityDocumentCopy> stored = new ArrayList<>();
            if (verification.documents() != null) {
                for (int i = 0; i < verification.documents().size(); i++) {
                    if (decoded.get(i) != null) {
                        stored.add(copy(r, verification.documents().get(i), decoded.get(i), now));
                    }
                }
            }
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < types.size(); i++) {
                // Only an agent's request names whose document it was: for the person alone it goes without saying.
                seen.add(types.get(i) + (r.agentType == null ? "" : " (" + holders.get(i) + ")"));
            }
            String detail = verification.method() + (seen.isEmpty() ? "" : ": " + String.join(", ", seen));
            return (stored.isEmpty() ? Uni.createFrom().voidItem() : copies.persist(stored))
                    .chain(() -> journal.append(r, RequestEventKind.IDENTITY_VERIFIED, detail, Actor.of(tenant), now))
                    .call(() -> audit.record("IDENTITY_VERIFIED", RequestService.RESOURCE, r.id, r.subjectRef))
                    // The request now awaits a decision: the tenant's staff hear of it once (no personal data).
                    .call(() -> staffNotices.awaitingDecision(r, now))
                    .map(e -> requestService
                            .details(r, PersonalDataView.forReader(tenant))
                            .with(List.of(), stored.size()));
        });
    }

    /**
     * How a requester is identified (Art. 37(1)), in the order that protects most: a My Number is refused before
     * anything else is looked at (My Number Act Art. 20: it may not be collected for this). Answers the decoded copies (null where none was given).
     */
    static List<byte[]> check(IdentityVerification v, LocalDate today, int maxCopyBytes) {
        List<Document> documents = v.documents() == null ? List.of() : v.documents();
        // My Number Act Arts. 19, 20: not even a note may keep a My Number an operator typed in from a document.
        refuseMyNumberIn("note", v.note());
        if (v.callback() != null) {
            refuseMyNumberIn("callback.registeredIn", v.callback().registeredIn());
        }
        for (int i = 0; i < documents.size(); i++) {
            Document d = documents.get(i);
            // My Number Act Art. 20: a business that has no My Number work may not collect or keep a My Number.
            if (Boolean.TRUE.equals(d.containsMyNumber())) {
                throw ProblemException.unprocessable(
                        "my-number-not-accepted",
                        "My Number not accepted",
                        "documents[" + i + "].containsMyNumber",
                        "a document showing a My Number cannot be accepted; "
                                + "nothing was stored. Ask for a copy with the My Number covered");
            }
            if (d.type() == IdentityDocumentType.MY_NUMBER_CARD && d.side() != IdentityVerification.Side.FRONT) {
                throw ProblemException.unprocessable(
                        "my-number-not-accepted",
                        "My Number not accepted",
                        "documents[" + i + "].side",
                        "only the FRONT of a My Number card is accepted: the back "
                                + "carries the My Number, which is never collected; nothing was stored");
            }
            // A copy is stored (for a short while): whether it shows a My Number must be declared, never assumed.
            if (d.copy() != null && d.containsMyNumber() == null) {
                throw ProblemException.unprocessable(
                        "my-number-declaration-required",
                        "My Number declaration " + "required",
                        "documents[" + i + "].containsMyNumber",
                        "a document uploaded with a copy must "
                                + "declare containsMyNumber (true or false); a copy showing a My Number is not accepted");
            }
        }
        if (v.method() == VerificationMethod.CALLBACK_TO_REGISTERED_NUMBER) {
            if (v.callback() == null) {
                throw ProblemException.unprocessable(
                        "callback-details-required",
                        "Callback details required",
                        "callback",
                        "say where the number is registered and when it was called");
            }
            if (!documents.isEmpty()) {
                throw ProblemException.unprocessable(
                        "documents-not-applicable",
                        "Documents not applicable",
                        "documents",
                        "a verification by callback takes no documents");
            }
            return List.of();
        }
        if (v.callback() != null) {
            throw ProblemException.unprocessable(
                    "callback-not-applicable",
                    "Callback not applicable",
                    "callback",
                    "only CALLBACK_TO_REGISTERED_NUMBER takes callback details");
        }
        if (documents.isEmpty()) {
            throw ProblemException.unprocessable(
                    "documents-required",
                    "Identity documents required",
                    "documents",
                    "verification by DOCUMENTS needs one photo document or two others");
        }
        Set<IdentityDocumentType> photo = new HashSet<>();
        Set<IdentityDocumentType> others = new HashSet<>();
        List<byte[]> decoded = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            Document d = documents.get(i);
            // Health Insurance Act Art. 194-2: insurer numbers and symbols must not be collected; copies are masked.
            if (d.type().isHealthInsurance() && !Boolean.TRUE.equals(d.insurerNumberMasked())) {
                throw ProblemException.unprocessable(
                        "insurance-number-not-masked",
                        "Insurer number not masked",
                        "documents[" + i + "].insurerNumberMasked",
                        "a health-insurance document is accepted only "
                                + "with the insurer number, symbol and QR code masked; declare it masked");
            }
            if (d.type() == IdentityDocumentType.HEALTH_INSURANCE_CARD && today.isAfter(LAST_DAY_OF_INSURANCE_CARDS)) {
                throw ProblemException.unprocessable(
                        "document-no-longer-valid",
                        "Document no longer valid",
                        "documents[" + i + "].type",
                        "health-insurance cards ceased to be valid on 2025-12-01; "
                                + "use HEALTH_INSURANCE_QUALIFICATION_CERTIFICATE (資格確認書)");
            }
            (d.type().hasPhoto() ? photo : others).add(d.type());
            decoded.add(d.copy() == null ? null : decode(d.copy(), i, maxCopyBytes));
        }
        if (photo.isEmpty() && others.size() < 2) {
            throw ProblemException.unprocessable(
                    "insufficient-identity-documents",
                    "Not enough identity documents",
                    "documents",
                    "one photo document (driver's license, passport, My Number card front, residence "
                            + "card, special permanent resident certificate) or two different others are needed");
        }
        return decoded;
    }

    /**
     * A My Number is 12 digits; written down it appears as one run or in 4-4-4 groups separated by spaces or hyphens
     * (full-width forms are folded first). A longer run of digits is some other number and is let through.
     */
    static final java.util.regex.Pattern MY_NUMBER = java.util.regex.Pattern.compile(
            "(?<![0-9])[0-9]{4}[\\s\\-‐‑‒–—―−ー]?[0-9]{4}[\\s\\-‐‑‒–—―−ー]?[0-9]{4}(?![0-9])");

    static boolean mayShowMyNumber(String text) {
        return text != null
                && MY_NUMBER
                        .matcher(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC))
                        .find();
    }

    private static void refuseMyNumberIn(String field, String text) {
        if (mayShowMyNumber(text)) {
            throw ProblemException.unprocessable(
                    "my-number-not-accepted",
                    "My Number not accepted",
                    field,
                    field + " contains a 12-digit number, which may be a My Number; a My Number is never recorded. "
                            + "Remove it (nothing was stored)");
        }
    }

    /**
     * Whose identity each document proves. A request made by an agent must say it for every document, and at least
     * one must prove the agent's own identity: the person asking is the agent (Art. 37, Enforcement Order Art. 13).
     */
    static List<IdentityVerification.Holder> holders(IdentityVerification v, boolean hasAgent) {
        if (v.method() != VerificationMethod.DOCUMENTS || v.documents() == null) {
            return List.of();
        }
        List<IdentityVerification.Holder> holders = new ArrayList<>();
        for (int i = 0; i < v.documents().size(); i++) {
            IdentityVerification.Holder h = v.documents().get(i).provesIdentityOf();
            if (h == null && hasAgent) {
                throw ProblemException.unprocessable(
                        "identity-holder-required",
                        "Whose identity required",
                        "documents[" + i + "].provesIdentityOf",
                        "the request is made by an agent: say for each "
                                + "document whether it proves the identity of the PERSON or the AGENT");
            }
            if (h == IdentityVerification.Holder.AGENT && !hasAgent) {
                throw ProblemException.unprocessable(
                        "agent-not-applicable",
                        "Agent not applicable",
                        "documents[" + i + "].provesIdentityOf",
                        "the request has no agent; its documents prove " + "the identity of the PERSON");
            }
            holders.add(h == null ? IdentityVerification.Holder.PERSON : h);
        }
        if (hasAgent && !holders.contains(IdentityVerification.Holder.AGENT)) {
            throw ProblemException.unprocessable(
                    "agent-identity-required",
                    "Agent identity not verified",
                    "documents",
                    "the request is made by an agent: at least one document must prove the agent's "
                            + "own identity (provesIdentityOf AGENT)");
        }
        return holders;
    }

    private static byte[] decode(IdentityVerification.Copy copy, int i, int maxCopyBytes) {
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(copy.base64());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("documents[" + i + "].copy.base64", "must be base64");
        }
        if (bytes.length == 0 || bytes.length > maxCopyBytes) {
            throw ProblemException.unprocessable(
                    "copy-too-large",
                    "Copy too large",
                    "documents[" + i + "].copy",
                    "a copy must be 1 to " + maxCopyBytes + " bytes");
        }
        // The bytes decide what a copy is: one declared a JPEG that is HTML (or anything else) is not kept.
        String field = "documents[" + i + "].copy.base64";
        String sniffed = DocumentContent.require(bytes, field);
        if (!sniffed.equals(copy.contentType())) {
            throw ProblemException.unprocessable(
                    "document-content-unsupported",
                    "Document content not supported",
                    field,
                    "the content is " + sniffed + ", not the declared " + copy.contentType());
        }
        return bytes;
    }

    private IdentityDocumentCopy copy(DataSubjectRequest r, Document d, byte[] content, OffsetDateTime now) {
        IdentityDocumentCopy c = new IdentityDocumentCopy();
        c.id = UUID.randomUUID();
        c.tenantId = r.tenantId;
        c.requestId = r.id;
        c.documentType = d.type().name();
        c.contentType = d.copy().contentType();
        c.contentCipher = cipher.encrypt(
                Base64.getEncoder().encodeToString(content), r.tenantId + "/" + r.id + "/identity-copy/" + c.id);
        c.storedAt = now;
        c.deleteAfter = now.plus(config.identity().copyRetention());
        c.submittedBy = IdentityDocumentCopy.STAFF;
        c.side = d.side() == null ? null : d.side().name();
        c.provesIdentityOf = r.agentType == null
                ? IdentityVerification.Holder.PERSON.name()
                : d.provesIdentityOf() == null ? null : d.provesIdentityOf().name();
        c.bytes = content.length;
        return c;
    }

    private static String note(IdentityVerification v) {
        StringBuilder note = new StringBuilder();
        if (v.callback() != null) {
            note.append("called back at ")
                    .append(v.callback().calledAt())
                    .append(" the number registered in ")
                    .append(v.callback().registeredIn());
            if (v.callback().numberLast4() != null) {
                note.append(" (…").append(v.callback().numberLast4()).append(')');
            }
        }
        if (v.note() != null && !v.note().isBlank()) {
            if (!note.isEmpty()) {
                note.append("; ");
            }
            note.append(v.note().trim());
        }
        return note.isEmpty() ? null : note.toString();
    }
}
