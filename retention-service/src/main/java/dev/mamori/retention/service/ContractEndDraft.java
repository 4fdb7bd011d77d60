package dev.mamori.retention.service;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Ending a client contract: its last day of service. A day in the past makes its data due at once. */
@Schema(name = "ContractEnd")
public record ContractEndDraft(
        @Schema(description = "Last day of service (Japan time), inclusive", example = "2026-06-30") @NotNull
        LocalDate endsOn) {}
