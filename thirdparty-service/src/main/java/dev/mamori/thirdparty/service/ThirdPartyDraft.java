package dev.mamori.thirdparty.service;

import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.thirdparty.CrossBorderBasis;
import dev.mamori.thirdparty.LegalBasis;
import dev.mamori.thirdparty.PartyKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a privacy officer submits to register a counterparty (a recipient, a provider, or both). */
@Schema(name = "ThirdPartyDraft")
public record ThirdPartyDraft(
        @Schema(example = "パーソルクロステクノロジー株式会社") @NotBlank @Size(max = 300)
        String name,

        @Schema(example = "東京都新宿区西新宿2-1-1 新宿三井ビルディング51F") @NotBlank @Size(max = 500)
        String address,

        @Schema(
                description = "Name of the representative person; required unless kind is INDIVIDUAL "
                        + "(APPI Arts. 27(2)(i), 30(1)(i))",
                example = "正木 慎二")
        @Size(max = 200)
        String representative,

        @Schema(example = "CORPORATION") @NotNull PartyKind kind,

        @Schema(description = "ISO 3166-1 alpha-2; JP when absent", example = "JP")
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code in upper case")
        String country,

        @Schema(description = "Legal basis of the flow (APPI Art. 27)", example = "CONSENT") @NotNull
        LegalBasis legalBasis,

        @Schema(
                description = "For a party in a foreign country: what allows provision there (APPI Art. 28). "
                        + "ADEQUATE_COUNTRY is taken for EU/EEA countries and GB when absent; not needed under an Art. 27(1) "
                        + "exception; refused for a party in Japan.",
                example = "EQUIVALENT_MEASURES")
        CrossBorderBasis crossBorderBasis,

        @Schema(
                description = "For a company of the same group that is a tenant of the suite: its tenant id, which "
                        + "joint-use schemes name as a member (Art. 27(5)(iii))",
                example = "tenant-b")
        @Pattern(regexp = TenantContext.TENANT_ID_PATTERN, message = TenantContext.TENANT_ID_MESSAGE)
        String groupTenantId) {

    public static final String JAPAN = "JP";

    public String countryOrDefault() {
        return country == null ? JAPAN : country;
    }

    public String representativeOrNull() {
        return representative == null || representative.isBlank() ? null : representative.strip();
    }
}
