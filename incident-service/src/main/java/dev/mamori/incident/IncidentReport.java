package dev.mamori.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A report submitted to the PPC (PPC Rule 8): the items as they were submitted, who submitted it, when, and the
 * reception number the PPC gave. Never changed once recorded (the database refuses it too).
 */
@Entity
@Table(name = "incident_report")
public class IncidentReport {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "incident_id", nullable = false, updatable = false)
    public UUID incidentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public ReportStage stage;

    /** The report's items (JSON of ReportDraft) as submitted. */
    @Column(nullable = false, updatable = false)
    public String content;

    @Column(name = "reception_number", nullable = false, updatable = false)
    public String receptionNumber;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    public OffsetDateTime submittedAt;

    @Column(name = "submitted_by", nullable = false, updatable = false)
    public String submittedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public OffsetDateTime recordedAt;
}
