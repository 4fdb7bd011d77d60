package dev.mamori.request.service;

import dev.mamori.request.IdentityDocumentType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A copy of an identity document the requester uploads on the privacy center after confirming their filing, with
 * the receipt number and the upload token the confirmation gave. The same rules as staff verification apply: a
 * My Number card only by its front, no copy showing a My Number, health-insurance documents only masked.
 */
@Schema(name = "RequesterDocumentUpload")
public record RequesterDocumentUpload(
        @Schema(example = "R-7KQ4-M2XD") @NotBlank @Size(max = 20)
        String receiptNumber,

        @Schema(
                description = "The uploadToken of the confirmation",
                example = "q0xW3rJ0cH2m9V6sYwH6fC7e3ZbKpQ1uLrT8nD4aGxE")
        @NotBlank
        @Size(max = 100)
        String uploadToken,

        @Schema(example = "DRIVERS_LICENSE") @NotNull IdentityDocumentType documentType,

        @Schema(description = "MY_NUMBER_CARD: FRONT only; the back carries the My Number")
        IdentityVerification.Side side,

        @Schema(
                description = "Whose identity the document proves; required when the request has an agent, "
                        + "PERSON otherwise",
                example = "PERSON")
        IdentityVerification.Holder provesIdentityOf,

        @Schema(description = "Whether the copy shows a My Number; true is refused and nothing is stored") @NotNull
        Boolean containsMyNumber,

        @Schema(description = "Health-insurance documents: the insurer number, symbol and QR code are masked")
        Boolean insurerNumberMasked,

        @Schema(description = "The file's name, shown to staff only", example = "license.jpg")
        @NotBlank
        @Size(max = 200)
        String fileName,

        @Schema(description = "The copy, base64 (JPEG, PNG or PDF, judged by its content)")
        @NotBlank
        @Size(max = 3_000_000)
        String base64) {}
