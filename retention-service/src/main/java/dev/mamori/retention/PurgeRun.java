package dev.mamori.retention;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One purge of a tenant's due holdings. Each batch commits on its own, so a run that dies part-way leaves every
 * erased holding with its evidence and every other holding in place; a later run (or the scheduler, once the
 * heartbeat is stale) continues it under the same id.
 */
@Entity
@Table(name = "purge_run")
public class PurgeRun {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public PurgeTrigger trigger;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PurgeStatus status;

    @Column(name = "started_at", nullable = false, updatable = false)
    public OffsetDateTime startedAt;

    @Column(name = "heartbeat_at", nullable = false)
    public OffsetDateTime heartbeatAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    @Column(name = "started_by", nullable = false, updatable = false)
    public String startedBy;

    @Column(nullable = false)
    public long erased;

    @Column(nullable = false)
    public long held;

    @Column(nullable = false)
    public long failed;

    public String error;
}
