package dev.mamori.retention.service;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An owning system's later confirmation that it erased what an erasure request asked for. */
@Schema(name = "ErasureConfirmation")
public record ErasureConfirmationDraft(
        @Schema(description = "The erasureRequestId the system was sent") @NotNull
        UUID erasureRequestId,

        @Schema(description = "How many of the request's items the system erased", example = "120") @NotNull @Min(0)
        Integer erased) {}
