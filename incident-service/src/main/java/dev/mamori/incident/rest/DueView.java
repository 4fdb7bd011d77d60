package dev.mamori.incident.rest;

import dev.mamori.incident.ReportStage;
import dev.mamori.incident.service.IncidentService;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A report to the PPC falling due. */
@Schema(name = "DueReport")
public record DueView(
        UUID incidentId,
        String title,
        ReportStage stage,
        LocalDate dueOn,

        @Schema(description = "Days left; negative when overdue")
        long daysLeft,

        boolean overdue) {

    static DueView of(IncidentService.DueReport d) {
        return new DueView(
                d.file().incident().id,
                d.file().incident().title,
                d.stage(),
                d.dueOn(),
                d.daysLeft(),
                d.daysLeft() < 0);
    }
}
