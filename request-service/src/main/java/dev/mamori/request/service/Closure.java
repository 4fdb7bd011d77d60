package dev.mamori.request.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The privacy officer's closing of an approved request whose fulfilment failed for good. The reason goes into the
 * person's notice: what was not carried out and why (Arts. 35(7), 36).
 */
@Schema(name = "Closure")
public record Closure(
        @Schema(
                description = "What was not carried out and why, as the person is to read it",
                example = "ご指定の利用目的「marketing-sms」は当社の利用目的に存在しないため、利用停止の対象がありませんでした")
        @NotBlank
        @Size(max = 4000)
        String reason) {}
