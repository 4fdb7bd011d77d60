package dev.mamori.request.service;

import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.crypto.FieldCipher;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.request.DataSubjectRequest;
import dev.mamori.request.IdentityDocumentCopy;
import dev.mamori.request.IdentityDocumentType;
import dev.mamori.request.RequestEventKind;
import dev.mamori.request.RequesterUpload;
import dev.mamori.request.repository.DataSubjectRequestRepository;
import dev.mamori.request.repository.IdentityDocumentCopyRepository;
import dev.mamori.request.repository.RequesterUploadRepository;
import dev.mamori.request.service.IdentityVerification.Holder;
import dev.mamori.request.service.IdentityVerification.Side;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/**
 * Copies of identity documents the requester uploads after confirming a filing online (Art. 37(1): the business
 * verifies who is asking; Art. 37(4): without undue burden, so the requester need not post copies). Only whoever
 * holds the receipt number and the upload token of the confirmation may upload, within the upload window, at most
 * {@link #LIMIT} copies per request. Every rule is checked before anything is stored: a refused copy leaves no trace.
 * A kept copy is encrypted like staff's and deleted by {@link IdentityCopyPurger} after the copy retention.
 */
@ApplicationScoped
public class RequesterDocumentService {

    /** Copies a requester may upload to one request. */
    public static final int LIMIT = 5;

    /** A kept copy, as its uploader may know it. */
    public record Submitted(
            UUID documentId,
            IdentityDocumentType documentType,
            Side side,
            Holder provesIdentityOf,
            String contentType,
            int bytes,
            OffsetDateTime deleteAfter,
            int documentsLeft) {}

    /** What the transaction came to: a kept copy, or a refusal answered once its audit line has committed. */
    private record Outcome(Submitted submitted, ProblemException refused) {}

    private final DataSubjectRequestRepository requests;
    private final RequesterUploadRepository uploads;
    private final IdentityDocumentCopyRepository copies;
    private final RequestJournal journal;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final FieldCipher cipher;
    private final RequestConfig config;
    private final Clock clock;

    public RequesterDocumentService(
            DataSubjectRequestRepository requests,
            RequesterUploadRepository uploads,
            IdentityDocumentCopyRepository copies,
            RequestJournal journal,
            TenantContext tenant,
            AuditLog audit,
            FieldCipher cipher,
            RequestConfig config,
            Clock clock) {
        this.requests = requests;
        this.uploads = uploads;
        this.copies = copies;
        this.journal = journal;
        this.tenant = tenant;
        this.audit = audit;
        this.cipher = cipher;
        this.config = config;
        this.clock = clock;
    }

    public Uni<Submitted> upload(RequesterDocumentUpload upload) {
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        byte[] content =
                check(upload, Deadlines.arrivalDay(now), config.identity().maxCopyBytes());
        String contentType = DocumentContent.require(content, "base64");
        String tenantId = tenant.tenantId();
        String receipt = upload.receiptNumber().trim().toUpperCase(Locale.ROOT);
        return Panache.withTransaction(() -> requests.findByReceipt(tenantId, receipt)
                        .chain(found -> found == null
                                ? Uni.createFrom().item(new Outcome(null, receiptNotFound()))
                                : requests.lockForTenant(tenantId, found.id)
                                        .chain(r -> uploads.lockForTenant(tenantId, r.id)
                                                .chain(u -> store(r, u, upload, content, contentType, now)))))
                .map(outcome -> {
                    if (outcome.refused() != null) {
                        throw outcome.refused();
                    }
                    return outcome.submitted();
                });
    }

    private Uni<Outcome> store(
            DataSubjectRequest r,
            RequesterUpload u,
            RequesterDocumentUpload upload,
            byte[] content,
            String contentType,
            OffsetDateTime now) {
        if (!RequesterUploads.matches(u, upload.uploadToken())) {
            // A wrong token for a known receipt is answered as an unknown receipt, and kept in the audit log.
            return audit.record(
                            r.tenantId,
                            tenant.actorSubject(),
                            tenant.actorClient(),
                            "IDENTITY_DOCUMENT_UPLOAD_REFUSED",
                            RequestService.RESOURCE,
                            r.id,
                            r.subjectRef,
                            "FAILURE")
                    .map(x -> new Outcome(null, receiptNotFound()));
        }
        if (!now.isBefore(u.validUntil)) {
            throw new ProblemException(
                    410,
                    "upload-window-closed",
                    "Upload window closed",
                    "Documents could be uploaded until " + u.validUntil + "; send them as the company tells you",
                    null);
        }
        if (r.status.isTerminal()) {
            throw ProblemException.conflict("request-closed", "Request " + r.receiptNumber + " is already " + r.status);
        }
        if (u.documentsSubmitted >= LIMIT) {
            throw ProblemException.conflict(
                    "document-limit", "At most " + LIMIT + " documents can be uploaded to one request");
        }
        Holder holder = holder(upload, r.agentType != null);
        IdentityDocumentCopy c = new IdentityDocumentCopy();
        c.id = UUID.randomUUID();
        c.tenantId = r.tenantId;
        c.requestId = r.id;
        c.documentType = upload.documentType().name();
        c.contentType = contentType;
        c.contentCipher = cipher.encrypt(Base64.getEncoder().encodeToString(content), copyContext(c));
        c.storedAt = now;
        c.deleteAfter = now.plus(config.identity().copyRetention());
        c.submittedBy = IdentityDocumentCopy.REQUESTER;
        c.fileNameCipher = cipher.encrypt(upload.fileName().strip(), fileNameContext(c));
        c.side = upload.side() == null ? null : upload.side().name();
        c.provesIdentityOf = holder.name();
        c.bytes = content.length;
        u.documentsSubmitted++;
        String detail = "uploaded by the requester: " + c.documentType + (c.side == null ? "" : " " + c.side)
                + (r.agentType == null ? "" : " (" + holder + ")") + ", " + contentType + ", " + content.length
                + " bytes";
        return copies.persist(c)
                .chain(() ->
                        journal.append(r, RequestEventKind.IDENTITY_DOCUMENT_SUBMITTED, detail, Actor.of(tenant), now))
                .call(() -> audit.record(
                        "IDENTITY_DOCUMENT_SUBMITTED", IdentityDocumentService.RESOURCE, c.id, r.subjectRef))
                .map(e -> new Outcome(
                        new Submitted(
                                c.id,
                                upload.documentType(),
                                upload.side(),
                                holder,
                                contentType,
                                content.length,
                                c.deleteAfter,
                                LIMIT - u.documentsSubmitted),
                        null));
    }

