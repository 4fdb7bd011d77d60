package dev.mamori.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** The withdrawal of one consent: at most one per consent, never removed. */
@Entity
@Immutable
@Table(name = "consent_withdrawal")
public class ConsentWithdrawal {

    @Id
    @Column(name = "consent_id")
    public UUID consentId;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "withdrawn_at", nullable = false)
    public OffsetDateTime withdrawnAt;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(nullable = false)
    public String channel;

    public String reason;

    @Column(name = "actor_subject", nullable = false)
    public String actorSubject;
}
