package dev.mamori.thirdparty.service;

import dev.mamori.platform.validation.NotFuture;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The items of an opt-out filing (APPI Art. 27(2); PPC Rule 11(4)), as notified to principals and filed with the
 * PPC. Items (ii) and (vi), that provision to third parties is a purpose and that it stops on request, are what an
 * opt-out filing is, so they are not asked for.
 */
@Schema(name = "OptOutFilingDraft")
public record OptOutFilingDraft(
        @Schema(description = "(i) the provider's name") @NotBlank @Size(max = 300)
        String providerName,

        @Schema(description = "(i) the provider's address") @NotBlank @Size(max = 500)
        String providerAddress,

        @Schema(description = "(i) the representative's name") @NotBlank @Size(max = 200)
        String providerRepresentative,

        @Schema(description = "(iii) items of personal data provided") @NotEmpty @Size(max = 100)
        List<@NotBlank @Size(max = 100) String> dataItems,

        @Schema(description = "(iv) how the data is acquired") @NotBlank @Size(max = 2000)
        String acquisitionMethod,

        @Schema(description = "(v) how the data is provided", example = "Electronic file by encrypted transfer")
        @NotBlank
        @Size(max = 2000)
        String provisionMethod,

        @Schema(description = "(vii) how requests to stop are received") @NotBlank @Size(max = 2000)
        String requestMethod,

        @Schema(description = "(viii) how the data is updated (Rule 11(4))") @NotBlank @Size(max = 2000)
        String updateMethod,

        @Schema(description = "(viii) when provision starts (Rule 11(4))") @NotNull
        LocalDate provisionStartsOn,

        @Schema(description = "The day the filing (or the change) was submitted to the PPC") @NotNull @NotFuture
        LocalDate filedOn) {}
