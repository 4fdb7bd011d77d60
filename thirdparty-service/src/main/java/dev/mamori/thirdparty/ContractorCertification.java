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
 * A certification of a contractor with its expiry. A renewal is a new row; the latest row of a scheme is the one in
 * force. Append-only.
 */
@Entity
@Immutable
@Table(name = "contractor_certification")
public class ContractorCertification {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "contractor_id", nullable = false)
    public UUID contractorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CertificationScheme scheme;

    @Column(nullable = false)
    public String number;

    /** The last day the certification is valid. */
    @Column(name = "expires_on", nullable = false)
    public LocalDate expiresOn;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;
}
