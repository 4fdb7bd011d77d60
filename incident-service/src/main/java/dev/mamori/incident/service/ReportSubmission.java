package dev.mamori.incident.service;

import dev.mamori.incident.ReportStage;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A report submitted to the PPC: which one, when, and the reception number the PPC gave. */
@Schema(name = "ReportSubmission")
public record ReportSubmission(
        @Schema(description = "PRELIMINARY (速報) or FINAL (確報)") @NotNull
        ReportStage stage,

        @Schema(description = "The PPC's reception number (受付番号)", example = "PPC-2026-012345")
        @NotBlank
        @Size(max = 100)
        String receptionNumber,

        @Schema(description = "When it was submitted; now when absent")
        OffsetDateTime submittedAt) {}
