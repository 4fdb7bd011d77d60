package dev.mamori.request.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An explicit extension of a request's due date; the person is sent the notice it produces. */
@Schema(name = "Extension")
public record Extension(
        @Schema(example = "5") @NotNull @Min(1) @Max(60) Integer additionalBusinessDays,

        @Schema(example = "対象データが複数のシステムにまたがり、調査に時間を要するため") @NotBlank @Size(max = 1000)
        String reason) {}
