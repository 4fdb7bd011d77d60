package dev.mamori.thirdparty;

import dev.mamori.platform.persistence.StringListConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * The record of personal data received from a third party (APPI Art. 30(3); PPC Rules 23-24): who provided it as
 * confirmed at the time (name, address, representative: Art. 30(1)(i)), how the provider acquired it
 * (Art. 30(1)(ii)), the consent fact or the PPC publication of the provider's opt-out filing, the date received for
 * opt-out, the principals ({@link ReceiptSubject}) and the data items. Append-only: a record is never edited, and
 * the database refuses to delete it before {@link #retainUntil} (Art. 30(4); Rule 25).
 */
@Entity
@Immutable
@Table(name = "receipt_record")
public class ReceiptRecord {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "provider_id", nullable = false)
    public UUID providerId;

    /** The provider's identity as confirmed when the data was received, kept even if the party's entry changes. */
    @Column(name = "provider_name", nullable = false)
    public String providerName;

    @Column(name = "provider_address", nullable = false)
    public String providerAddress;

    @Column(name = "provider_representative")
    public String providerRepresentative;

    @Column(name = "acquisition_circumstances", nullable = false)
    public String acquisitionCircumstances;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReceiptBasis basis;

    @Column(name = "consent_confirmed", nullable = false)
    public boolean consentConfirmed;

    @Column(name = "ppc_publication_confirmed", nullable = false)
    public boolean ppcPublicationConfirmed;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RecordMethod method;

    @Column(name = "received_on")
    public LocalDate receivedOn;

    @Column(name = "last_transfer_on")
    public LocalDate lastTransferOn;

    @Convert(converter = StringListConverter.class)
    @Column(name = "data_items", nullable = false)
    public List<String> dataItems;

    /** The day the record was made, in Japan: the start of the 3-year period for records made each time. */
    @Column(name = "recorded_on", nullable = false)
    public LocalDate recordedOn;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    /** The last day the record must be kept (Art. 30(4); Rule 25). */
    @Column(name = "retain_until", nullable = false)
    public LocalDate retainUntil;
}
