package dev.mamori.request.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mamori.request.DataSubjectRequest;
import dev.mamori.request.RequestStatus;
import dev.mamori.request.RequestType;
import dev.mamori.request.service.DeadlineService.Due;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An open request near or past its due date. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "DueRequest")
public record DueView(
        UUID id,
        RequestType type,
        RequestStatus status,
        String subjectRef,
        OffsetDateTime receivedAt,
        LocalDate statutoryMarkerOn,
        LocalDate dueOn,

        @Schema(description = "Business days to the due date; 0 on the day, negative when overdue")
        int businessDaysLeft,

        boolean overdue,
        String externalId) {

    static DueView of(Due due) {
        DataSubjectRequest r = due.request();
        return new DueView(
                r.id,
                r.type,
                r.status,
                r.subjectRef,
                r.receivedAt,
                r.statutoryMarkerOn,
                r.dueOn,
                due.businessDaysLeft(),
                due.overdue(),
                r.externalId);
    }
}
