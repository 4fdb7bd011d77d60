package dev.mamori.thirdparty;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * A periodic check that a recipient in a foreign country still implements measures equivalent to the Act's
 * (APPI Art. 28(3); PPC Rule 18(1)(i): at least once a year). Append-only.
 */
@Entity
@Immutable
@Table(name = "cross_border_check")
public class CrossBorderCheck {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "third_party_id", nullable = false)
    public UUID thirdPartyId;

    @Column(name = "checked_on", nullable = false)
    public LocalDate checkedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CheckResult result;

    @Column
    public String notes;

    @Column(name = "next_check_due", nullable = false)
    public LocalDate nextCheckDue;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;
}
