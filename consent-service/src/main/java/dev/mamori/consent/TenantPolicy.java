package dev.mamori.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A client company's own consent settings and the controller details its consent receipts name. A tenant that
 * never set one gets {@link #DEFAULT_GUARDIAN_AGE}.
 */
@Entity
@Table(name = "tenant_policy")
public class TenantPolicy {

    /**
     * Below this age a statutory agent must consent. The Act sets no age (a minor who cannot judge the consequences
     * consents through a statutory agent); 16 errs towards asking the agent, and each tenant sets its own.
     */
    public static final int DEFAULT_GUARDIAN_AGE = 16;

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Column(name = "guardian_age_threshold", nullable = false)
    public int guardianAgeThreshold;

    @Column(name = "controller_name")
    public String controllerName;

    @Column(name = "controller_address")
    public String controllerAddress;

    /** A corporation's representative (APPI Art. 32(1)(i)); published on the company's privacy center page. */
    @Column(name = "controller_representative")
    public String controllerRepresentative;

    @Column(name = "controller_contact")
    public String controllerContact;

    @Column(name = "policy_url")
    public String policyUrl;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    public static TenantPolicy defaults(String tenantId) {
        TenantPolicy policy = new TenantPolicy();
        policy.tenantId = tenantId;
        policy.guardianAgeThreshold = DEFAULT_GUARDIAN_AGE;
        return policy;
    }
}
