package dev.mamori.thirdparty.service;

import dev.mamori.platform.tenant.TenantContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A joint-use scheme's five items (APPI Art. 27(5)(iii)) as the responsible tenant announces them, for a new scheme
 * ({@code title} required) or a new version of one (title ignored).
 */
@Schema(name = "JointUseSchemeDraft")
public record JointUseSchemeDraft(
        @Schema(example = "当社グループにおける法人顧客役職員情報の共同利用") @Size(max = 300)
        String title,

        @Schema(description = "Items of personal data jointly used", example = "[\"name\", \"department\", \"email\"]")
        @NotEmpty
        @Size(max = 100)
        List<@NotBlank @Size(max = 100) String> dataItems,

        @Schema(
                description = "Scope of joint users: tenant ids of the group's companies besides the responsible one",
                example = "[\"tenant-b\"]")
        @NotEmpty
        @Size(max = 200)
        List<
                        @NotNull
                        @Pattern(regexp = TenantContext.TENANT_ID_PATTERN, message = TenantContext.TENANT_ID_MESSAGE)
                        String>
                members,

        @Schema(description = "Purposes of use of the joint users") @NotEmpty @Size(max = 50)
        List<@NotBlank @Size(max = 2000) String> purposes,

        @Schema(description = "The person responsible for management") @NotNull @Valid
        Responsible responsible,

        @Schema(description = "The day this content takes effect", example = "2025-04-01") @NotNull
        LocalDate effectiveFrom,

        @Schema(
                description = "The day principals were notified or the content made easily known: before "
                        + "effectiveFrom for the first version, a change of purposes or of the responsible person; by "
                        + "effectiveFrom for a change of the responsible person's name, address or representative "
                        + "(Art. 27(5)(iii), 27(6))")
        LocalDate noticeOn,

        @Schema(
                description = "True when another person becomes responsible for management, rather than the same "
                        + "one changing its name, address or representative: that needs advance notice (Art. 27(6))")
        Boolean responsibleReplaced) {

    @Schema(name = "JointUseResponsible")
    public record Responsible(
            @Schema(example = "パーソルホールディングス株式会社") @NotBlank @Size(max = 300)
            String name,

            @Schema(example = "東京都港区南青山1-15-5") @NotBlank @Size(max = 500)
            String address,

            @Schema(example = "代表取締役社長 CEO 和田 孝雄") @NotBlank @Size(max = 200)
            String representative) {}
}
