package dev.mamori.thirdparty;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * A selection assessment of a contractor's security measures, made before choosing it and repeated periodically
 * (APPI Art. 25; PPC general guideline 3-4-4 (1) "selection of an appropriate contractor"). Append-only.
 */
@Entity
@Immutable
@Table(name = "contractor_assessment")
public class ContractorAssessment {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "contractor_id", nullable = false)
    public UUID contractorId;

    @Column(name = "assessed_on", nullable = false)
    public LocalDate assessedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AssessmentResult result;

    @Column(nullable = false)
    public String assessor;

    /** The assessment stands until this day; after it the contractor must be assessed again. */
    @Column(name = "valid_until", nullable = false)
    public LocalDate validUntil;

    @Column
    public String notes;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;
}
