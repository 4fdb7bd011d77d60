package dev.mamori.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Something done about an incident (containment, prevention, a hold, a use stop), its owner and due date. */
@Entity
@Table(name = "incident_measure")
public class Measure {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "incident_id", nullable = false, updatable = false)
    public UUID incidentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public MeasureKind kind;

    @Column(nullable = false, updatable = false)
    public String action;

    @Column(nullable = false, updatable = false)
    public String owner;

    @Column(name = "due_on", nullable = false, updatable = false)
    public LocalDate dueOn;

    @Column(name = "done_at")
    public OffsetDateTime doneAt;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    public String recordedBy;
}
