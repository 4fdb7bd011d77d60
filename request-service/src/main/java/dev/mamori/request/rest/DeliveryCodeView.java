package dev.mamori.request.rest;

import dev.mamori.request.service.ResultDeliveryService.CodeSent;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A code to open a download link was mailed to {@code sentTo} (masked); valid until {@code expiresAt}. */
@Schema(name = "DeliveryCodeSent")
public record DeliveryCodeView(
        @Schema(example = "a***@example.jp") String sentTo, OffsetDateTime expiresAt) {

    static DeliveryCodeView of(CodeSent sent) {
        return new DeliveryCodeView(sent.sentTo(), sent.expiresAt());
    }
}
