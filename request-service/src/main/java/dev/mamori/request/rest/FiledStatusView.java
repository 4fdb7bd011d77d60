package dev.mamori.request.rest;

import dev.mamori.request.RequestStatus;
import dev.mamori.request.RequestType;
import dev.mamori.request.service.OnlineFilingService.FiledStatus;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a request filed online stands, as its requester may know it: nothing about the person. */
@Schema(name = "FiledRequestStatus")
public record FiledStatusView(
        @Schema(example = "R-7KQ4-M2XD") String receiptNumber,
        RequestType type,
        RequestStatus status,
        OffsetDateTime receivedAt,
        LocalDate dueDate) {

    static FiledStatusView of(FiledStatus s) {
        return new FiledStatusView(s.receiptNumber(), s.type(), s.status(), s.receivedAt(), s.dueDate());
    }
}
