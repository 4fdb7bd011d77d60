package dev.mamori.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A purpose of use a client company publishes (APPI Art. 17(1)): identified by a tenant-scoped code, with
 * immutable numbered versions ({@link PurposeVersion}). The latest published version is the one in force.
 */
@Entity
@Table(name = "purpose")
public class Purpose {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(nullable = false, updatable = false)
    public String code;

    @Column(name = "current_version", nullable = false)
    public int currentVersion;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;
}
