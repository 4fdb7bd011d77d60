package dev.mamori.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Cessation of use of a person's data after a decision on their request (APPI Art. 35(1), (5)): for one purpose
 * or, with no purpose, for all. While in force every use decision for it answers USE_STOPPED.
 */
@Entity
@Table(name = "use_stop")
public class UseStop {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "subject_ref", nullable = false)
    public String subjectRef;

    /** Null stops every purpose. */
    @Column(name = "purpose_code")
    public String purposeCode;

    /** The data-subject request that decided it. */
    @Column(name = "request_ref", nullable = false)
    public String requestRef;

    @Column(nullable = false)
    public String ground;

    @Column(name = "stopped_at", nullable = false)
    public OffsetDateTime stoppedAt;

    @Column(name = "stopped_by", nullable = false)
    public String stoppedBy;

    @Column(name = "lifted_at")
    public OffsetDateTime liftedAt;

    @Column(name = "lifted_by")
    public String liftedBy;

    @Column(name = "lift_reason")
    public String liftReason;
}
