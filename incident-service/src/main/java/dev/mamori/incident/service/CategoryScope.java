package dev.mamori.incident.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A ledger category the incident affected. Its names, items and sensitive flag are read from the ledger; whether its
 * misuse may cause financial harm (PPC Rule 7(ii): card numbers, bank accounts, online-banking credentials) is stated
 * here, for the incident.
 */
@Schema(name = "CategoryScope")
public record CategoryScope(
        @Schema(example = "call-recording")
        @NotBlank
        @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,63}", message = "must be a ledger category code")
        String code,

        @Schema(description = "Misuse of the data may cause financial harm (PPC Rule 7(ii))") @NotNull
        Boolean financialHarm) {}
