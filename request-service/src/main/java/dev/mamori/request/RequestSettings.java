package dev.mamori.request;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A client company's (tenant's) settings for request handling: the SLA of its contract in Japanese business days
 * (the Act only says "without delay", 遅滞なく), the fees it publishes for purpose notification and disclosure
 * (Art. 38), and where its system takes callbacks.
 */
@Entity
@Table(name = "request_settings")
public class RequestSettings {

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Column(name = "business_days_to_due", nullable = false)
    public int businessDaysToDue;

    @Column(name = "near_due_business_days", nullable = false)
    public int nearDueBusinessDays;

    @Column(name = "purpose_notification_fee_jpy")
    public Integer purposeNotificationFeeJpy;

    @Column(name = "disclosure_fee_jpy")
    public Integer disclosureFeeJpy;

    @Column(name = "client_callback_url")
    public String clientCallbackUrl;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;
}
