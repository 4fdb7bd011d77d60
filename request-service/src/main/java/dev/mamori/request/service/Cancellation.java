package dev.mamori.request.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why an open request is cancelled, e.g. the person withdrew it. Kept in the request's log. */
@Schema(name = "Cancellation")
public record Cancellation(
        @Schema(example = "The person withdrew the request by phone") @NotBlank @Size(max = 1000)
        String reason) {}
