package dev.mamori.request.service;

import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.crypto.FieldCipher;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.request.IdentityDocumentCopy;
import dev.mamori.request.repository.DataSubjectRequestRepository;
import dev.mamori.request.repository.IdentityDocumentCopyRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Staff read the copies of identity documents kept for a request (by the requester's upload or a verification) to
 * verify who is asking (Art. 37(1)). A copy is the person's data: every listing and every opened copy is a line in
 * the audit log. Copies past their retention count as deleted, whether or not the purge job has run yet.
 */
@ApplicationScoped
public class IdentityDocumentService {

    static final String RESOURCE = "identity-document-copy";

    /** A kept copy as staff see it listed. */
    public record Listed(
            UUID documentId,
            String documentType,
            String side,
            String provesIdentityOf,
            String contentType,
            Integer bytes,
            String fileName,
            String submittedBy,
            OffsetDateTime storedAt,
            OffsetDateTime deleteAfter) {}

    /** A copy's bytes and their (sniffed) type. */
    public record Content(UUID documentId, String contentType, byte[] bytes) {
        /** The name it is downloaded under: nothing the requester chose. */
        public String fileName() {
            return "identity-" + documentId + "." + DocumentContent.extension(contentType);
        }
    }

    private final DataSubjectRequestRepository requests;
    private final IdentityDocumentCopyRepository copies;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final FieldCipher cipher;
    private final Clock clock;

    public IdentityDocumentService(
            DataSubjectRequestRepository requests,
            IdentityDocumentCopyRepository copies,
            TenantContext tenant,
            AuditLog audit,
            FieldCipher cipher,
            Clock clock) {
        this.requests = requests;
        this.copies = copies;
        this.tenant = tenant;
        this.audit = audit;
        this.cipher = cipher;
        this.clock = clock;
    }

    public Uni<List<Listed>> list(UUID requestId) {
        String tenantId = tenant.tenantId();
        OffsetDateTime now = OffsetDateTime.now(clock);
        return Panache.withTransaction(
                () -> requests.findForTenant(tenantId, requestId).chain(r -> {
                    if (r == null) {
                        throw ProblemException.notFound("Request", requestId);
                    }
                    return copies.keptFor(tenantId, requestId, now)
                            .call(found -> audit.record(
                                    "IDENTITY_DOCUMENTS_LISTED", RequestService.RESOURCE, r.id, r.subjectRef))
                            .map(found -> found.stream().map(this::listed).toList());
                }));
    }

    public Uni<Content> content(UUID requestId, UUID documentId) {
        String tenantId = tenant.tenantId();
        OffsetDateTime now = OffsetDateTime.now(clock);
        return Panache.withTransaction(
                () -> requests.findForTenant(tenantId, requestId).chain(r -> {
                    if (r == null) {
                        throw ProblemException.notFound("Request", requestId);
                    }
                    return copies.keptFor(tenantId, requestId, documentId, now).chain(c -> {
                        if (c == null) {
                            throw new ProblemException(
                                    404,
                                    "document-not-found",
                                    "Document not found",
                                    "No copy " + documentId + " is kept for request " + requestId
                                            + " (unknown, or deleted after its retention)",
                                    null);
                        }
                        byte[] bytes = Base64.getDecoder()
                                .decode(cipher.decrypt(c.contentCipher, RequesterDocumentService.copyContext(c)));
                        // Served as what the bytes are, whatever was declared when it was stored.
                        String type = DocumentContent.typeOf(bytes).orElse("application/octet-stream");
                        if (!List.of(DocumentContent.JPEG, DocumentContent.PNG, DocumentContent.PDF)
                                .contains(type)) {
                            throw ProblemException.conflict(
                                    "document-content-unsupported",
                                    "Copy " + documentId + " is not a JPEG, PNG or PDF and is not served");
                        }
                        return audit.record("IDENTITY_DOCUMENT_READ", RESOURCE, c.id, r.subjectRef)
                                .map(x -> new Content(c.id, type, bytes));
                    });
                }));
    }

    private Listed listed(IdentityDocumentCopy c) {
        return new Listed(
                c.id,
                c.documentType,
                c.side,
                c.provesIdentityOf,
                c.contentType,
                c.bytes,
                c.fileNameCipher == null
                        ? null
                        : cipher.decrypt(c.fileNameCipher, RequesterDocumentService.fileNameContext(c)),
                c.submittedBy,
                c.storedAt,
                c.deleteAfter);
    }
}
