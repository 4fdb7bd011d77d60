package dev.mamori.thirdparty;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A joint-use scheme within a company group (APPI Art. 27(5)(iii)). It belongs to the tenant that manages it (the
 * person responsible for management) and names member tenants of the same group, who read it with their own tokens.
 * Its content lives in versions ({@link JointUseSchemeVersion}).
 */
@Entity
@Table(name = "joint_use_scheme")
public class JointUseScheme {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    /** The group of the responsible tenant when it created the scheme, from its token. */
    @Column(name = "group_id", nullable = false, updatable = false)
    public String groupId;

    @Column(nullable = false)
    public String title;

    @Column(name = "current_version", nullable = false)
    public int currentVersion;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;
}
