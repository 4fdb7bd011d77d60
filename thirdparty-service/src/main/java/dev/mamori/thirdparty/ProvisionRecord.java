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
 * The record of personal data provided to a third party (APPI Art. 29(1); PPC Rules 19-20): the recipient's
 * identity as registered at the time (name, address, representative), the principals ({@link ProvisionSubject}),
 * the data items, the consent fact for a consent-based provision and the date for an opt-out one, with the method
 * and the retention end (Art. 29(2); Rule 21). Flows that need no statutory record (Art. 27(1) exceptions,
 * Art. 27(5) cases, public agencies) are recorded too, as the evidence of the check, with {@link #statutoryRecord}
 * false. Append-only: the database refuses edits and deletion before {@link #retainUntil}.
 */
@Entity
@Immutable
@Table(name = "provision_record")
public class ProvisionRecord {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "recipient_id", nullable = false)
    public UUID recipientId;

    @Column(name = "recipient_name", nullable = false)
    public String recipientName;

    @Column(name = "recipient_address", nullable = false)
    public String recipientAddress;

    @Column(name = "recipient_representative")
    public String recipientRepresentative;

    @Column(name = "recipient_country", nullable = false)
    public String recipientCountry;

    @Enumerated(EnumType.STRING)
    @Column(name = "legal_basis", nullable = false)
    public LegalBasis legalBasis;

    @Enumerated(EnumType.STRING)
    @Column(name = "cross_border_basis")
    public CrossBorderBasis crossBorderBasis;

    /**
     * CONSENT_WITH_INFORMATION: the versions of the purpose, with the Art. 28(2) information on the recipient's
     * country, its system and the recipient's measures (Rule 17), that the principals consented on; ascending,
     * each once (Art. 28(1)(2)).
     */
    @Convert(converter = IntegerListConverter.class)
    @Column(name = "cross_border_consent_versions")
    public List<Integer> crossBorderConsentVersions;

    /** EQUIVALENT_MEASURES: the latest periodic check of the recipient's measures the provision relied on (Art. 28(3); Rule 18(1)(i)). */
    @Column(name = "cross_border_check_id")
    public UUID crossBorderCheckId;

    @Column(name = "cross_border_checked_on")
    public LocalDate crossBorderCheckedOn;

    /** The consent-service purpose the provision serves, when one was named. */
    @Column
    public String purpose;

    @Column(name = "purpose_version")
    public Integer purposeVersion;

    /** Rule 20(1)(ii): that the principals consented (Art. 27(1) or 28(1)), as consent-service answered. */
    @Column(name = "consent_confirmed", nullable = false)
    public boolean consentConfirmed;

    @Column(name = "joint_use_scheme_id")
    public UUID jointUseSchemeId;

    @Column(name = "joint_use_scheme_version")
    public Integer jointUseSchemeVersion;

    @Column(name = "contractor_id")
    public UUID contractorId;

    @Column(name = "opt_out_filing_id")
    public UUID optOutFilingId;

    /** Whether Art. 29(1) requires this record (see {@link ThirdParty#provisionRecordsRequired()}). */
    @Column(name = "statutory_record", nullable = false)
    public boolean statutoryRecord;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RecordMethod method;

    /** Rule 20(1)(i)(a): the date of provision (required for opt-out). */
    @Column(name = "provided_on")
    public LocalDate providedOn;

    @Column(name = "last_transfer_on")
    public LocalDate lastTransferOn;

    @Convert(converter = StringListConverter.class)
    @Column(name = "data_items", nullable = false)
    public List<String> dataItems;

    @Column(name = "recorded_on", nullable = false)
    public LocalDate recordedOn;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    /** The last day the record must be kept (Art. 29(2); Rule 21). */
    @Column(name = "retain_until", nullable = false)
    public LocalDate retainUntil;

    /** A list of integers as a JSON array in a text column, like the platform's string lists. */
    @jakarta.persistence.Converter
    public static class IntegerListConverter implements jakarta.persistence.AttributeConverter<List<Integer>, String> {

        private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
                new com.fasterxml.jackson.databind.ObjectMapper();
        private static final com.fasterxml.jackson.core.type.TypeReference<List<Integer>> LIST =
                new com.fasterxml.jackson.core.type.TypeReference<>() {};

        @Override
        public String convertToDatabaseColumn(List<Integer> values) {
            if (values == null) {
                return null;
            }
            try {
                return JSON.writeValueAsString(values);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException("Cannot store list", e);
            }
        }

        @Override
        public List<Integer> convertToEntityAttribute(String column) {
            if (column == null) {
                return null;
            }
            try {
                return List.copyOf(JSON.readValue(column, LIST));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("Stored list is not a JSON array: " + column, e);
            }
        }
    }
}
