package dev.mamori.request.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mamori.request.AgentType;
import dev.mamori.request.Channel;
import dev.mamori.request.CorrectionKind;
import dev.mamori.request.DataSubjectRequest;
import dev.mamori.request.DecisionOutcome;
import dev.mamori.request.DeliveryMethod;
import dev.mamori.request.FulfilmentTask;
import dev.mamori.request.NotificationMethod;
import dev.mamori.request.RefusalGround;
import dev.mamori.request.RequestStatus;
import dev.mamori.request.RequestType;
import dev.mamori.request.RequesterRelation;
import dev.mamori.request.StopGround;
import dev.mamori.request.TaskAction;
import dev.mamori.request.TaskStatus;
import dev.mamori.request.TaskTarget;
import dev.mamori.request.VerificationMethod;
import dev.mamori.request.service.PersonalDataView;
import dev.mamori.request.service.RequestDetails;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A request as a caller sees it; personal data as far as {@code personalDataView} allows. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "DataSubjectRequest")
public record RequestView(
        UUID id,
        RequestType type,
        RequestStatus status,

        @Schema(
                description = "The client company's reference of the person; absent for a request filed online "
                        + "until staff link it (PUT /v1/requests/{id}/subject)",
                example = "cust-000123")
        String subjectRef,

        @Schema(description = "Online filings: the number the requester quotes", example = "R-7KQ4-M2XD")
        String receiptNumber,

        @Schema(
                description = "Online filings: how the requester identified the person (to find whom to link); "
                        + "email and phone masked except for privacy officers")
        IdentifiersView identifiers,

        Channel channel,
        OffsetDateTime receivedAt,

        @Schema(
                description = "Art. 39(1): the day the two weeks from arrival end; a suit is possible from the next "
                        + "day. Absent for PURPOSE_NOTIFICATION, which Art. 39 does not cover.")
        LocalDate statutoryMarkerOn,

        @Schema(
                description =
                        "Arrival day + the tenant's SLA in Japanese business days, moved by pauses and " + "extensions")
        LocalDate dueOn,

        @Schema(description = "Open and past its due date") boolean overdue,

        @Schema(description = "Business days from today to the due date; negative when overdue; absent once closed")
        Integer businessDaysLeft,

        @Schema(description = "The tenant's SLA in business days when the request arrived")
        Integer slaBusinessDays,

        @Schema(description = "Since when the request waits for the requester")
        OffsetDateTime pausedAt,

        @Schema(description = "Business days spent waiting for the requester so far")
        int pausedBusinessDays,

        OffsetDateTime extendedAt,
        String extensionReason,
        IdentityVerificationView identityVerification,
        DecisionView decision,

        @Schema(description = "Per target service: what was queued and where it stands")
        List<TaskView> fulfilment,

        @Schema(description = "Status callbacks to the client system, in order")
        List<TaskView> callbacks,

        RequesterView requester,
        AgentView agent,
        DeliveryMethod deliveryMethod,
        StopGround ground,
        CorrectionView correction,
        String externalId,
        String callbackUrl,

        @Schema(description = "Who entered the request (token subject)")
        String sourceActor,

        @Schema(description = "The OAuth client that entered it")
        String sourceClient,

        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime closedAt,

        @Schema(description = "Why it ended: a cancellation's or refusal's reason, or what was not carried out")
        String closeReason,

        @Schema(description = "When the result notice was sent to the person")
        OffsetDateTime notifiedAt,

        @Schema(description = "How it was sent") NotificationMethod notifiedVia,

        @Schema(description = "Who recorded sending it (token subject)")
        String notifiedBy,

        @Schema(
                description = "FULL for privacy officers; MASKED (contact masked, correction content left out) for "
                        + "other readers; RECEIPT (name masked too) in the answer to an intake")
        PersonalDataView personalDataView) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "RequesterView")
    public record RequesterView(String name, RequesterRelation relation, ContactView contact) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "PersonIdentifiers")
    public record IdentifiersView(
            @Schema(example = "山田 花子") String name,
            @Schema(example = "h***@example.jp") String email,
            @Schema(example = "***-****-5678") String phone,
            @Schema(example = "C-1234") String customerNumber) {

        static IdentifiersView of(RequestDetails.Identifiers ids) {
            return ids == null ? null : new IdentifiersView(ids.name(), ids.email(), ids.phone(), ids.customerNumber());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ContactView")
    public record ContactView(
            @Schema(example = "t***@example.jp") String email,
            @Schema(example = "***-****-5678") String phone,
            String postalAddress) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "AgentView")
    public record AgentView(AgentType type, String evidenceDescription) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CorrectionView")
    public record CorrectionView(CorrectionKind kind, String dataItem, String claimedUntrue, String requestedContent) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "IdentityVerificationFact")
    public record IdentityVerificationView(
            VerificationMethod method,
            List<String> documentTypes,
            String verifiedBy,
            OffsetDateTime verifiedAt,
            String note,
            @Schema(description = "Copies not yet deleted") long copiesHeld,

            @Schema(description = "For each of documentTypes, whose identity it " + "proves: PERSON or AGENT (Art. 37)")
            List<String> documentsProveIdentityOf) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DecisionFact")
    public record DecisionView(
            DecisionOutcome outcome,
            RefusalGround refusalGround,
            String reason,
            String decidedBy,
            OffsetDateTime decidedAt,
            Integer feeJpy) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "TargetStatus")
    public record TaskView(
            TaskTarget target,
            TaskAction action,
            TaskStatus status,

            @Schema(description = "Callbacks: the request event it reports")
            Integer seq,

            int attempts,

            @Schema(description = "Why the last attempt failed")
            String lastError,

            Integer lastHttpStatus,
            OffsetDateTime nextAttemptAt,
            OffsetDateTime doneAt,

            @Schema(
                    description =
                            "Why a DONE call is not a plain success, e.g. a provision stop " + "was already in force")
            String note) {
        static TaskView of(FulfilmentTask t) {
            boolean waiting = t.status == TaskStatus.QUEUED || t.status == TaskStatus.RETRYING;
            return new TaskView(
                    t.target,
                    t.action,
                    t.status,
                    t.action.isFulfilment() ? null : t.seq,
                    t.attempts,
                    t.lastError,
                    t.lastHttpStatus,
                    waiting ? t.nextAttemptAt : null,
                    t.doneAt,
                    t.note);
        }
    }

    static RequestView of(RequestDetails d) {
        DataSubjectRequest r = d.request();
        return new RequestView(
                r.id,
                r.type,
                r.status,
                r.subjectRef,
                r.receiptNumber,
                IdentifiersView.of(d.identifiers()),
                r.channel,
                r.receivedAt,
                r.statutoryMarkerOn,
                r.dueOn,
                d.overdue(),
                d.businessDaysLeft(),
                r.slaBusinessDays,
                r.pausedAt,
                r.pausedBusinessDays,
                r.extendedAt,
                r.extensionReason,
                r.identityMethod == null
                        ? null
                        : new IdentityVerificationView(
                                r.identityMethod,
                                r.identityDocuments,
                                r.identityVerifiedBy,
                                r.identityVerifiedAt,
                                r.identityNote,
                                d.identityCopiesHeld(),
                                r.identityDocumentHolders),
                r.outcome == null
                        ? null
                        : new DecisionView(
                                r.outcome, r.refusalGround, r.decisionReason, r.decidedBy, r.decidedAt, r.feeJpy),
                d.tasks().stream()
                        .filter(t -> t.action.isFulfilment())
                        .map(TaskView::of)
                        .toList(),
                d.tasks().stream()
                        .filter(t -> !t.action.isFulfilment())
                        .map(TaskView::of)
                        .toList(),
                new RequesterView(
                        d.requesterName(),
                        r.requesterRelation,
                        new ContactView(d.email(), d.phone(), d.postalAddress())),
                r.agentType == null ? null : new AgentView(r.agentType, d.agentEvidence()),
                r.deliveryMethod,
                r.stopGround,
                r.correctionKind == null
                        ? null
                        : new CorrectionView(
                                r.correctionKind, r.correctionItem, d.claimedUntrue(), d.requestedContent()),
                r.externalId,
                r.callbackUrl,
                r.sourceActor,
                r.sourceClient,
                r.createdAt,
                r.updatedAt,
                r.closedAt,
                r.closeReason,
                r.notifiedAt,
                r.notifiedVia,
                r.notifiedBy,
                d.view());
    }
}
