package dev.mamori.retention;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A client system that holds the data holdings point to, with the endpoint the suite calls to have it erased.
 * Calls are signed with HMAC-SHA256 under a per-system secret, kept encrypted and never returned.
 */
@Entity
@Table(name = "owning_system")
public class OwningSystem {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(nullable = false, updatable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "erasure_url", nullable = false)
    public String erasureUrl;

    @Column(name = "secret_cipher", nullable = false)
    public String secretCipher;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;
}
