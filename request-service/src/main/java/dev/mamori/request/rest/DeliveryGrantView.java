package dev.mamori.request.rest;

import dev.mamori.request.RequestType;
import dev.mamori.request.service.ResultDeliveryService.Granted;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The right code: the grant to send as {@code X-Download-Grant}, and what the download page shows. */
@Schema(name = "DeliveryGrant")
public record DeliveryGrantView(
        @Schema(description = "Send as the X-Download-Grant header; never put it in a URL")
        String grant,

        OffsetDateTime grantExpiresAt,
        String receiptNumber,
        RequestType requestType,
        List<String> formats,
        OffsetDateTime linkExpiresAt) {

    static DeliveryGrantView of(Granted g) {
        return new DeliveryGrantView(
                g.grant(), g.grantExpiresAt(), g.receiptNumber(), g.requestType(), g.formats(), g.linkExpiresAt());
    }
}
