package dev.mamori.request;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The requester's right to upload identity documents to a request they filed online: given with the confirmation,
 * valid for a configured window. The token itself is never stored in clear: its SHA-256 checks it, and its
 * ciphertext only lets a replayed confirmation answer the same token.
 */
@Entity
@Table(name = "requester_upload")
public class RequesterUpload {

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "token_hash", nullable = false)
    public byte[] tokenHash;

    @Column(name = "token_cipher", nullable = false)
    public String tokenCipher;

    @Column(name = "valid_until", nullable = false)
    public OffsetDateTime validUntil;

    @Column(name = "documents_submitted", nullable = false)
    public int documentsSubmitted;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
