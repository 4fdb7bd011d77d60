package dev.mamori.retention.rest;

import dev.mamori.retention.Holding;
import dev.mamori.retention.RetentionBasis;
import dev.mamori.retention.service.RetentionPolicy;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a registered batch answers: per row (by index) the new holding's id and deletion date. */
@Schema(name = "HoldingBatchResult")
public record HoldingBatchResult(
        @Schema(example = "5000") int registered,
        @Schema(description = "One entry per request row, in request order") List<Row> holdings) {

    @Schema(name = "HoldingBatchRow")
    public record Row(int index, UUID id, String categoryCode, RetentionBasis retentionBasis,
                      OffsetDateTime deleteAfter, LocalDate deleteOn) {
    }

    static HoldingBatchResult of(List<Holding> registered, RetentionPolicy policy) {
        List<Row> rows = new ArrayList<>(registered.size());
        for (int i = 0; i < registered.size(); i++) {
            Holding h = registered.get(i);
            rows.add(new Row(i, h.id, h.categoryCode, h.retentionBasis, policy.local(h.deleteAfter),
                    policy.deleteOn(h.deleteAfter)));
        }
        return new HoldingBatchResult(registered.size(), rows);
    }
}
