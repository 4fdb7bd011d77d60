package dev.mamori.request.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mamori.request.RequestEvent;
import dev.mamori.request.RequestEventKind;
import dev.mamori.request.RequestStatus;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One line of a request's log. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "RequestEvent")
public record RequestEventView(
        @Schema(example = "1") int seq,
        RequestEventKind kind,
        OffsetDateTime occurredAt,
        @Schema(description = "Who did it (token subject)") String actor,
        String actorClient,
        RequestStatus statusAfter,
        @Schema(example = "received by PHONE") String detail) {

    static RequestEventView of(RequestEvent e) {
        return new RequestEventView(
                e.seq, e.kind, e.occurredAt, e.actorSubject, e.actorClient, e.statusAfter, e.detail);
    }
}
