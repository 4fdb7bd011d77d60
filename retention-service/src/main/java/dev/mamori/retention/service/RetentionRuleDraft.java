package dev.mamori.retention.service;

import dev.mamori.retention.RetentionBasis;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A category's new retention rule; every holding of the category gets its date recomputed. */
@Schema(name = "RetentionRule")
public record RetentionRuleDraft(
        @NotNull RetentionBasis retentionBasis,
        @Schema(example = "92") @NotNull @Min(0) @Max(36500) Integer retentionDays,

        @Schema(example = "年次見直しにより保管期間を変更") @NotBlank @Size(max = 1000)
        String reason) {}
