package dev.mamori.thirdparty;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The tenant's opt-out provision as notified to principals and filed with the PPC (APPI Art. 27(2)); its items are
 * in versions ({@link OptOutFilingVersion}), one per filing of a change (Art. 27(3)).
 */
@Entity
@Table(name = "opt_out_filing")
public class OptOutFiling {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "current_version", nullable = false)
    public int currentVersion;

    /** The day opt-out provision under this filing ended (Art. 27(3): notified and filed), if it has. */
    @Column(name = "withdrawn_on")
    public LocalDate withdrawnOn;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;
}
