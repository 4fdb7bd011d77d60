package dev.mamori.incident;

import dev.mamori.platform.persistence.StringListConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A leak, loss or damage of personal data (漏えい等, APPI Art. 26): what happened, when it happened and when the
 * company knew (the report clocks run from that day), whose data it is, what it affected, and what was said to the
 * PPC, the client company and the persons.
 */
@Entity
@Table(name = "incident")
public class Incident {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IncidentNature nature;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IncidentKind kind;

    @Column(nullable = false)
    public String title;

    /** The outline (概要) as the handler wrote it. */
    @Column(nullable = false)
    public String summary;

    /** Null while it is not known when it happened. */
    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    /** When the company knew (PPC Rule 8: the report periods count from this day). */
    @Column(name = "discovered_at", nullable = false, updatable = false)
    public OffsetDateTime discoveredAt;

    @Column(name = "discovered_how", nullable = false)
    public String discoveredHow;

    @Column(nullable = false)
    public String handler;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IncidentStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "data_owner", nullable = false, updatable = false)
    public DataOwner dataOwner;

    /** The client company (its tenant) whose data it is, when {@link #dataOwner} is CLIENT. */
    @Column(name = "client_tenant_id", updatable = false)
    public String clientTenantId;

    @Convert(converter = AffectedCategoriesConverter.class)
    @Column(nullable = false)
    public List<AffectedCategory> categories;

    @Column(name = "persons_count", nullable = false)
    public int personsCount;

    @Column(name = "persons_estimated", nullable = false)
    public boolean personsEstimated;

    /** Where the number of persons comes from: STATED, LISTED or LEDGER_COUNT. */
    @Column(name = "persons_basis", nullable = false)
    public String personsBasis;

    @Convert(converter = StringListConverter.class)
    @Column(name = "subject_refs", nullable = false)
    public List<String> subjectRefs;

    /** PPC Rule 7(iii): an act with an unlawful purpose is suspected. */
    @Column(name = "unlawful_purpose", nullable = false)
    public boolean unlawfulPurpose;

    /** Protected by strong encryption whose key did not leak (the exemption of PPC Rule 7). */
    @Column(name = "highly_encrypted", nullable = false)
    public boolean highlyEncrypted;

    /** The days to the preliminary report in force when the incident was recorded. */
    @Column(name = "preliminary_days", nullable = false, updatable = false)
    public int preliminaryDays;

    /** A privacy officer's decision that overrides the rules' answer, with its reason. */
    @Column(name = "override_reportable")
    public Boolean overrideReportable;

    @Column(name = "override_reason")
    public String overrideReason;

    @Column(name = "override_by")
    public String overrideBy;

    @Column(name = "override_at")
    public OffsetDateTime overrideAt;

    public String cause;

    @Column(name = "secondary_harm")
    public String secondaryHarm;

    public String publication;

    public String prevention;

    @Column(name = "other_notes")
    public String otherNotes;

    @Column(name = "client_notified_at")
    public OffsetDateTime clientNotifiedAt;

    @Column(name = "client_notified_by")
    public String clientNotifiedBy;

    @Column(name = "client_notice")
    public String clientNotice;

    @Column(name = "client_acknowledged_at")
    public OffsetDateTime clientAcknowledgedAt;

    @Column(name = "client_acknowledged_by")
    public String clientAcknowledgedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