    /**
     * The rules that need no request, in the order that protects most: a My Number is refused before anything else
     * is looked at (My Number Act Art. 20). Answers the decoded copy.
     */
    static byte[] check(RequesterDocumentUpload upload, LocalDate today, int maxCopyBytes) {
        // My Number Act Art. 20: a business that has no My Number work may not collect or keep a My Number.
        if (Boolean.TRUE.equals(upload.containsMyNumber())) {
            throw myNumberShown(
                    "containsMyNumber",
                    "a copy showing a My Number cannot be accepted; nothing was stored. Cover the My Number and "
                            + "upload it again");
        }
        if (upload.documentType() == IdentityDocumentType.MY_NUMBER_CARD && upload.side() != Side.FRONT) {
            throw myNumberShown(
                    "side",
                    "only the FRONT of a My Number card is accepted: the back carries the My Number; nothing was "
                            + "stored");
        }
        // Health Insurance Act Art. 194-2: insurer numbers and symbols must not be collected; copies are masked.
        if (upload.documentType().isHealthInsurance() && !Boolean.TRUE.equals(upload.insurerNumberMasked())) {
            throw ProblemException.unprocessable(
                    "insurance-number-not-masked",
                    "Insurer number not masked",
                    "insurerNumberMasked",
                    "a health-insurance document is accepted only with the insurer number, symbol and QR code "
                            + "masked; declare it masked");
        }
        if (upload.documentType() == IdentityDocumentType.HEALTH_INSURANCE_CARD
                && today.isAfter(VerificationService.LAST_DAY_OF_INSURANCE_CARDS)) {
            throw ProblemException.unprocessable(
                    "document-no-longer-valid",
                    "Document no longer valid",
                    "documentType",
                    "health-insurance cards ceased to be valid on 2025-12-01; "
                            + "use HEALTH_INSURANCE_QUALIFICATION_CERTIFICATE (資格確認書)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(upload.base64());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("base64", "must be base64");
        }
        if (bytes.length > maxCopyBytes) {
            throw ProblemException.unprocessable(
                    "copy-too-large", "Copy too large", "base64", "a copy must be at most " + maxCopyBytes + " bytes");
        }
        return bytes;
    }

    /** Whose identity the copy proves: said for an agent's request, and only PERSON without an agent (Art. 37). */
    private static Holder holder(RequesterDocumentUpload upload, boolean hasAgent) {
        Holder h = upload.provesIdentityOf();
        if (h == null && hasAgent) {
            throw ProblemException.unprocessable(
                    "identity-holder-required",
                    "Whose identity required",
                    "provesIdentityOf",
                    "the request is made by an agent: say whether the document proves the identity of the PERSON or "
                            + "the AGENT");
        }
        if (h == Holder.AGENT && !hasAgent) {
            throw ProblemException.unprocessable(
                    "agent-not-applicable",
                    "Agent not applicable",
                    "provesIdentityOf",
                    "the request has no agent; its documents prove the identity of the PERSON");
        }
        return h == null ? Holder.PERSON : h;
    }

    static String copyContext(IdentityDocumentCopy c) {
        return c.tenantId + "/" + c.requestId + "/identity-copy/" + c.id;
    }

    static String fileNameContext(IdentityDocumentCopy c) {
        return c.tenantId + "/" + c.requestId + "/identity-copy/" + c.id + "/file-name";
    }

    private static ProblemException myNumberShown(String field, String detail) {
        return ProblemException.unprocessable("my-number-shown", "My Number shown", field, detail);
    }

    private static ProblemException receiptNotFound() {
        return new ProblemException(
                404,
                "receipt-not-found",
                "Receipt not found",
                "No request with this receipt number and upload token",
                null);
    }
}
