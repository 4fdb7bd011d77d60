package dev.mamori.request.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mamori.request.AgentType;
import dev.mamori.request.Channel;
import dev.mamori.request.CorrectionKind;
import dev.mamori.request.DataSubjectRequest;
import dev.mamori.request.DeliveryMethod;
import dev.mamori.request.RequestStatus;
import dev.mamori.request.RequestType;
import dev.mamori.request.RequesterRelation;
import dev.mamori.request.StopGround;
import dev.mamori.request.service.PersonalDataView;
import dev.mamori.request.service.RequestDetails;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A request as a caller sees it; personal data as far as {@code personalDataView} allows. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "DataSubjectRequest")
public record RequestView(
        UUID id,
        RequestType type,
        RequestStatus status,
        @Schema(example = "cust-000123") String subjectRef,
        Channel channel,
        OffsetDateTime receivedAt,
        @Schema(description = "Art. 39(1): the day the two weeks from arrival end; a suit is possible from the next "
                + "day. Absent for PURPOSE_NOTIFICATION, which Art. 39 does not cover.")
        LocalDate statutoryMarkerOn,
        @Schema(description = "Arrival day + the configured calendar days (the business-day SLA comes later)")
        LocalDate dueOn,
        @Schema(description = "Open and past its due date") boolean overdue,
        RequesterView requester,
        AgentView agent,
        DeliveryMethod deliveryMethod,
        StopGround ground,
        CorrectionView correction,
        String externalId,
        String callbackUrl,
        @Schema(description = "Who entered the request (token subject)") String sourceActor,
        @Schema(description = "The OAuth client that entered it") String sourceClient,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime closedAt,
        String closeReason,
        @Schema(description = "FULL for privacy officers; MASKED (contact masked, correction content left out) for "
                + "other readers; RECEIPT (name masked too) in the answer to an intake")
        PersonalDataView personalDataView) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "RequesterView")
    public record RequesterView(String name, RequesterRelation relation, ContactView contact) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ContactView")
    public record ContactView(@Schema(example = "t***@example.jp") String email,
                              @Schema(example = "***-****-5678") String phone,
                              String postalAddress) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "AgentView")
    public record AgentView(AgentType type, String evidenceDescription) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CorrectionView")
    public record CorrectionView(CorrectionKind kind, String dataItem, String claimedUntrue, String requestedContent) {
    }

    static RequestView of(RequestDetails d) {
        DataSubjectRequest r = d.request();
        return new RequestView(r.id, r.type, r.status, r.subjectRef, r.channel, r.receivedAt, r.statutoryMarkerOn,
                r.dueOn, d.overdue(),
                new RequesterView(d.requesterName(), r.requesterRelation,
                        new ContactView(d.email(), d.phone(), d.postalAddress())),
                r.agentType == null ? null : new AgentView(r.agentType, d.agentEvidence()),
                r.deliveryMethod, r.stopGround,
                r.correctionKind == null ? null
                        : new CorrectionView(r.correctionKind, r.correctionItem, d.claimedUntrue(), d.requestedContent()),
                r.externalId, r.callbackUrl, r.sourceActor, r.sourceClient, r.createdAt, r.updatedAt, r.closedAt,
                r.closeReason, d.view());
    }
}
