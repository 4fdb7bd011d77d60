package dev.mamori.retention.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A client system that holds data, where to ask it to erase, and the shared secret that signs those calls. */
@Schema(name = "OwningSystemDraft")
public record OwningSystemDraft(
        @Schema(description = "The code holdings name as owningSystem", example = "ivr-recorder")
        @NotBlank
        @Pattern(regexp = HoldingDraft.SYSTEM, message = "must be 1-64 lower-case letters, digits, '.', '_' or '-'")
        String code,

        @Schema(example = "IVR 録音サーバ") @NotBlank @Size(max = 200)
        String name,

        @Schema(
                description = "http(s) URL the suite POSTs erasure requests to",
                example = "https://crm.example.co.jp/mamori/erasure")
        @NotBlank
        @Size(max = 2000)
        String erasureUrl,

        @Schema(
                description = "Shared HMAC-SHA256 secret (32-200 characters); stored encrypted, never returned",
                writeOnly = true)
        @NotBlank
        @Size(min = 32, max = 200)
        String secret) {}
