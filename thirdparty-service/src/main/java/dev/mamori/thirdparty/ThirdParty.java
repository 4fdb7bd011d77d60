package dev.mamori.thirdparty;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A counterparty of the client company: a recipient of personal data, a provider of it, or both. Holds the identity
 * items the law asks for (name, address and, for a corporation, its representative: APPI Arts. 27(2)(i), 30(1)(i)),
 * the legal basis of the flow (Art. 27) and, for a party in a foreign country, what allows provision there (Art. 28).
 */
@Entity
@Table(name = "third_party")
public class ThirdParty {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String address;

    /** The representative's name; required unless the party is an individual. */
    @Column
    public String representative;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PartyKind kind;

    /** ISO 3166-1 alpha-2. */
    @Column(nullable = false)
    public String country;

    @Enumerated(EnumType.STRING)
    @Column(name = "legal_basis", nullable = false)
    public LegalBasis legalBasis;

    @Enumerated(EnumType.STRING)
    @Column(name = "cross_border_basis")
    public CrossBorderBasis crossBorderBasis;

    /**
     * The suite tenant this party is, when it is a company of the same group: joint-use schemes name their members
     * by tenant id (Art. 27(5)(iii)).
     */
    @Column(name = "group_tenant_id")
    public String groupTenantId;

    /** Set while provision abroad is suspended (Art. 28(3); Rule 18(1)(ii)). */
    @Column(name = "cross_border_suspended_at")
    public OffsetDateTime crossBorderSuspendedAt;

    @Column(name = "cross_border_suspension_reason")
    public String crossBorderSuspensionReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    /**
     * Whether providing data to this party needs a provision record (Art. 29(1)). Not for a public agency (Art. 16(2)
     * bodies are not third parties there), nor under an Art. 27(1) exception, nor for entrustment, succession or
     * joint use (Art. 27(5)) unless the provision relies on Art. 28(1) consent, where only Art. 27(1) exempts.
     */
    public boolean isAbroad() {
        return !"JP".equals(country);
    }

    public boolean provisionRecordsRequired() {
        if (kind == PartyKind.PUBLIC_AGENCY || legalBasis.isArt27Exception()) {
            return false;
        }
        if (legalBasis.isNotAThirdParty()) {
            return crossBorderBasis == CrossBorderBasis.CONSENT_WITH_INFORMATION;
        }
        return true;
    }
}
