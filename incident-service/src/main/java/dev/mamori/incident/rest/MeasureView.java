package dev.mamori.incident.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mamori.incident.Measure;
import dev.mamori.incident.MeasureKind;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A measure about an incident. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Measure")
public record MeasureView(
        UUID id,
        UUID incidentId,
        MeasureKind kind,
        String action,
        String owner,
        LocalDate dueOn,
        OffsetDateTime doneAt,
        OffsetDateTime recordedAt,
        String recordedBy) {

    static MeasureView of(Measure m) {
        return new MeasureView(
                m.id, m.incidentId, m.kind, m.action, m.owner, m.dueOn, m.doneAt, m.recordedAt, m.recordedBy);
    }
}
