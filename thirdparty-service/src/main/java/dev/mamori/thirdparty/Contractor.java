package dev.mamori.thirdparty;

import dev.mamori.platform.persistence.EnumListConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A contractor entrusted with handling personal data (APPI Arts. 25, 27(5)(i)): a registered third party with
 * legal basis ENTRUSTMENT, its contract and NDA, and, for a sub-contractor, the contractor above it and the
 * client's approval of the sub-entrustment. Its assessments, certifications and audits are kept beside it.
 */
@Entity
@Table(name = "contractor")
public class Contractor {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "third_party_id", nullable = false, updatable = false)
    public UUID thirdPartyId;

    @Column(name = "parent_contractor_id", updatable = false)
    public UUID parentContractorId;

    @Column(name = "subcontract_approved_on")
    public LocalDate subcontractApprovedOn;

    @Column(name = "subcontract_approved_by")
    public String subcontractApprovedBy;

    @Column(name = "contract_signed_on")
    public LocalDate contractSignedOn;

    @Column(name = "nda_signed_on")
    public LocalDate ndaSignedOn;

    @Convert(converter = Clauses.class)
    @Column(name = "contract_clauses", nullable = false)
    public List<ContractClause> contractClauses;

    @Column(name = "audit_interval_months", nullable = false)
    public int auditIntervalMonths;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @jakarta.persistence.Converter
    public static class Clauses extends EnumListConverter<ContractClause> {
        public Clauses() {
            super(ContractClause.class);
        }
    }
}
