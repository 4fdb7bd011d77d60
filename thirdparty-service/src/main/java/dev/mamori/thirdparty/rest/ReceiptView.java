package dev.mamori.thirdparty.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mamori.thirdparty.ReceiptBasis;
import dev.mamori.thirdparty.ReceiptRecord;
import dev.mamori.thirdparty.RecordMethod;
import dev.mamori.thirdparty.service.ReceiptService.RecordedReceipt;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A receipt record (APPI Art. 30(3)) with the items PPC Rule 24 asks for and its retention end. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ReceiptRecord")
public record ReceiptView(
        UUID id,
        UUID providerId,

        @Schema(description = "The provider's identity as confirmed at receipt (Art. 30(1)(i))")
        Provider provider,

        @Schema(description = "How the provider acquired the data (Art. 30(1)(ii))")
        String acquisitionCircumstances,

        ReceiptBasis basis,
        boolean consentConfirmed,
        boolean ppcPublicationConfirmed,
        RecordMethod method,
        LocalDate receivedOn,
        LocalDate lastTransferOn,
        List<String> dataItems,

        @Schema(description = "The principals; a person's own disclosure lists only that person")
        List<String> subjectRefs,

        @Schema(description = "Day the record was made, in Japan")
        LocalDate recordedOn,

        OffsetDateTime recordedAt,
        String recordedBy,

        @Schema(description = "Last day the record must be kept (Art. 30(4); Rule 25)")
        LocalDate retainUntil) {

    @Schema(name = "ReceiptProvider")
    public record Provider(String name, String address, String representative) {}

    static ReceiptView of(RecordedReceipt recorded) {
        ReceiptRecord r = recorded.record();
        return new ReceiptView(
                r.id,
                r.providerId,
                new Provider(r.providerName, r.providerAddress, r.providerRepresentative),
                r.acquisitionCircumstances,
                r.basis,
                r.consentConfirmed,
                r.ppcPublicationConfirmed,
                r.method,
                r.receivedOn,
                r.lastTransferOn,
                r.dataItems,
                recorded.subjectRefs(),
                r.recordedOn,
                r.recordedAt,
                r.recordedBy,
                r.retainUntil);
    }
}
