package dev.mamori.thirdparty.service;

import dev.mamori.platform.subject.SubjectRef;
import dev.mamori.thirdparty.ReceiptBasis;
import dev.mamori.thirdparty.RecordMethod;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a caller submits to record personal data received from a third party (APPI Art. 30; PPC Rules 22-24).
 * The provider's identity comes from its registered entry; the rest is what the recipient confirmed.
 * Each subject reference follows the one rule ({@link SubjectRef}) and each data item is 1 to
 * {@value #MAX_DATA_ITEM} characters; a refusal names {@code subjectRefs[i]} / {@code dataItems[i]}.
 * Its dates carry no {@code @NotFuture}: a date after today is refused as the rule DATE_IN_FUTURE, inside the one
 * refusal that names every failing rule, so a caller fixes the record in one go.
 */
@Schema(name = "ReceiptDraft")
public record ReceiptDraft(
        @Schema(description = "The registered third party that provided the data") @NotNull
        UUID providerId,

        @Schema(
                description = "The principals the data is about, each a subject reference (" + SubjectRef.MESSAGE
                        + "); each is recorded (Rule 24(1)(i)(c))",
                example = "[\"cust-000123\"]")
        @NotEmpty
        @Size(max = 500)
        List<@NotNull @Pattern(regexp = SubjectRef.PATTERN, message = SubjectRef.MESSAGE) String> subjectRefs,

        @Schema(
                description = "Items of the personal data received, each 1-100 characters (Rule 24(1)(i)(d))",
                example = "[\"name\", \"phone\"]")
        @NotEmpty
        @Size(max = 100)
        List<@NotBlank @Size(max = MAX_DATA_ITEM) String> dataItems,

        @Schema(
                description = "How the provider acquired the data, as confirmed (Art. 30(1)(ii); Rule 22(2))",
                example = "Entry form on the provider's campaign site, with consent to provision to partners")
        @NotBlank
        @Size(max = 2000)
        String acquisitionCircumstances,

        @Schema(description = "CONSENT or OPT_OUT (Rule 24(1))", example = "CONSENT") @NotNull
        ReceiptBasis basis,

        @Schema(
                description =
                        "CONSENT: that the principal consented to the provision (Rule 24(1)(ii)(a)); must be true")
        Boolean consentConfirmed,

        @Schema(
                description = "OPT_OUT: that the PPC published the provider's opt-out filing (Art. 27(4); "
                        + "Rule 24(1)(i)(e)); must be true")
        Boolean ppcPublicationConfirmed,

        @Schema(description = "EACH, BULK or CONTRACT_SUBSTITUTE (Rule 23); decides the retention", example = "EACH")
        @NotNull
        RecordMethod method,

        @Schema(
                description = "Date the data was received, in Japan; required for OPT_OUT (Rule 24(1)(i)(a))",
                example = "2025-04-01")
        LocalDate receivedOn,

        @Schema(
                description = "Date of the last receipt the record covers; required for BULK and CONTRACT_SUBSTITUTE,"
                        + " where the retention runs from it (Rule 25(i)(ii))",
                example = "2025-04-01")
        LocalDate lastTransferOn) {

    public static final int MAX_DATA_ITEM = 100;

    /** Absent is not confirmed (a CONSENT receipt need not send ppcPublicationConfirmed, nor OPT_OUT consentConfirmed). */
    public boolean consentIsConfirmed() {
        return Boolean.TRUE.equals(consentConfirmed);
    }

    public boolean ppcPublicationIsConfirmed() {
        return Boolean.TRUE.equals(ppcPublicationConfirmed);
    }
}
