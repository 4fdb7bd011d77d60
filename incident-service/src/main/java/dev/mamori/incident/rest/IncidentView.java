package dev.mamori.incident.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mamori.incident.AffectedCategory;
import dev.mamori.incident.DataOwner;
import dev.mamori.incident.Incident;
import dev.mamori.incident.IncidentKind;
import dev.mamori.incident.IncidentNature;
import dev.mamori.incident.IncidentStatus;
import dev.mamori.incident.ReportStage;
import dev.mamori.incident.ReportableCase;
import dev.mamori.incident.service.IncidentFile;
import dev.mamori.incident.service.PersonProgress;
import dev.mamori.incident.service.ReportClock;
import dev.mamori.incident.service.Triage;
import dev.mamori.platform.time.JapanTime;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An incident as its tenant sees it: the record, the triage with its reasons, the clocks and what was reported. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Incident")
public record IncidentView(
        UUID id,
        IncidentNature nature,
        IncidentKind kind,
        String title,
        String summary,
        OffsetDateTime occurredAt,
        OffsetDateTime discoveredAt,

        @Schema(description = "The day the company knew, in Japan: the report periods count from it")
        LocalDate knownOn,

        String discoveredHow,
        String handler,
        IncidentStatus status,
        DataOwner dataOwner,
        String clientTenantId,
        List<AffectedCategory> categories,
        Persons persons,
        boolean unlawfulPurpose,
        boolean highlyEncrypted,

        @Schema(description = "Whether the incident must be reported to the PPC (APPI Art. 26(1))")
        boolean reportable,

        @Schema(description = "The cases of PPC Rule 7 that apply")
        List<ReportableCase> cases,

        TriageView triage,

        @Schema(description = "Whether this tenant itself must report (false once a contractor notified its client)")
        boolean ppcReportRequired,

        LocalDate preliminaryReportDueOn,
        LocalDate finalReportDueOn,

        @Schema(
                description = "Days left to the preliminary report (negative: overdue); absent once submitted or "
                        + "when no report is required")
        Long preliminaryDaysLeft,

        @Schema(description = "Days left to the final report; absent once submitted or when no report is required")
        Long finalDaysLeft,

        List<ReportSummary> reports,
        ClientNotice clientNotice,
        PersonProgress personNotices,
        NarrativeView narrative,
        OffsetDateTime createdAt,
        String createdBy,
        OffsetDateTime updatedAt) {

    @Schema(name = "IncidentPersons")
    public record Persons(
            int count,
            boolean estimated,

            @Schema(description = "STATED, LISTED or LEDGER_COUNT")
            String basis,

            List<String> subjectRefs) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "IncidentTriage")
    public record TriageView(
            @Schema(description = "What the rules alone answer")
            boolean byRules,

            List<Triage.Reason> reasons,
            Boolean overrideReportable,
            String overrideReason,
            String overrideBy,
            OffsetDateTime overrideAt) {}

    @Schema(name = "IncidentReportSummary")
    public record ReportSummary(
            ReportStage stage, String receptionNumber, OffsetDateTime submittedAt, String submittedBy) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "IncidentClientNotice")
    public record ClientNotice(
            OffsetDateTime notifiedAt,
            String notifiedBy,
            String text,
            OffsetDateTime acknowledgedAt,
            String acknowledgedBy,

            @Schema(description = "The exemption the notice gives the contractor")
            String exemption,

            @Schema(description = "Whether the notice went out by the preliminary report's due date")
            boolean timely) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "IncidentNarrativeView")
    public record NarrativeView(
            String cause, String secondaryHarm, String publication, String prevention, String otherNotes) {}

    static IncidentView of(IncidentFile f, LocalDate today) {
        Incident i = f.incident();
        Triage.Result t = f.triage();
        boolean required = f.ppcReportRequired();
        Long preliminaryLeft = required && f.report(ReportStage.PRELIMINARY).isEmpty()
                ? ReportClock.daysLeft(today, f.preliminaryDueOn())
                : null;
        Long finalLeft =
                required && f.report(ReportStage.FINAL).isEmpty() ? ReportClock.daysLeft(today, f.finalDueOn()) : null;
        return new IncidentView(
                i.id,
                i.nature,
                i.kind,
                i.title,
                i.summary,
                i.occurredAt,
                i.discoveredAt,
                ReportClock.knownOn(i.discoveredAt),
                i.discoveredHow,
                i.handler,
                i.status,
                i.dataOwner,
                i.clientTenantId,
                i.categories,
                new Persons(i.personsCount, i.personsEstimated, i.personsBasis, i.subjectRefs),
                i.unlawfulPurpose,
                i.highlyEncrypted,
                t.reportable(),
                t.cases(),
                new TriageView(
                        t.byRules(), t.reasons(), i.overrideReportable, i.overrideReason, i.overrideBy, i.overrideAt),
                required,
                f.preliminaryDueOn(),
                f.finalDueOn(),
                preliminaryLeft,
                finalLeft,
                f.reports().stream()
                        .map(r -> new ReportSummary(r.stage, r.receptionNumber, r.submittedAt, r.submittedBy))
                        .toList(),
                clientNotice(f),
                PersonProgress.of(i.personsCount, f.notices()),
                new NarrativeView(i.cause, i.secondaryHarm, i.publication, i.prevention, i.otherNotes),
                i.createdAt,
                i.createdBy,
                i.updatedAt);
    }

    static ClientNotice clientNotice(IncidentFile f) {
        Incident i = f.incident();
        if (i.clientNotifiedAt == null) {
            return null;
        }
        return new ClientNotice(
                i.clientNotifiedAt,
                i.clientNotifiedBy,
                i.clientNotice,
                i.clientAcknowledgedAt,
                i.clientAcknowledgedBy,
                "個人情報保護法第26条第1項ただし書: 委託元への通知により委託先の報告義務を免れる (APPI Art. 26(1) proviso)",
                !JapanTime.dateOf(i.clientNotifiedAt).isAfter(f.preliminaryDueOn()));
    }
}
