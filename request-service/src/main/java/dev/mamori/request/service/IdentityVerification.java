package dev.mamori.request.service;

import dev.mamori.platform.validation.NotFuture;
import dev.mamori.request.IdentityDocumentType;
import dev.mamori.request.VerificationMethod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How a requester's identity was verified (Art. 37(1)). By documents: one photo document, or two others; a My
 * Number card only by its front; health-insurance documents only with the insurer number, symbol and QR masked.
 * By a call back to the number the client company has on record for the person.
 */
@Schema(name = "IdentityVerification")
public record IdentityVerification(
        @Schema(example = "DOCUMENTS") @NotNull VerificationMethod method,

        @Schema(description = "DOCUMENTS: what was seen; a copy is optional and is deleted after a short period")
        @Size(max = 5)
        List<@NotNull @Valid Document> documents,

        @Schema(description = "CALLBACK_TO_REGISTERED_NUMBER: the call made") @Valid
        RegisteredNumberCallback callback,

        @Schema(example = "運転免許証の写しで氏名・住所を照合") @Size(max = 1000)
        String note) {

    public enum Side {
        FRONT,
        BACK
    }

    /** Whose identity a document proves: the person the data is about, or the agent asking for them (Art. 37). */
    public enum Holder {
        PERSON,
        AGENT
    }

    @Schema(name = "IdentityDocument")
    public record Document(
            @Schema(example = "DRIVERS_LICENSE") @NotNull IdentityDocumentType type,

            @Schema(description = "MY_NUMBER_CARD: must be FRONT; the back carries the My Number")
            Side side,

            @Schema(description = "Health-insurance documents: the insurer number, symbol and QR code are masked")
            Boolean insurerNumberMasked,

            @Schema(
                    description = "Whether the document (or copy) shows a My Number; if so it is refused. Required "
                            + "(true or false) when a copy is uploaded")
            Boolean containsMyNumber,

            @Valid Copy copy,

            @Schema(
                    description = "Whose identity the document proves; required when the request has an agent, "
                            + "PERSON otherwise",
                    example = "PERSON")
            Holder provesIdentityOf) {}

    @Schema(name = "IdentityDocumentCopy")
    public record Copy(
            @Schema(example = "image/jpeg")
            @NotBlank
            @Pattern(
                    regexp = "image/jpeg|image/png|application/pdf",
                    message = "must be image/jpeg, image/png or " + "application/pdf")
            String contentType,

            @Schema(description = "The copy, base64") @NotBlank @Size(max = 3_000_000)
            String base64) {}

    @Schema(name = "RegisteredNumberCallback")
    public record RegisteredNumberCallback(
            @Schema(description = "Where the number is registered", example = "client CRM customer record")
            @NotBlank
            @Size(max = 200)
            String registeredIn,

            @NotNull @NotFuture OffsetDateTime calledAt,

            @Schema(example = "5678") @Pattern(regexp = "[0-9]{4}", message = "must be 4 digits")
            String numberLast4) {}
}
