package dev.mamori.thirdparty;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A stop of third-party provision for one person, set on an approved request (APPI Arts. 27(2), 35(3), 35(5)) and
 * in force until lifted. While it is in force, provisions about the person are refused (rule PROVISION_STOPPED).
 */
@Entity
@Table(name = "provision_stop")
public class ProvisionStop {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "subject_ref", nullable = false, updatable = false)
    public String subjectRef;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public StopGround ground;

    /** The approved request in request-service that ordered the stop. */
    @Column(name = "request_ref", nullable = false, updatable = false)
    public String requestRef;

    @Column(name = "stopped_at", nullable = false, updatable = false)
    public OffsetDateTime stoppedAt;

    @Column(name = "stopped_by", nullable = false, updatable = false)
    public String stoppedBy;

    @Column(name = "lifted_at")
    public OffsetDateTime liftedAt;

    @Column(name = "lifted_by")
    public String liftedBy;

    @Column(name = "lift_reason")
    public String liftReason;
}
