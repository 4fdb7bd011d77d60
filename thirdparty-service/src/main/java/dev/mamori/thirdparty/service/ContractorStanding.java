package dev.mamori.thirdparty.service;

import dev.mamori.platform.problem.Problem;
import dev.mamori.platform.time.JapanTime;
import dev.mamori.thirdparty.AssessmentResult;
import dev.mamori.thirdparty.AuditResult;
import dev.mamori.thirdparty.CertificationScheme;
import dev.mamori.thirdparty.ContractClause;
import dev.mamori.thirdparty.Contractor;
import dev.mamori.thirdparty.ContractorAssessment;
import dev.mamori.thirdparty.ContractorAudit;
import dev.mamori.thirdparty.ContractorCertification;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether data may go to a contractor today under Art. 25 supervision: selected by a passing assessment still in
 * force, certifications in force, a signed contract with the required clauses, audits held when due and none failed,
 * and for a sub-contractor the sub-entrustment approved and the contractor above it usable itself. The same verdict
 * serves the contractor's own view and the provision check.
 *
 * @param parent the standing of the contractor that sub-entrusts to this one; null for a contractor entrusted directly
 */
public record ContractorStanding(
        Contractor contractor,
        List<ContractorAssessment> assessments,
        List<ContractorCertification> certifications,
        List<ContractorAudit> audits,
        ContractorStanding parent) {

    /** A certification in force that expires within the warning window: renew it before the contractor lapses. */
    public record ExpiryWarning(ContractorCertification certification, long daysLeft) {}

    /** The certification of each scheme in force: the one that expires last. */
    public Map<CertificationScheme, ContractorCertification> currentCertifications() {
        Map<CertificationScheme, ContractorCertification> current = new LinkedHashMap<>();
        for (ContractorCertification c : certifications) {
            current.merge(c.scheme, c, (a, b) -> b.expiresOn.isAfter(a.expiresOn) ? b : a);
        }
        return current;
    }

    public LocalDate nextAuditDue() {
        if (!audits.isEmpty()) {
            return audits.get(0).nextDue;
        }
        return JapanTime.dateOf(contractor.createdAt).plusMonths(contractor.auditIntervalMonths);
    }

    /**
     * The certifications in force that have not expired but will within {@code windowDays} days of {@code today},
     * soonest first. Expired ones are not warnings but failures.
     */
    public List<ExpiryWarning> expiryWarnings(LocalDate today, int windowDays) {
        LocalDate horizon = today.plusDays(windowDays);
        return currentCertifications().values().stream()
                .filter(c -> !c.expiresOn.isBefore(today) && !c.expiresOn.isAfter(horizon))
                .sorted(java.util.Comparator.comparing((ContractorCertification c) -> c.expiresOn))
                .map(c -> new ExpiryWarning(c, ChronoUnit.DAYS.between(today, c.expiresOn)))
                .toList();
    }

    /** Every reason the contractor may not receive data on {@code today}; empty when it may. */
    public List<Problem.FieldError> failures(LocalDate today) {
        List<Problem.FieldError> failures = new ArrayList<>();
        ContractorAssessment latest = assessments.isEmpty() ? null : assessments.get(0);
        if (latest == null) {
            failures.add(fail(
                    ProvisionRule.CONTRACTOR_NOT_ASSESSED,
                    "the contractor was never assessed before " + "selection (Art. 25)"));
        } else if (latest.result != AssessmentResult.PASSED) {
            failures.add(fail(
                    ProvisionRule.CONTRACTOR_NOT_ASSESSED,
                    "the latest selection assessment (" + latest.assessedOn + ") failed (Art. 25)"));
        } else if (latest.validUntil.isBefore(today)) {
            failures.add(fail(
                    ProvisionRule.CONTRACTOR_NOT_ASSESSED,
                    "the selection assessment of " + latest.assessedOn + " stood until " + latest.validUntil
                            + "; assess the contractor again (Art. 25)"));
        }
        for (ContractorCertification c : currentCertifications().values()) {
            if (c.expiresOn.isBefore(today)) {
                failures.add(fail(
                        ProvisionRule.CERTIFICATION_EXPIRED,
                        c.scheme + " " + c.number + " expired on " + c.expiresOn + "; record the renewal (Art. 25)"));
            }
        }
        Set<ContractClause> missing = EnumSet.copyOf(ContractClause.REQUIRED);
        missing.removeAll(contractor.contractClauses);
        if (contractor.contractSignedOn == null || !missing.isEmpty()) {
            failures.add(fail(
                    ProvisionRule.CONTRACT_INCOMPLETE,
                    (contractor.contractSignedOn == null
                                    ? "no signed entrustment contract is on record"
                                    : "the contract lacks " + missing)
                            + " (Art. 25)"));
        }
        if (contractor.parentContractorId != null) {
            // Art. 25: sub-entrustment only with the client's approval, and only from the day it was given.
            if (contractor.subcontractApprovedOn == null) {
                failures.add(fail(
                        ProvisionRule.SUBCONTRACT_NOT_APPROVED,
                        "the sub-entrustment by contractor " + contractor.parentContractorId
                                + " was not approved (Art. 25)"));
            } else if (contractor.subcontractApprovedOn.isAfter(today)) {
                failures.add(fail(
                        ProvisionRule.SUBCONTRACT_NOT_APPROVED,
                        "the sub-entrustment by contractor "
                                + contractor.parentContractorId + " is approved only from "
                                + contractor.subcontractApprovedOn
                                + " (Art. 25)"));
            }
            // Data reaches a sub-contractor through its parent: a parent that may not receive data cannot pass it on.
            List<Problem.FieldError> above = parent == null ? List.of() : parent.failures(today);
            if (!above.isEmpty()) {
                failures.add(fail(
                        ProvisionRule.PARENT_CONTRACTOR_NOT_USABLE,
                        "contractor "
                                + contractor.parentContractorId
                                + ", which sub-entrusts to this one, may not receive data: "
                                + String.join(
                                        ", ",
                                        above.stream()
                                                .map(Problem.FieldError::field)
                                                .distinct()
                                                .toList())
                                + " (Art. 25)"));
            }
        }
        if (!audits.isEmpty() && audits.get(0).result == AuditResult.FAILED) {
            failures.add(fail(
                    ProvisionRule.AUDIT_FAILED,
                    "the audit of " + audits.get(0).auditedOn
                            + " failed; no data goes to the contractor until an audit passes (Art. 25)"));
        }
        // Art. 25: supervision includes the periodic audit; once it is overdue the client no longer knows the
        // contractor's handling, just as when a certification lapses.
        LocalDate due = nextAuditDue();
        if (due.isBefore(today)) {
            failures.add(fail(
                    ProvisionRule.AUDIT_OVERDUE,
                    "the audit due on " + due + " has not been recorded; "
                            + "audit the contractor before entrusting more data (Art. 25)"));
        }
        return failures;
    }

    static Problem.FieldError fail(ProvisionRule rule, String message) {
        return new Problem.FieldError(rule.name(), message);
    }
}
