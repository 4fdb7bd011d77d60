package dev.mamori.incident.service;

import dev.mamori.incident.DataOwner;
import dev.mamori.incident.Incident;
import dev.mamori.incident.IncidentReport;
import dev.mamori.incident.PersonNotice;
import dev.mamori.incident.ReportStage;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** An incident with what the rules say of it and what was reported and told: what its view is made from. */
public record IncidentFile(
        Incident incident, Triage.Result triage, List<IncidentReport> reports, List<PersonNotice> notices) {

    public static IncidentFile of(Incident i, List<IncidentReport> reports, List<PersonNotice> notices) {
        return new IncidentFile(i, IncidentFacts.triage(i), List.copyOf(reports), List.copyOf(notices));
    }

    public LocalDate preliminaryDueOn() {
        return ReportClock.preliminaryDueOn(incident.discoveredAt, incident.preliminaryDays);
    }

    public LocalDate finalDueOn() {
        return ReportClock.finalDueOn(incident.discoveredAt, triage.unlawfulPurpose());
    }

    /**
     * A contractor that notified its client company of an incident in the client's data need not report it itself
     * (APPI Art. 26(1) proviso), nor notify the persons (Art. 26(2)).
     */
    public boolean contractorExempt() {
        return incident.dataOwner == DataOwner.CLIENT && incident.clientNotifiedAt != null;
    }

    /** Whether this tenant itself must report to the PPC and notify the persons. */
    public boolean ppcReportRequired() {
        return triage.reportable() && !contractorExempt();
    }

    public Optional<IncidentReport> report(ReportStage stage) {
        return reports.stream().filter(r -> r.stage == stage).findFirst();
    }

    /** The report to make next and its due date, while one is required and not made. */
    public Optional<Due> nextDue() {
        if (!ppcReportRequired()) {
            return Optional.empty();
        }
        if (report(ReportStage.PRELIMINARY).isEmpty()) {
            return Optional.of(new Due(ReportStage.PRELIMINARY, preliminaryDueOn()));
        }
        if (report(ReportStage.FINAL).isEmpty()) {
            return Optional.of(new Due(ReportStage.FINAL, finalDueOn()));
        }
        return Optional.empty();
    }

    public record Due(ReportStage stage, LocalDate dueOn) {}
}
