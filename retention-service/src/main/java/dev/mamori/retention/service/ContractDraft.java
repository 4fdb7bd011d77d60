package dev.mamori.retention.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A client contract as a privacy officer registers it. */
@Schema(name = "ContractDraft")
public record ContractDraft(
        @Schema(description = "The tenant's reference for the contract", example = "acme-2026")
        @NotBlank
        @Pattern(regexp = REF, message = REF_MESSAGE)
        String ref,

        @Schema(example = "ACME 株式会社 コールセンター業務委託契約") @Size(max = 200)
        String name,

        @Schema(description = "First day of service (Japan time)", example = "2026-01-01") @NotNull
        LocalDate startsOn,

        @Schema(description = "Last day of service, when already agreed", example = "2026-12-31")
        LocalDate endsOn) {

    public static final String REF = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    public static final String REF_MESSAGE =
            "must be 1-64 letters, digits, '.', '_' or '-' (starting with a letter or digit)";
}
