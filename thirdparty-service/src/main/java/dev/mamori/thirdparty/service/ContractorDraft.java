package dev.mamori.thirdparty.service;

import dev.mamori.platform.validation.NotFuture;
import dev.mamori.thirdparty.AssessmentResult;
import dev.mamori.thirdparty.AuditResult;
import dev.mamori.thirdparty.CertificationScheme;
import dev.mamori.thirdparty.ContractClause;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a privacy officer records to select a contractor (APPI Art. 25; JIS Q 15001 A.7.3.5). */
@Schema(name = "ContractorDraft")
public record ContractorDraft(
        @Schema(description = "The registered third party with legal basis ENTRUSTMENT") @NotNull
        UUID thirdPartyId,

        @Schema(description = "The selection assessment made before choosing the contractor") @NotNull @Valid
        Assessment assessment,

        @Size(max = 20) List<@NotNull @Valid Certification> certifications,
        @NotNull @Valid Contract contract,

        @Schema(description = "For a sub-contractor: the contractor that sub-entrusts to it")
        UUID parentContractorId,

        @Schema(description = "The client's approval of the sub-entrustment") @Valid
        Approval subcontractApproval,

        @Schema(description = "Months between audits; 12 when absent", example = "12") @Min(1) @Max(36)
        Integer auditIntervalMonths) {

    @Schema(name = "ContractorAssessment")
    public record Assessment(
            @Schema(example = "2025-03-01") @NotNull @NotFuture
            LocalDate assessedOn,

            @NotNull AssessmentResult result,

            @Schema(example = "情報セキュリティ委員会") @NotBlank @Size(max = 200)
            String assessor,

            @Schema(description = "Last day the assessment stands; a year after assessedOn when absent")
            LocalDate validUntil,

            @Size(max = 4000) String notes) {}

    @Schema(name = "ContractorCertification")
    public record Certification(
            @NotNull CertificationScheme scheme,

            @Schema(example = "10862135(05)") @NotBlank @Size(max = 100)
            String number,

            @Schema(example = "2027-03-31") @NotNull LocalDate expiresOn) {}

    @Schema(name = "ContractorContract")
    public record Contract(
            @Schema(example = "2025-03-15") @NotFuture LocalDate contractSignedOn,
            @Schema(example = "2025-03-15") @NotFuture LocalDate ndaSignedOn,
            @NotNull @Size(max = 20) List<@NotNull ContractClause> clauses) {}

    @Schema(name = "SubcontractApproval")
    public record Approval(
            @NotNull LocalDate approvedOn,
            @NotBlank @Size(max = 200) String approvedBy) {}

    @Schema(name = "ContractorAudit")
    public record Audit(
            @NotNull @NotFuture LocalDate auditedOn,
            @NotNull AuditResult result,

            @Schema(description = "Required unless PASSED") @Size(max = 4000)
            String findings,

            @Schema(description = "The next audit; auditIntervalMonths after auditedOn when absent")
            LocalDate nextDue) {}
}
