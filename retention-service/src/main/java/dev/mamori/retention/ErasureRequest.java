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
 * The request to one owning system to erase what a batch of erased holdings pointed to: a row of the platform's
 * outbox. The deliverer sends it as a signed POST until the system accepts or confirms it, with retries and backoff;
 * FAILED is its dead letter.
 */
@Entity
@Table(name = "erasure_request")
public class ErasureRequest {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "system_code", nullable = false, updatable = false)
    public String systemCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public ErasureCause cause;

    @Column(name = "run_id", updatable = false)
    public UUID runId;

    @Column(name = "request_ref", updatable = false)
    public String requestRef;

    @Column(name = "item_count", nullable = false, updatable = false)
    public int itemCount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ErasureRequestStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public OffsetDateTime nextAttemptAt;

    @Column(name = "lease_until")
    public OffsetDateTime leaseUntil;

    /** The claim that holds the row while its lease runs. */
    @Column(name = "leased_by")
    public UUID leasedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    @Column(name = "confirmed_at")
    public OffsetDateTime confirmedAt;

    @Column(name = "confirmed_by")
    public String confirmedBy;

    @Column(name = "erased_count")
    public Integer erasedCount;

    @Column(name = "last_error")
    public String lastError;
}
