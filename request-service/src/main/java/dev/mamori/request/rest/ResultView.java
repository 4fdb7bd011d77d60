package dev.mamori.request.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.request.DecisionOutcome;
import dev.mamori.request.RefusalGround;
import dev.mamori.request.RequestStatus;
import dev.mamori.request.RequestType;
import dev.mamori.request.service.FulfilmentService.Result;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The result of a closed request as JSON. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "RequestResult")
public record ResultView(
        UUID requestId,
        RequestType type,
        RequestStatus status,
        DecisionOutcome outcome,
        RefusalGround refusalGround,
        String reason,
        Integer feeJpy,
        NoticeView notice,

        @Schema(description = "Per target and action: what it did (records read, counts, certificate id)")
        JsonNode actions,

        @Schema(
                description = "Disclosures: consents (with history) and useStops, thirdPartyRecords {provisions, "
                        + "receipts}, holdings (with retention); PURPOSE_NOTIFICATION also purposes")
        JsonNode disclosure,

        OffsetDateTime createdAt) {

    static ResultView of(Result result) {
        var r = result.request();
        var res = result.result();
        return new ResultView(
                r.id,
                r.type,
                r.status,
                r.outcome,
                r.refusalGround,
                r.decisionReason,
                r.feeJpy,
                new NoticeView(res.noticeJa, res.noticeEn),
                result.actions(),
                result.pkg(),
                res.createdAt);
    }
}
