package dev.mamori.incident.service;

import dev.mamori.incident.AffectedCategory;
import dev.mamori.incident.Incident;

/** Reads the triage's facts off a recorded incident. */
final class IncidentFacts {

    private IncidentFacts() {}

    static Triage.Result triage(Incident i) {
        return Triage.assess(new Triage.Facts(
                i.categories.stream().anyMatch(AffectedCategory::sensitive),
                i.categories.stream().anyMatch(AffectedCategory::financialHarm),
                i.unlawfulPurpose,
                i.personsCount,
                i.highlyEncrypted,
                i.overrideReportable,
                i.overrideReason));
    }
}
