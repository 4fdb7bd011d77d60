package dev.mamori.request.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A requester asks where their request filed online stands: its receipt number and the email they gave. */
@Schema(name = "FilingStatusQuery")
public record StatusQuery(
        @Schema(example = "R-7KQ4-M2XD") @NotBlank @Size(max = 20)
        String receiptNumber,

        @Schema(example = "agent@example.jp") @NotBlank @Size(max = 254)
        String email) {}
