package dev.mamori.incident.service;

import dev.mamori.incident.ReportStage;
import dev.mamori.incident.ReportableCase;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The report to the PPC with the items of PPC Rule 8(1), in Japanese, drafted from the record. */
@Schema(name = "ReportDraft")
public record ReportDraft(
        UUID incidentId,
        ReportStage stage,
        String title,

        @Schema(description = "The day the company knew (Japan)")
        LocalDate knownOn,

        LocalDate dueOn,
        boolean reportable,
        List<ReportableCase> cases,
        List<Item> items) {

    /** One item of Rule 8(1): its key, its Japanese heading, and the text. */
    @Schema(name = "ReportItem")
    public record Item(String key, String heading, String text) {}
}
