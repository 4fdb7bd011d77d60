package dev.mamori.consent.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WithdrawalDraft")
public record WithdrawalDraft(
        @Schema(description = "When the person withdrew; now if absent")
        OffsetDateTime withdrawnAt,

        @Schema(example = "phone") @NotBlank @Size(max = 200)
        String channel,

        @Size(max = 1000) String reason) {}
