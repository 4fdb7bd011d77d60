package dev.mamori.request;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The link by which the requester downloads a result delivered electronically (Art. 33(1)). The link alone opens
 * nothing: a fresh six-digit code mailed to the requester's address turns it into a short grant to download. Of the
 * token and the grant only SHA-256 hashes are kept, of the code only a salted HMAC.
 */
@Entity
@Table(name = "result_delivery")
public class ResultDelivery {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "request_id", nullable = false, updatable = false)
    public UUID requestId;

    @Column(name = "token_hash", nullable = false, updatable = false)
    public byte[] tokenHash;

    /** After this the link opens nothing. */
    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;

    @Column(name = "code_salt")
    public byte[] codeSalt;

    @Column(name = "code_hash")
    public byte[] codeHash;

    @Column(name = "code_expires_at")
    public OffsetDateTime codeExpiresAt;

    /** Wrong codes still accepted for the current code. */
    @Column(name = "attempts_left", nullable = false)
    public int attemptsLeft;

    @Column(name = "code_window_start")
    public OffsetDateTime codeWindowStart;

    /** Codes sent since {@link #codeWindowStart}. */
    @Column(name = "codes_in_window", nullable = false)
    public int codesInWindow;

    @Column(name = "grant_hash")
    public byte[] grantHash;

    @Column(name = "grant_expires_at")
    public OffsetDateTime grantExpiresAt;

    @Column(nullable = false)
    public int downloads;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
