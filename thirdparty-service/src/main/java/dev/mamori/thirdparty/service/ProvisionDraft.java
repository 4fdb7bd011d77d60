package dev.mamori.thirdparty.service;

import dev.mamori.platform.subject.SubjectRef;
import dev.mamori.thirdparty.RecordMethod;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A request to provide personal data about one or many principals to a registered third party (APPI Arts. 27-29).
 * The legal basis is the recipient's; the suite checks every rule before anything is recorded.
 * Its dates carry no {@code @NotFuture}: a date after today is refused as the rule DATE_IN_FUTURE, inside the one
 * refusal that names every failing rule, so a caller fixes the record in one go.
 */
@Schema(name = "ProvisionDraft")
public record ProvisionDraft(
        @Schema(description = "The registered third party that receives the data") @NotNull
        UUID recipientId,

        @Schema(
                description = "The consent-service purpose code the provision serves; required where the principals' "
                        + "consent is the basis (Art. 27(1), 28(1))",
                example = "job-referral")
        @Pattern(regexp = PURPOSE_CODE, message = PURPOSE_CODE_MESSAGE)
        String purpose,

        @Schema(
                description =
                        "The principals, each a subject reference (" + SubjectRef.MESSAGE + ") " + "(Rule 20(1)(i)(c))",
                example = "[\"cust-000123\"]")
        @NotEmpty
        @Size(max = MAX_SUBJECTS)
        List<@NotNull @Pattern(regexp = SubjectRef.PATTERN, message = SubjectRef.MESSAGE) String> subjectRefs,

        @Schema(
                description = "Items of personal data provided, each 1-100 characters (Rule 20(1)(i)(d))",
                example = "[\"name\", \"work history\"]")
        @NotEmpty
        @Size(max = 100)
        List<@NotBlank @Size(max = MAX_DATA_ITEM) String> dataItems,

        @Schema(
                description = "Special care-required categories the data includes (Art. 2(3)); never provided by "
                        + "opt-out (Art. 27(2))",
                example = "[]")
        @Size(max = 11)
        List<String> sensitiveCategories,

        @Schema(description = "EACH, BULK or CONTRACT_SUBSTITUTE (Rule 19); decides the retention", example = "EACH")
        @NotNull
        RecordMethod method,

        @Schema(
                description = "Date of provision, in Japan; required for opt-out (Rule 20(1)(i)(a))",
                example = "2025-04-01")
        LocalDate providedOn,

        @Schema(description = "Last provision the record covers; required for BULK and CONTRACT_SUBSTITUTE (Rule 21)")
        LocalDate lastTransferOn,

        @Schema(description = "The joint-use scheme a JOINT_USE provision is made under (Art. 27(5)(iii))")
        UUID jointUseSchemeId) {

    public static final int MAX_SUBJECTS = 1000;
    /** consent-service's rule for a purpose code: checked here, so nothing it would refuse is sent to it. */
    public static final String PURPOSE_CODE = "[a-z0-9][a-z0-9._-]{0,63}";

    public static final String PURPOSE_CODE_MESSAGE =
            "must be a purpose code: 1-64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit";
    public static final int MAX_DATA_ITEM = 100;

    public List<String> sensitiveCategoriesOrEmpty() {
        return sensitiveCategories == null ? List.of() : sensitiveCategories;
    }
}
