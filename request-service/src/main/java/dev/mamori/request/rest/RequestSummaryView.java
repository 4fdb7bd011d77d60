package dev.mamori.request.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mamori.request.Channel;
import dev.mamori.request.RequestStatus;
import dev.mamori.request.RequestType;
import dev.mamori.request.RequesterRelation;
import dev.mamori.request.service.RequestService.Listed;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A request in a search result: where it stands and when it is due, without the requester's personal data. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "DataSubjectRequestSummary")
public record RequestSummaryView(
        UUID id,
        RequestType type,
        RequestStatus status,

        @Schema(description = "Absent for a request filed online until staff link it")
        String subjectRef,

        @Schema(description = "Online filings: the number the requester quotes")
        String receiptNumber,

        @Schema(description = "Online filings: how the requester identified the person, masked as in the request")
        RequestView.IdentifiersView identifiers,

        Channel channel,
        RequesterRelation requesterRelation,
        OffsetDateTime receivedAt,
        LocalDate statutoryMarkerOn,
        LocalDate dueOn,
        boolean overdue,

        @Schema(
                description = "Open requests: business days left until dueOn, counted as the service counts them "
                        + "(Japanese business days; negative once overdue); absent once closed")
        Integer businessDaysLeft,

        String externalId) {

    static RequestSummaryView of(Listed listed) {
        var r = listed.request();
        return new RequestSummaryView(
                r.id,
                r.type,
                r.status,
                r.subjectRef,
                r.receiptNumber,
                RequestView.IdentifiersView.of(listed.identifiers()),
                r.channel,
                r.requesterRelation,
                r.receivedAt,
                r.statutoryMarkerOn,
                r.dueOn,
                listed.overdue(),
                listed.businessDaysLeft(),
                r.externalId);
    }
}
