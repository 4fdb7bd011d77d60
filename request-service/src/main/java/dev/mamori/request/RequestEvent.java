package dev.mamori.request;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One line of a request's own log: what happened, who did it, when, and the status it left. Append-only (the
 * database refuses edits), so the handling of a request can be shown afterwards (JIS Q 15001 records of
 * disclosure-request handling).
 */
@Entity
@Immutable
@Table(name = "request_event")
public class RequestEvent {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    /** Position in the request's log, from 1 without gaps. */
    @Column(nullable = false)
    public int seq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RequestEventKind kind;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    @Column(name = "actor_subject", nullable = false)
    public String actorSubject;

    @Column(name = "actor_client")
    public String actorClient;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_after", nullable = false)
    public RequestStatus statusAfter;

    /** A staff-written note, such as a cancellation reason. */
    @Column
    public String detail;
}
