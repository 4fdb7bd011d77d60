package dev.mamori.request;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** What a closed request produced: the disclosure package (encrypted), what each target did, the person's notice. */
@Entity
@Table(name = "request_result")
public class RequestResult {

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "package_cipher")
    public String packageCipher;

    /** JSON array: per target and action, what it answered (counts, certificate ids), no personal data. */
    @Column(nullable = false)
    public String actions;

    @Column(name = "notice_ja", nullable = false)
    public String noticeJa;

    @Column(name = "notice_en", nullable = false)
    public String noticeEn;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
