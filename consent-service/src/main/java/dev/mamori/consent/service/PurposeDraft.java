package dev.mamori.consent.service;

import dev.mamori.consent.ChangeType;
import dev.mamori.consent.RecipientType;
import dev.mamori.consent.SensitiveCategory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a privacy officer submits to publish a purpose (first version, with {@code code}) or a new version of it
 * (with {@code changeType}). Texts are Japanese first; English is optional.
 */
@Schema(name = "PurposeDraft")
public record PurposeDraft(
        @Schema(description = "Tenant-scoped code; required when creating a purpose", example = "call-center-support")
        @Pattern(
                regexp = "[a-z0-9][a-z0-9._-]{0,63}",
                message = "must be 1-64 lower-case letters, digits, '.', '_' or '-'")
        String code,

        @Schema(description = "Required for a new version: RELATED or UNRELATED (APPI Art. 17(2))", example = "RELATED")
        ChangeType changeType,

        @Schema(example = "お問い合わせ対応") @NotBlank @Size(max = 200)
        String titleJa,

        @Schema(example = "Handling enquiries") @Size(max = 200)
        String titleEn,

        @Schema(example = "お客様からのお問い合わせに回答するため、氏名・電話番号・お問い合わせ内容を利用します。") @NotBlank @Size(max = 4000)
        String descriptionJa,

        @Schema(example = "We use your name, phone number and enquiry to answer it.") @Size(max = 4000)
        String descriptionEn,

        @Schema(example = "[\"name\", \"phone\", \"enquiry\"]") @NotEmpty @Size(max = 100)
        List<@NotBlank @Size(max = 100) String> dataItems,

        @Schema(description = "Sensitive categories (APPI Art. 2(3)) the purpose uses")
        List<SensitiveCategory> sensitiveCategories,

        @Schema(description = "Whether the purpose includes provision to third parties (APPI Art. 27)")
        boolean thirdPartyProvision,

        List<RecipientType> recipientTypes,

        @Schema(
                description = "Countries of foreign recipients, ISO 3166-1 alpha-2 (APPI Art. 28)",
                example = "[\"US\"]")
        @Size(max = 50)
        List<@Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String> crossBorderCountries,

        @Schema(
                description =
                        "Information shown before consent under Art. 28(2): the country's system and the recipient's measures")
        @Size(max = 4000)
        String crossBorderInformation) {

    public List<SensitiveCategory> sensitiveCategoriesOrEmpty() {
        return sensitiveCategories == null ? List.of() : List.copyOf(sensitiveCategories);
    }

    public List<RecipientType> recipientTypesOrEmpty() {
        return recipientTypes == null ? List.of() : List.copyOf(recipientTypes);
    }

    public List<String> crossBorderCountriesOrEmpty() {
        return crossBorderCountries == null ? List.of() : List.copyOf(crossBorderCountries);
    }
}
