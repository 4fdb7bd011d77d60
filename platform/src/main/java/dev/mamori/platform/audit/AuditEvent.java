package dev.mamori.platform.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One append-only line of the audit log: who read or changed which person's data, for which tenant, with what
 * outcome (APPI Art. 23 security measures; PrivacyMark access records). Rows are hash-chained per tenant so an
 * edited or deleted row is detectable by {@link AuditLog#verify}.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @Column(name = "id")
    public java.util.UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    /** Position in the tenant's chain, from 1 without gaps. */
    @Column(name = "seq", nullable = false)
    public long seq;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    @Column(name = "actor_subject", nullable = false)
    public String actorSubject;

    @Column(name = "actor_client")
    public String actorClient;

    @Column(name = "action", nullable = false)
    public String action;

    @Column(name = "resource_type", nullable = false)
    public String resourceType;

    @Column(name = "resource_id")
    public String resourceId;

    /** The data subject whose data was touched, when there is one. */
    @Column(name = "subject_ref")
    public String subjectRef;

    @Column(name = "outcome", nullable = false)
    public String outcome;

    @Column(name = "prev_hash", nullable = false)
    public String prevHash;

    @Column(name = "hash", nullable = false)
    public String hash;
}
