package dev.mamori.retention.service;

import dev.mamori.retention.AcquisitionForm;
import dev.mamori.retention.RetentionBasis;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a privacy officer submits to add a category to the personal-information ledger (JIS Q 15001). Texts are
 * Japanese first; English is optional. The retention rule defaults to 92 days from collection.
 */
@Schema(name = "DataCategoryDraft")
public record DataCategoryDraft(
        @Schema(description = "Tenant-scoped code", example = "call-recording")
        @NotBlank
        @Pattern(regexp = CODE, message = "must be 1-64 lower-case letters, digits, '_' or '-'")
        String code,

        @Schema(example = "通話録音") @NotBlank @Size(max = 200) String nameJa,

        @Schema(example = "Call recordings") @Size(max = 200)
        String nameEn,

        @Schema(description = "The data items (個人情報の項目)", example = "[\"氏名\", \"電話番号\", \"通話音声\"]")
        @NotEmpty
        @Size(max = 100)
        List<@NotBlank @Size(max = 200) String> items,

        @Schema(
                description = "Purpose codes of consent-service (APPI Art. 17(1))",
                example = "[\"call-center-support\"]")
        @NotEmpty
        @Size(max = 50)
        List<@NotBlank @Pattern(regexp = PURPOSE_CODE, message = "must be a purpose code") String> purposeCodes,

        @Schema(description = "Where the data is kept (保管場所)", example = "録音サーバ（東京データセンター）") @NotBlank @Size(max = 500)
        String storageLocation,

        @Schema(description = "How the data is kept (保管方法)", example = "暗号化して保存、アクセスログ取得") @NotBlank @Size(max = 500)
        String storageMethod,

        @Schema(
                description = "Roles or departments that may access the data (アクセス権者)",
                example = "[\"SV\", \"品質管理チーム\"]")
        @NotEmpty
        @Size(max = 50)
        List<@NotBlank @Size(max = 100) String> accessibleBy,

        @Schema(
                description = "Whether the category holds special care-required information (要配慮個人情報, APPI "
                        + "Art. 2(3)); must be stated")
        @NotNull
        Boolean sensitive,

        @Schema(description = "How the data is acquired (取得形態)") @NotNull
        AcquisitionForm acquisitionForm,

        @Schema(description = "Provided to third parties (APPI Art. 27); false when absent", defaultValue = "false")
        Boolean thirdPartyProvision,

        @Schema(description = "Used jointly (APPI Art. 27(5)(iii)); false when absent", defaultValue = "false")
        Boolean jointUse,

        @Schema(
                description = "Handling entrusted to a contractor (APPI Arts. 25, 27(5)(i)); false when absent",
                defaultValue = "false")
        Boolean entrustment,

        @Schema(description = "What the retention period counts from; COLLECTION when absent")
        RetentionBasis retentionBasis,

        @Schema(
                description = "Days kept from collection (default 92) or after the client contract ends (default 0)",
                example = "92")
        @Min(0)
        @Max(36500)
        Integer retentionDays,

        @Schema(
                description = "Date of the last review of this entry (reviewed at least yearly); today when absent",
                example = "2026-04-01")
        LocalDate lastReviewedAt) {

    public static final String CODE = "[a-z0-9][a-z0-9_-]{0,63}";
    /** consent-service's purpose code pattern. */
    public static final String PURPOSE_CODE = "[a-z0-9][a-z0-9._-]{0,63}";

    /**
     * Absent means "no" for the three handling flags. They are {@code Boolean} so that absence is read as absence:
     * the platform's JSON refuses a missing or null value for a primitive rather than guess it.
     */
    public boolean thirdPartyProvisionOrFalse() {
        return Boolean.TRUE.equals(thirdPartyProvision);
    }

    public boolean jointUseOrFalse() {
        return Boolean.TRUE.equals(jointUse);
    }

    public boolean entrustmentOrFalse() {
        return Boolean.TRUE.equals(entrustment);
    }

    public RetentionBasis retentionBasisOrDefault() {
        return retentionBasis == null ? RetentionBasis.COLLECTION : retentionBasis;
    }

    public int retentionDaysOrDefault() {
        return retentionDays == null ? RetentionPolicy.defaultDays(retentionBasisOrDefault()) : retentionDays;
    }
}
