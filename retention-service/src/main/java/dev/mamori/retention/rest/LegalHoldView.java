package dev.mamori.retention.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mamori.retention.LegalHold;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "LegalHold")
public record LegalHoldView(
        UUID id,
        String subjectRef,
        String categoryCode,
        String contractRef,
        String reason,
        OffsetDateTime setAt,
        String setBy,
        OffsetDateTime until,

        @Schema(description = "Whether the hold keeps its scope from erasure now")
        boolean active,

        OffsetDateTime releasedAt,
        String releasedBy,
        String releaseReason) {

    /** The hold as it stands at {@code now}. */
    static LegalHoldView of(LegalHold h, OffsetDateTime now) {
        return new LegalHoldView(
                h.id,
                h.subjectRef,
                h.categoryCode,
                h.contractRef,
                h.reason,
                h.setAt,
                h.setBy,
                h.until,
                h.activeAt(now),
                h.releasedAt,
                h.releasedBy,
                h.releaseReason);
    }
}
