package dev.mamori.request.service;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The code the requester read in the mail. */
@Schema(name = "FilingConfirmation")
public record CodeConfirmation(
        @Schema(example = "123456") @NotNull @Pattern(regexp = "[0-9]{6}", message = "must be the six digits mailed")
        String code) {}
