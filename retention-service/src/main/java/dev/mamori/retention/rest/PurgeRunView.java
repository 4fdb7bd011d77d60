package dev.mamori.retention.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mamori.retention.PurgeRun;
import dev.mamori.retention.PurgeStatus;
import dev.mamori.retention.PurgeTrigger;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "PurgeRun")
public record PurgeRunView(
        UUID runId,
        PurgeTrigger trigger,
        PurgeStatus status,

        @Schema(description = "Holdings erased by this run, with evidence")
        long erased,

        @Schema(description = "Due holdings a legal hold kept")
        long held,

        @Schema(description = "Due holdings left unerased because the run failed")
        long failed,

        Long durationMs,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        String startedBy,
        String error) {

    static PurgeRunView of(PurgeRun r) {
        return new PurgeRunView(
                r.id,
                r.trigger,
                r.status,
                r.erased,
                r.held,
                r.failed,
                r.finishedAt == null
                        ? null
                        : Duration.between(r.startedAt, r.finishedAt).toMillis(),
                r.startedAt,
                r.finishedAt,
                r.startedBy,
                r.error);
    }
}
