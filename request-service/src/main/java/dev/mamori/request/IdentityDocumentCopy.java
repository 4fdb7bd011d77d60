package dev.mamori.request;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A copy of an identity document, encrypted, kept only until {@code deleteAfter} (a short, configured period) and
 * then deleted by a scheduled job. The request keeps only the fact of the verification.
 */
@Entity
@Table(name = "identity_document_copy")
public class IdentityDocumentCopy {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(name = "document_type", nullable = false)
    public String documentType;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(name = "content_cipher", nullable = false)
    public String contentCipher;

    @Column(name = "stored_at", nullable = false)
    public OffsetDateTime storedAt;

    @Column(name = "delete_after", nullable = false)
    public OffsetDateTime deleteAfter;
}
