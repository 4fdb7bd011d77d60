package dev.mamori.thirdparty;

import dev.mamori.platform.persistence.EnumListConverter;
import dev.mamori.platform.persistence.StringListConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One version of a joint-use scheme with the five items of APPI Art. 27(5)(iii): that it is joint use (the scheme
 * itself), the data items, the scope of joint users (the members), their purposes, and the name, address and
 * representative of the person responsible. Versions are never edited; a change is a new version with its
 * effective date and, where Art. 27(6) asks for it, the date of the advance notice.
 */
@Entity
@Immutable
@Table(name = "joint_use_scheme_version")
public class JointUseSchemeVersion {

    @Id
    public UUID id;

    @Column(name = "scheme_id", nullable = false)
    public UUID schemeId;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(nullable = false)
    public int version;

    @Convert(converter = StringListConverter.class)
    @Column(name = "data_items", nullable = false)
    public List<String> dataItems;

    /** Member tenants (the joint users besides the responsible tenant). */
    @Convert(converter = StringListConverter.class)
    @Column(nullable = false)
    public List<String> members;

    @Convert(converter = StringListConverter.class)
    @Column(nullable = false)
    public List<String> purposes;

    @Column(name = "responsible_name", nullable = false)
    public String responsibleName;

    @Column(name = "responsible_address", nullable = false)
    public String responsibleAddress;

    @Column(name = "responsible_representative", nullable = false)
    public String responsibleRepresentative;

    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    @Convert(converter = SchemeChangeListConverter.class)
    @Column(nullable = false)
    public List<SchemeChange> changes;

    @Column(name = "advance_notice_required", nullable = false)
    public boolean advanceNoticeRequired;

    /** Whether the version needed a notice date at all (advance, or by its effective date): Art. 27(5)(iii), 27(6). */
    @Column(name = "notice_required", nullable = false)
    public boolean noticeRequired;

    @Column(name = "notice_on")
    public LocalDate noticeOn;

    @Column(name = "published_at", nullable = false)
    public OffsetDateTime publishedAt;

    @Column(name = "published_by", nullable = false)
    public String publishedBy;

    @jakarta.persistence.Converter
    public static class SchemeChangeListConverter extends EnumListConverter<SchemeChange> {
        public SchemeChangeListConverter() {
            super(SchemeChange.class);
        }
    }
}
