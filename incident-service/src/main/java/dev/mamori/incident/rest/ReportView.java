package dev.mamori.incident.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.incident.IncidentReport;
import dev.mamori.incident.ReportStage;
import dev.mamori.incident.service.ReportDraft;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A report submitted to the PPC, with its items as submitted. */
@Schema(name = "IncidentReport")
public record ReportView(
        UUID id,
        UUID incidentId,
        ReportStage stage,
        String receptionNumber,
        OffsetDateTime submittedAt,
        String submittedBy,
        OffsetDateTime recordedAt,
        ReportDraft report) {

    static ReportView of(IncidentReport r, ObjectMapper json) {
        try {
            return new ReportView(
                    r.id,
                    r.incidentId,
                    r.stage,
                    r.receptionNumber,
                    r.submittedAt,
                    r.submittedBy,
                    r.recordedAt,
                    json.readValue(r.content, ReportDraft.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored report is not readable", e);
        }
    }
}
