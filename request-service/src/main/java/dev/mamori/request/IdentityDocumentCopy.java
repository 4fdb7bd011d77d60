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

    /** {@link #STAFF} (recorded with a verification) or {@link #REQUESTER} (uploaded on the privacy center). */
    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    /** The name the requester's file had, encrypted; null for staff copies. */
    @Column(name = "file_name_cipher")
    public String fileNameCipher;

    /** FRONT or BACK, when said. */
    @Column(name = "side")
    public String side;

    /** PERSON or AGENT (Art. 37: whose identity the document proves), when said. */
    @Column(name = "proves_identity_of")
    public String provesIdentityOf;

    /** The copy's size; null for copies stored before sizes were kept. */
    @Column(name = "bytes")
    public Integer bytes;

    public static final String STAFF = "STAFF";
    public static final String REQUESTER = "REQUESTER";
}
