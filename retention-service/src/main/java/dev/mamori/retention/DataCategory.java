package dev.mamori.retention;

import dev.mamori.platform.persistence.StringListConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One entry of the personal-information ledger (個人情報管理台帳, JIS Q 15001): a category of personal data the
 * tenant handles, its items, purposes of use (APPI Art. 17(1)), where and how it is stored and who may access it
 * (Art. 23 security measures), whether it is sensitive (Art. 2(3)), how it is acquired, whether it is provided to
 * third parties, used jointly or entrusted (Arts. 27, 25), and how long it is kept (Art. 22). Reviewed at least
 * yearly; {@link #lastReviewedAt} is the date of the last review.
 */
@Entity
@Table(name = "data_category")
public class DataCategory {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(nullable = false, updatable = false)
    public String code;

    @Column(name = "name_ja", nullable = false)
    public String nameJa;

    @Column(name = "name_en")
    public String nameEn;

    /** The data items (個人情報の項目), e.g. name, phone number, call recording. */
    @Convert(converter = StringListConverter.class)
    @Column(nullable = false)
    public List<String> items;

    /** Purpose codes of consent-service (APPI Art. 17(1)). */
    @Convert(converter = StringListConverter.class)
    @Column(name = "purpose_codes", nullable = false)
    public List<String> purposeCodes;

    @Column(name = "storage_location", nullable = false)
    public String storageLocation;

    @Column(name = "storage_method", nullable = false)
    public String storageMethod;

    /** Roles or departments that may access the data (アクセス権者). */
    @Convert(converter = StringListConverter.class)
    @Column(name = "accessible_by", nullable = false)
    public List<String> accessibleBy;

    /** Special care-required personal information (要配慮個人情報, APPI Art. 2(3)). */
    @Column(nullable = false)
    public boolean sensitive;

    @Enumerated(EnumType.STRING)
    @Column(name = "acquisition_form", nullable = false)
    public AcquisitionForm acquisitionForm;

    @Column(name = "third_party_provision", nullable = false)
    public boolean thirdPartyProvision;

    @Column(name = "joint_use", nullable = false)
    public boolean jointUse;

    @Column(nullable = false)
    public boolean entrustment;

    @Enumerated(EnumType.STRING)
    @Column(name = "retention_basis", nullable = false)
    public RetentionBasis retentionBasis;

    @Column(name = "retention_days", nullable = false)
    public int retentionDays;

    @Column(name = "last_reviewed_at", nullable = false)
    public LocalDate lastReviewedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;
}
