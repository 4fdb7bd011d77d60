package dev.mamori.retention.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mamori.retention.Holding;
import dev.mamori.retention.HoldingRule;
import dev.mamori.retention.RetentionBasis;
import dev.mamori.retention.service.RetentionPolicy;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A holding with its retention: when it is due for deletion and why. Its times are shown in the retention zone
 * (Japan, +09:00), the calendar its retention is counted in, whatever offset the client sent.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Holding")
public record HoldingView(
        UUID id,
        @Schema(example = "cust-000123") String subjectRef,
        @Schema(example = "call-recording") String categoryCode,
        @Schema(example = "ivr-recorder") String owningSystem,

        @Schema(example = "recordings/2026/01/01/call-8812.wav")
        String locator,

        OffsetDateTime collectedAt,

        @Schema(description = "The category's rule when the holding was registered")
        RetentionBasis retentionBasis,

        @Schema(example = "92") int retentionDays,

        @Schema(description = "The client contract the data was collected under", example = "acme-2026")
        String contractRef,

        @Schema(description = "Which rule decides the date: the category's, the contract's end, or an extension")
        HoldingRule rule,

        @Schema(description = "The contract extension in force, when rule is EXTENSION")
        UUID extensionId,

        @Schema(
                description = "First instant the holding is due for deletion: collectedAt plus retentionDays calendar "
                        + "days in Japan time. Null for CONTRACT_END until the client contract ends",
                example = "2026-04-03T00:00:00+09:00")
        OffsetDateTime deleteAfter,

        @Schema(
                description = "The date (Japan time) the holding is deleted; null like deleteAfter",
                example = "2026-04-03")
        LocalDate deleteOn,

        @Schema(
                example = "delete on 2026-04-03 because category call-recording keeps data 92 days from collection "
                        + "(collected on 2026-01-01)")
        String explanation,

        @Schema(example = "データ区分 call-recording は収集日から92日間保管するため、2026-04-03 に削除します（収集日 2026-01-01）")
        String explanationJa,

        OffsetDateTime registeredAt,
        String registeredBy) {

    static HoldingView of(Holding h, RetentionPolicy policy) {
        RetentionPolicy.Explanation why = policy.explain(h);
        return new HoldingView(
                h.id,
                h.subjectRef,
                h.categoryCode,
                h.owningSystem,
                h.locator,
                policy.local(h.collectedAt),
                h.retentionBasis,
                h.retentionDays,
                h.contractRef,
                h.rule,
                h.extensionId,
                policy.local(h.deleteAfter),
                policy.deleteOn(h.deleteAfter),
                why.en(),
                why.ja(),
                policy.local(h.registeredAt),
                h.registeredBy);
    }
}
