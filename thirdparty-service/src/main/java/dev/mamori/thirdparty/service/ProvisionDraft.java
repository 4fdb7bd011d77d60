package dev.mamori.thirdparty.service;

import dev.mamori.thirdparty.RecordMethod;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A request to provide personal data about one or many principals to a registered third party (APPI Arts. 27-29).
 * The legal basis is the recipient's; the suite checks every rule before anything is recorded.
 */
@Schema(name = "ProvisionDraft")
public record ProvisionDraft(
        @Schema(description = "The registered third party that receives the data") @NotNull UUID recipientId,
        @Schema(description = "The consent-service purpose the provision serves; required where the principals' "
                + "consent is the basis (Art. 27(1), 28(1))", example = "job-referral")
        @Size(max = 64) String purpose,
        @Schema(description = "The principals, each 1-128 characters without spaces (Rule 20(1)(i)(c))",
                example = "[\"cust-000123\"]")
        @NotEmpty @Size(max = MAX_SUBJECTS) List<String> subjectRefs,
        @Schema(description = "Items of personal data provided, each 1-100 characters (Rule 20(1)(i)(d))",
                example = "[\"name\", \"work history\"]")
        @NotEmpty @Size(max = 100) List<String> dataItems,
        @Schema(description = "Special care-required categories the data includes (Art. 2(3)); never provided by "
                + "opt-out (Art. 27(2))", example = "[]")
        @Size(max = 11) List<String> sensitiveCategories,
        @Schema(description = "EACH, BULK or CONTRACT_SUBSTITUTE (Rule 19); decides the retention", example = "EACH")
        @NotNull RecordMethod method,
        @Schema(description = "Date of provision, in Japan; required for opt-out (Rule 20(1)(i)(a))", example = "2025-04-01")
        LocalDate providedOn,
        @Schema(description = "Last provision the record covers; required for BULK and CONTRACT_SUBSTITUTE (Rule 21)")
        LocalDate lastTransferOn,
        @Schema(description = "The joint-use scheme a JOINT_USE provision is made under (Art. 27(5)(iii))")
        UUID jointUseSchemeId) {

    public static final int MAX_SUBJECTS = 1000;
    public static final int MAX_SUBJECT_REF = 128;
    public static final int MAX_DATA_ITEM = 100;

    public List<String> sensitiveCategoriesOrEmpty() {
        return sensitiveCategories == null ? List.of() : sensitiveCategories;
    }
}
