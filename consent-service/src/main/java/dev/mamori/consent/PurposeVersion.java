package dev.mamori.consent;

import dev.mamori.platform.persistence.EnumListConverter;
import dev.mamori.platform.persistence.StringListConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One immutable version of a purpose's text and scope. A consent records the exact version it was given to, so
 * what the person was shown is always known (APPI Art. 21(2): the purpose is stated before acquisition).
 */
@Entity
@Immutable
@Table(name = "purpose_version")
public class PurposeVersion {

    @Id
    public UUID id;

    @Column(name = "purpose_id", nullable = false)
    public UUID purposeId;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(nullable = false)
    public int version;

    @Enumerated(EnumType.STRING)
    @Column(name = "change_type", nullable = false)
    public ChangeType changeType;

    @Column(name = "title_ja", nullable = false)
    public String titleJa;

    @Column(name = "title_en")
    public String titleEn;

    @Column(name = "description_ja", nullable = false)
    public String descriptionJa;

    @Column(name = "description_en")
    public String descriptionEn;

    @Convert(converter = StringListConverter.class)
    @Column(name = "data_items", nullable = false)
    public List<String> dataItems;

    @Convert(converter = SensitiveCategories.class)
    @Column(name = "sensitive_categories", nullable = false)
    public List<SensitiveCategory> sensitiveCategories;

    @Column(name = "third_party_provision", nullable = false)
    public boolean thirdPartyProvision;

    @Convert(converter = RecipientTypes.class)
    @Column(name = "recipient_types", nullable = false)
    public List<RecipientType> recipientTypes;

    /** Countries of foreign recipients (ISO 3166-1 alpha-2), for the Art. 28 information shown before consent. */
    @Convert(converter = StringListConverter.class)
    @Column(name = "cross_border_countries", nullable = false)
    public List<String> crossBorderCountries;

    @Column(name = "cross_border_information")
    public String crossBorderInformation;

    @Column(name = "published_at", nullable = false)
    public OffsetDateTime publishedAt;

    @Column(name = "published_by", nullable = false)
    public String publishedBy;

    @Converter
    public static class SensitiveCategories extends EnumListConverter<SensitiveCategory> {
        public SensitiveCategories() {
            super(SensitiveCategory.class);
        }
    }

    @Converter
    public static class RecipientTypes extends EnumListConverter<RecipientType> {
        public RecipientTypes() {
            super(RecipientType.class);
        }
    }
}
