package dev.mamori.incident.service;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The contractor's notice to its client company (APPI Art. 26(1) proviso; PPC Rule 9). */
@Schema(name = "ClientNoticeDraft")
public record ClientNoticeDraft(
        @Schema(description = "A message to the client besides the report items", example = "詳細は担当までご連絡ください。")
        @Size(max = 4000)
        String message) {}
