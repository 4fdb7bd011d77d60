package dev.mamori.retention.service;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a hold is released. */
@Schema(name = "LegalHoldRelease")
public record LegalHoldRelease(
        @Schema(example = "訴訟終結") @Size(max = 1000) String reason) {}
