package dev.mamori.retention;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An issued deletion certificate (削除証明書): the evidence it covered (a period, or one person's request) and the
 * SHA-256 digest of its items when issued. Recomputing the digest from the evidence later shows whether anything
 * it certified was changed since (APPI Art. 23; JIS Q 15001 records of deletion and disposal).
 */
@Entity
@Table(name = "deletion_certificate")
public class DeletionCertificate {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    /** First instant covered (inclusive), for a period certificate. */
    @Column(name = "period_from", updatable = false)
    public OffsetDateTime periodFrom;

    /** First instant not covered (exclusive), for a period certificate. */
    @Column(name = "period_to", updatable = false)
    public OffsetDateTime periodTo;

    @Column(name = "request_ref", updatable = false)
    public String requestRef;

    @Column(name = "item_count", nullable = false, updatable = false)
    public int itemCount;

    @Column(nullable = false, updatable = false)
    public String digest;

    @Column(name = "issued_at", nullable = false, updatable = false)
    public OffsetDateTime issuedAt;

    @Column(name = "issued_by", nullable = false, updatable = false)
    public String issuedBy;
}
