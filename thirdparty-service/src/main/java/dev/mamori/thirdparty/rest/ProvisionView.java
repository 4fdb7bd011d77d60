package dev.mamori.thirdparty.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mamori.thirdparty.CrossBorderBasis;
import dev.mamori.thirdparty.LegalBasis;
import dev.mamori.thirdparty.ProvisionRecord;
import dev.mamori.thirdparty.RecordMethod;
import dev.mamori.thirdparty.service.ProvisionService.RecordedProvision;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A provision record (APPI Art. 29) with the items PPC Rule 20 asks for and its retention end. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ProvisionRecord")
public record ProvisionView(
        UUID id,
        UUID recipientId,

        @Schema(description = "The recipient's identity as registered at provision (Rule 20(1)(i)(b))")
        Recipient recipient,

        LegalBasis legalBasis,
        CrossBorderBasis crossBorderBasis,

        @Schema(
                description = "CONSENT_WITH_INFORMATION: the versions of the purpose, with the information on the "
                        + "country's system and the recipient's measures, that the principals consented on (Art. 28(1)(2); "
                        + "Rule 17)")
        List<Integer> crossBorderConsentVersions,

        @Schema(
                description = "EQUIVALENT_MEASURES: the latest periodic check of the recipient's measures the "
                        + "provision relied on (Art. 28(3); Rule 18(1)(i))")
        CrossBorderCheckRef crossBorderCheck,

        String purpose,
        Integer purposeVersion,

        @Schema(description = "That the principals consented (Rule 20(1)(ii))")
        boolean consentConfirmed,

        UUID jointUseSchemeId,
        Integer jointUseSchemeVersion,
        UUID contractorId,
        UUID optOutFilingId,

        @Schema(description = "Whether Art. 29(1) requires this record")
        boolean statutoryRecord,

        RecordMethod method,
        LocalDate providedOn,
        LocalDate lastTransferOn,
        List<String> dataItems,

        @Schema(description = "The principals; a person's own disclosure lists only that person")
        List<String> subjectRefs,

        LocalDate recordedOn,
        OffsetDateTime recordedAt,
        String recordedBy,

        @Schema(description = "Last day the record must be kept (Art. 29(2); Rule 21)")
        LocalDate retainUntil) {

    @Schema(name = "ProvisionCrossBorderCheck")
    public record CrossBorderCheckRef(UUID id, LocalDate checkedOn) {}

    @Schema(name = "ProvisionRecipient")
    public record Recipient(String name, String address, String representative, String country) {}

    static ProvisionView of(RecordedProvision recorded) {
        ProvisionRecord r = recorded.record();
        return new ProvisionView(
                r.id,
                r.recipientId,
                new Recipient(r.recipientName, r.recipientAddress, r.recipientRepresentative, r.recipientCountry),
                r.legalBasis,
                r.crossBorderBasis,
                r.crossBorderConsentVersions,
                r.crossBorderCheckId == null
                        ? null
                        : new CrossBorderCheckRef(r.crossBorderCheckId, r.crossBorderCheckedOn),
                r.purpose,
                r.purposeVersion,
                r.consentConfirmed,
                r.jointUseSchemeId,
                r.jointUseSchemeVersion,
                r.contractorId,
                r.optOutFilingId,
                r.statutoryRecord,
                r.method,
                r.providedOn,
                r.lastTransferOn,
                r.dataItems,
                recorded.subjectRefs(),
                r.recordedOn,
                r.recordedAt,
                r.recordedBy,
                r.retainUntil);
    }
}
