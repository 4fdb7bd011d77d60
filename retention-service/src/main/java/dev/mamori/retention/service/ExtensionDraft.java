package dev.mamori.retention.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A contract term keeping named categories while the contract runs and {@code days} days after it ends. */
@Schema(name = "ExtensionDraft")
public record ExtensionDraft(
        @Schema(description = "Ledger categories the extension covers", example = "[\"call-recording\"]")
        @NotEmpty
        @Size(max = 100)
        List<@NotBlank @Pattern(regexp = DataCategoryDraft.CODE, message = "must be a data category code") String>
                categoryCodes,

        @Schema(description = "Days kept after the contract ends", example = "365") @NotNull @Min(0) @Max(36500)
        Integer days,

        @Schema(example = "契約第12条：品質監査のため録音を契約終了後1年間保管") @NotBlank @Size(max = 1000)
        String reason) {}
