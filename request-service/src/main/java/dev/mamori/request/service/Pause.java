package dev.mamori.request.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a request waits for the requester (e.g. a missing document); the clock stops until it is resumed. */
@Schema(name = "Pause")
public record Pause(
        @Schema(example = "本人確認書類の再提出を依頼中") @NotBlank @Size(max = 1000)
        String reason) {}
