package dev.mamori.retention.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mamori.retention.RetentionBasis;
import dev.mamori.retention.repository.HoldingRepository.NewHolding;
import dev.mamori.retention.service.RetentionPolicy;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a registered batch answers: a summary rather than an echo of every row. A client needs the new ids, in its
 * own row order, to map its records to Mamori's holdings (ids[i] is row i), and wants to know when the batch falls
 * due (APPI Art. 22); each holding's full view with its explanation stays one GET away
 * ({@code /v1/subjects/{subjectRef}/holdings}). Echoing 5,000 full rows made the answer, and the stored answer an
 * idempotent retry replays, about five times larger for nothing the client did not send itself.
 */
@Schema(
        name = "HoldingBatchResult",
        description = "A summary of a registered batch: the new ids in request order, "
                + "and when the holdings fall due, overall and per category")
public record HoldingBatchResult(
        @Schema(description = "How many holdings were registered: every row of the request", example = "5000")
        int registered,

        @Schema(
                description = "The new holdings' ids, one per request row and in request order: ids[i] is the holding "
                        + "registered from holdings[i]")
        List<UUID> ids,

        @Schema(description = "When the batch's holdings fall due")
        Deletion deletion,

        @Schema(description = "Per data category, in the order each first appears in the request")
        List<CategoryCount> categories) {

    /** When a set of holdings falls due; times and dates in Japan time, like every holding view. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "HoldingBatchDeletion")
    public record Deletion(
            @Schema(
                    description = "The earliest deleteAfter among them; null when none has a date yet",
                    example = "2026-04-03T00:00:00+09:00")
            OffsetDateTime earliest,

            @Schema(
                    description = "The latest deleteAfter among them; null when none has a date yet",
                    example = "2026-04-05T00:00:00+09:00")
            OffsetDateTime latest,

            @Schema(description = "The date (Japan time) of the earliest", example = "2026-04-03")
            LocalDate firstDeleteOn,

            @Schema(description = "The date (Japan time) of the latest", example = "2026-04-05")
            LocalDate lastDeleteOn,

            @Schema(
                    description = "How many have no date yet: kept until their client contract ends (CONTRACT_END "
                            + "categories, or an extension of a contract still running)",
                    example = "0")
            int waitingForContractEnd) {}

    @Schema(name = "HoldingBatchCategory")
    public record CategoryCount(
            @Schema(example = "call-recording") String categoryCode,

            @Schema(description = "The category's rule when the holdings were registered")
            RetentionBasis retentionBasis,

            @Schema(example = "4500") int count,
            Deletion deletion) {}

    static HoldingBatchResult of(List<NewHolding> registered, RetentionPolicy policy) {
        List<UUID> ids = new ArrayList<>(registered.size());
        Range all = new Range();
        Map<String, Range> byCategory = new LinkedHashMap<>();
        Map<String, RetentionBasis> basis = new LinkedHashMap<>();
        for (NewHolding h : registered) {
            ids.add(h.id());
            all.add(h.deleteAfter());
            byCategory.computeIfAbsent(h.categoryCode(), c -> new Range()).add(h.deleteAfter());
            basis.putIfAbsent(h.categoryCode(), h.retentionBasis());
        }
        List<CategoryCount> categories = new ArrayList<>(byCategory.size());
        byCategory.forEach((code, range) ->
                categories.add(new CategoryCount(code, basis.get(code), range.count, range.deletion(policy))));
        return new HoldingBatchResult(registered.size(), ids, all.deletion(policy), categories);
    }

    /** Running count and extremes of deletion instants; null instants are holdings waiting for a contract end. */
    private static final class Range {
        int count;
        int undated;
        OffsetDateTime earliest;
        OffsetDateTime latest;

        void add(OffsetDateTime deleteAfter) {
            count++;
            if (deleteAfter == null) {
                undated++;
                return;
            }
            if (earliest == null || deleteAfter.isBefore(earliest)) {
                earliest = deleteAfter;
            }
            if (latest == null || deleteAfter.isAfter(latest)) {
                latest = deleteAfter;
            }
        }

        Deletion deletion(RetentionPolicy policy) {
            return new Deletion(
                    policy.local(earliest),
                    policy.local(latest),
                    policy.deleteOn(earliest),
                    policy.deleteOn(latest),
                    undated);
        }
    }
}
