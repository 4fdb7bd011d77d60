package dev.mamori.request;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One call a request owes another service or the client system: a row of the durable outbox. It is written in the
 * same transaction as the decision or status change that makes it necessary, so nothing is lost; it is sent with
 * an Idempotency-Key derived from request, target and action, so a resend after a crash is not done twice.
 * Payload and fetched results are personal data and stored encrypted.
 */
@Entity
@Table(name = "fulfilment_task")
public class FulfilmentTask {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "request_id", nullable = false, updatable = false)
    public UUID requestId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public TaskTarget target;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public TaskAction action;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TaskStatus status;

    @Column(name = "idempotency_key", nullable = false, updatable = false)
    public String idempotencyKey;

    /** For callbacks the request event's seq (delivered in this order); for fulfilment 0. */
    @Column(nullable = false, updatable = false)
    public int seq;

    /** The exact body sent, encrypted; resent byte for byte. */
    @Column(name = "payload_cipher", updatable = false)
    public String payloadCipher;

    @Column(name = "result_cipher")
    public String resultCipher;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public OffsetDateTime nextAttemptAt;

    @Column(name = "lease_until")
    public OffsetDateTime leaseUntil;

    @Column(name = "leased_by")
    public UUID leasedBy;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "last_http_status")
    public Integer lastHttpStatus;

    /** Why a DONE task is not a plain success, e.g. the stop it asked for was already in force. */
    @Column(name = "note")
    public String note;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "done_at")
    public OffsetDateTime doneAt;
}
