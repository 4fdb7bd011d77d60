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

/** A periodic audit of a contractor's handling of entrusted data (APPI Art. 25). Append-only. */
@Entity
@Immutable
@Table(name = "contractor_audit")
public class ContractorAudit {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "contractor_id", nullable = false)
    public UUID contractorId;

    @Column(name = "audited_on", nullable = false)
    public LocalDate auditedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AuditResult result;

    @Column
    public String findings;

    @Column(name = "next_due", nullable = false)
    public LocalDate nextDue;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;
}
