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
 * A request filed on the privacy center that waits for its requester to confirm it with the one-time code mailed to
 * them. Nothing is a request before that. What was filed is personal data and kept only as one AES-GCM ciphertext;
 * of the code only a salted HMAC is kept. Deleted once confirmed, or after a day unconfirmed.
 */
@Entity
@Table(name = "online_filing")
public class OnlineFiling {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public RequestType type;

    /** The language of the mails: ja or en. */
    @Column(nullable = false, updatable = false)
    public String language;

    /** The filing as sent (requester, agent, person, type-specific parts), as one encrypted JSON object. */
    @Column(name = "content_cipher", nullable = false, updatable = false)
    public String contentCipher;

    @Column(name = "code_salt", nullable = false)
    public byte[] codeSalt;

    @Column(name = "code_hash", nullable = false)
    public byte[] codeHash;

    @Column(name = "code_expires_at", nullable = false)
    public OffsetDateTime codeExpiresAt;

    /** Wrong codes still accepted for the current code. */
    @Column(name = "attempts_left", nullable = false)
    public int attemptsLeft;

    /** Codes sent so far, the first included. */
    @Column(name = "codes_sent", nullable = false)
    public int codesSent;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
