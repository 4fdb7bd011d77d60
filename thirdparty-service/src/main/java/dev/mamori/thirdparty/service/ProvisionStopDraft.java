package dev.mamori.thirdparty.service;

import dev.mamori.thirdparty.StopGround;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An approved request to stop providing a person's data to third parties (APPI Arts. 27(2), 35(3), 35(5)). */
@Schema(name = "ProvisionStopDraft")
public record ProvisionStopDraft(
        @Schema(example = "ART_35_3") @NotNull StopGround ground,

        @Schema(description = "The approved request in request-service", example = "dsr-2025-000042")
        @NotBlank
        @Size(max = 128)
        String requestRef) {

    @Schema(name = "ProvisionStopLift")
    public record Lift(
            @Schema(example = "The person withdrew the request") @NotBlank @Size(max = 2000)
            String reason) {}
}
