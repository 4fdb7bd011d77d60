package dev.mamori.retention;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Something a client system holds about a person: which category of the ledger, in which system and where, when
 * it was collected, and when it is due for deletion. The retention rule in force at registration is kept on the
 * holding, so its deletion date can always be explained (APPI Art. 22: erase once no longer needed).
 */
@Entity
@Table(name = "holding")
public class Holding {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "subject_ref", nullable = false, updatable = false)
    public String subjectRef;

    @Column(name = "category_code", nullable = false, updatable = false)
    public String categoryCode;

    @Column(name = "owning_system", nullable = false, updatable = false)
    public String owningSystem;

    @Column(nullable = false, updatable = false)
    public String locator;

    @Column(name = "collected_at", nullable = false, updatable = false)
    public OffsetDateTime collectedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "retention_basis", nullable = false)
    public RetentionBasis retentionBasis;

    @Column(name = "retention_days", nullable = false)
    public int retentionDays;

    /** The client contract the data was collected under; its end and extensions govern the deletion date. */
    @Column(name = "contract_ref", updatable = false)
    public String contractRef;

    /** Which rule set {@link #deleteAfter}: the category's own, the contract's end, or an extension. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public HoldingRule rule;

    /** The contract extension in force for this holding's category, when {@link #rule} is EXTENSION. */
    @Column(name = "extension_id")
    public UUID extensionId;

    @Column(name = "extension_days")
    public Integer extensionDays;

    /** The first instant the holding is due for deletion; null while it waits for its contract to end. */
    @Column(name = "delete_after")
    public OffsetDateTime deleteAfter;

    @Column(name = "registered_at", nullable = false, updatable = false)
    public OffsetDateTime registeredAt;

    @Column(name = "registered_by", nullable = false, updatable = false)
    public String registeredBy;
}
