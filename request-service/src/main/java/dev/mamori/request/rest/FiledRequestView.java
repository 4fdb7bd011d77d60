package dev.mamori.request.rest;

import dev.mamori.request.RequestStatus;
import dev.mamori.request.service.OnlineFilingService.Filed;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request a confirmed filing became. */
@Schema(name = "FiledRequest")
public record FiledRequestView(
        UUID requestId,
        @Schema(example = "R-7KQ4-M2XD") String receiptNumber,
        RequestStatus status,
        OffsetDateTime receivedAt,

        @Schema(description = "The due date in Japan (business days of the tenant's SLA)")
        LocalDate dueDate,

        @Schema(
                description = "Lets the requester upload identity documents (POST /v1/online-filings/documents) "
                        + "for mamori.request.identity.upload-window (default 24 hours); a replay answers the same")
        String uploadToken) {

    static FiledRequestView of(Filed f) {
        return new FiledRequestView(
                f.requestId(), f.receiptNumber(), f.status(), f.receivedAt(), f.dueDate(), f.uploadToken());
    }
}
