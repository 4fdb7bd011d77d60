package dev.mamori.consent.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mamori.consent.ChangeType;
import dev.mamori.consent.PurposeVersion;
import dev.mamori.consent.RecipientType;
import dev.mamori.consent.SensitiveCategory;
import dev.mamori.consent.service.PurposeService.PublishedPurpose;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A purpose as clients see it: its code, the version in force and, in the detail view, its history. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Purpose")
public record PurposeView(
        @Schema(example = "call-center-support") String code,
        @Schema(example = "2") int currentVersion,
        OffsetDateTime createdAt,
        Version current,

        @Schema(description = "Every version, oldest first (detail view only)")
        List<Version> versions) {

    @Schema(name = "PurposeVersion")
    public record Version(
            int version,
            ChangeType changeType,
            String titleJa,
            String titleEn,
            String descriptionJa,
            String descriptionEn,
            List<String> dataItems,
            List<SensitiveCategory> sensitiveCategories,
            boolean thirdPartyProvision,
            List<RecipientType> recipientTypes,
            List<String> crossBorderCountries,
            String crossBorderInformation,
            OffsetDateTime publishedAt,
            String publishedBy) {

        static Version of(PurposeVersion v) {
            return new Version(
                    v.version,
                    v.changeType,
                    v.titleJa,
                    v.titleEn,
                    v.descriptionJa,
                    v.descriptionEn,
                    v.dataItems,
                    v.sensitiveCategories,
                    v.thirdPartyProvision,
                    v.recipientTypes,
                    v.crossBorderCountries,
                    v.crossBorderInformation,
                    v.publishedAt,
                    v.publishedBy);
        }
    }

    static PurposeView summary(PublishedPurpose p) {
        return new PurposeView(
                p.purpose().code, p.purpose().currentVersion, p.purpose().createdAt, Version.of(p.current()), null);
    }

    static PurposeView detail(PublishedPurpose p) {
        return new PurposeView(
                p.purpose().code,
                p.purpose().currentVersion,
                p.purpose().createdAt,
                Version.of(p.current()),
                p.versions().stream().map(Version::of).toList());
    }
}
