package dev.mamori.thirdparty.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mamori.platform.problem.Problem;
import dev.mamori.thirdparty.AssessmentResult;
import dev.mamori.thirdparty.AuditResult;
import dev.mamori.thirdparty.CertificationScheme;
import dev.mamori.thirdparty.ContractClause;
import dev.mamori.thirdparty.Contractor;
import dev.mamori.thirdparty.service.ContractorService.Expiring;
import dev.mamori.thirdparty.service.ContractorService.Supervised;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A contractor under Art. 25 supervision, with its record and whether data may go to it today. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Contractor")
public record ContractorView(
        UUID id,
        UUID thirdPartyId,
        String name,
        UUID parentContractorId,
        Approval subcontractApproval,
        Contract contract,
        int auditIntervalMonths,
        LocalDate nextAuditDue,

        @Schema(description = "Whether data may be entrusted to it today")
        boolean usable,

        @Schema(description = "Why not: the provision rules it fails today")
        List<Problem.FieldError> problems,

        @Schema(
                description = "Whether a certification in force expires within the warning window "
                        + "(mamori.thirdparty.contractors.certification-warning-days)")
        boolean certificationWarning,

        @Schema(description = "The certifications in force that expire within the warning window, soonest first")
        List<ExpiryWarning> expiringCertifications,

        @Schema(description = "Latest first") List<Assessment> assessments,

        @Schema(description = "Latest expiry first within each scheme")
        List<Certification> certifications,

        @Schema(description = "Latest first") List<Audit> audits,
        OffsetDateTime createdAt,
        String createdBy) {

    @Schema(name = "SubcontractApprovalView")
    public record Approval(LocalDate approvedOn, String approvedBy) {}

    @Schema(name = "ContractorContractView")
    public record Contract(LocalDate contractSignedOn, LocalDate ndaSignedOn, List<ContractClause> clauses) {}

    @Schema(name = "ContractorAssessmentView")
    public record Assessment(
            LocalDate assessedOn,
            AssessmentResult result,
            String assessor,
            LocalDate validUntil,
            String notes,
            String recordedBy) {}

    @Schema(name = "ContractorCertificationView")
    public record Certification(CertificationScheme scheme, String number, LocalDate expiresOn, boolean expired) {}

    @Schema(name = "CertificationExpiryWarning")
    public record ExpiryWarning(CertificationScheme scheme, String number, LocalDate expiresOn, long daysLeft) {}

    @Schema(name = "ContractorAuditView")
    public record Audit(
            LocalDate auditedOn, AuditResult result, String findings, LocalDate nextDue, String recordedBy) {}

    @Schema(name = "ExpiringCertification")
    public record ExpiringView(
            UUID contractorId,
            UUID thirdPartyId,
            String name,
            CertificationScheme scheme,
            String number,
            LocalDate expiresOn,
            @Schema(description = "Negative once expired") long daysLeft,
            boolean expired) {

        static ExpiringView of(Expiring e) {
            return new ExpiringView(
                    e.contractor().id,
                    e.contractor().thirdPartyId,
                    e.name(),
                    e.certification().scheme,
                    e.certification().number,
                    e.certification().expiresOn,
                    e.daysLeft(),
                    e.daysLeft() < 0);
        }
    }

    /** The view on {@code today} in Japan, warning of certifications expiring within {@code warningDays} days. */
    static ContractorView of(Supervised s, int warningDays, LocalDate today) {
        Contractor c = s.contractor();
        List<Problem.FieldError> problems = s.standing().failures(today);
        List<ExpiryWarning> warnings = s.standing().expiryWarnings(today, warningDays).stream()
                .map(w -> new ExpiryWarning(
                        w.certification().scheme, w.certification().number, w.certification().expiresOn, w.daysLeft()))
                .toList();
        return new ContractorView(
                c.id,
                c.thirdPartyId,
                s.name(),
                c.parentContractorId,
                c.subcontractApprovedOn == null ? null : new Approval(c.subcontractApprovedOn, c.subcontractApprovedBy),
                new Contract(c.contractSignedOn, c.ndaSignedOn, c.contractClauses),
                c.auditIntervalMonths,
                s.standing().nextAuditDue(),
                problems.isEmpty(),
                problems,
                !warnings.isEmpty(),
                warnings,
                s.standing().assessments().stream()
                        .map(a ->
                                new Assessment(a.assessedOn, a.result, a.assessor, a.validUntil, a.notes, a.recordedBy))
                        .toList(),
                s.standing().certifications().stream()
                        .map(x -> new Certification(x.scheme, x.number, x.expiresOn, x.expiresOn.isBefore(today)))
                        .toList(),
                s.standing().audits().stream()
                        .map(a -> new Audit(a.auditedOn, a.result, a.findings, a.nextDue, a.recordedBy))
                        .toList(),
                c.createdAt,
                c.createdBy);
    }
}
