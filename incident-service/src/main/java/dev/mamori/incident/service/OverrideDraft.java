package dev.mamori.incident.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A privacy officer's decision on reportability that overrides the rules' answer, and why. */
@Schema(name = "TriageOverride")
public record OverrideDraft(
        @NotNull Boolean reportable,

        @Schema(example = "暗号化鍵の管理状況を確認し、鍵の漏えいがないことを確認した") @NotBlank @Size(max = 2000)
        String reason) {}
