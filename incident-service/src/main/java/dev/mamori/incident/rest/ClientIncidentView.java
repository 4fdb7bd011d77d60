package dev.mamori.incident.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mamori.incident.AffectedCategory;
import dev.mamori.incident.Incident;
import dev.mamori.incident.IncidentKind;
import dev.mamori.incident.IncidentNature;
import dev.mamori.incident.ReportableCase;
import dev.mamori.incident.service.IncidentFile;
import dev.mamori.incident.service.ReportClock;
import dev.mamori.incident.service.Triage;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An incident a contractor notified, as the client company sees it: what it needs for its own report to the PPC. Its
 * own report dates count from the day the notice reached it (the day the client knew).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ClientIncident")
public record ClientIncidentView(
        UUID id,
        @Schema(description = "The contractor's tenant") String contractorTenantId,
        IncidentNature nature,
        IncidentKind kind,
        String title,
        String summary,
        OffsetDateTime occurredAt,
        OffsetDateTime discoveredAt,
        List<AffectedCategory> categories,
        int persons,
        boolean personsEstimated,
        boolean reportable,
        List<ReportableCase> cases,
        List<Triage.Reason> reasons,

        @Schema(description = "The notice's text: the report items as the contractor knew them")
        String notice,

        OffsetDateTime notifiedAt,

        @Schema(description = "The client's own preliminary report date, from the day the notice arrived")
        LocalDate preliminaryReportDueOn,

        @Schema(description = "The client's own final report date")
        LocalDate finalReportDueOn,

        OffsetDateTime acknowledgedAt,
        String acknowledgedBy) {

    static ClientIncidentView of(IncidentFile f) {
        Incident i = f.incident();
        return new ClientIncidentView(
                i.id,
                i.tenantId,
                i.nature,
                i.kind,
                i.title,
                i.summary,
                i.occurredAt,
                i.discoveredAt,
                i.categories,
                i.personsCount,
                i.personsEstimated,
                f.triage().reportable(),
                f.triage().cases(),
                f.triage().reasons(),
                i.clientNotice,
                i.clientNotifiedAt,
                ReportClock.preliminaryDueOn(i.clientNotifiedAt, i.preliminaryDays),
                ReportClock.finalDueOn(i.clientNotifiedAt, f.triage().unlawfulPurpose()),
                i.clientAcknowledgedAt,
                i.clientAcknowledgedBy);
    }
}
