package dev.mamori.retention;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A legal hold (e.g. litigation, an investigation, a regulator's request): nothing in its scope is erased, by the
 * purge or by a person's erasure request, until it is released or {@link #until} passes. The scope is every named
 * field at once (a subject, a category, a contract, or a combination). Erasure duties under APPI Arts. 22 and 35
 * yield to a legal obligation to keep (Art. 35(5) / Art. 18(3)(i) "based on laws and regulations").
 */
@Entity
@Table(name = "legal_hold")
public class LegalHold {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "subject_ref", updatable = false)
    public String subjectRef;

    @Column(name = "category_code", updatable = false)
    public String categoryCode;

    @Column(name = "contract_ref", updatable = false)
    public String contractRef;

    @Column(nullable = false, updatable = false)
    public String reason;

    @Column(name = "set_at", nullable = false, updatable = false)
    public OffsetDateTime setAt;

    @Column(name = "set_by", nullable = false, updatable = false)
    public String setBy;

    public OffsetDateTime until;

    @Column(name = "released_at")
    public OffsetDateTime releasedAt;

    @Column(name = "released_by")
    public String releasedBy;

    @Column(name = "release_reason")
    public String releaseReason;

    public boolean activeAt(OffsetDateTime now) {
        return releasedAt == null && (until == null || until.isAfter(now));
    }
}
