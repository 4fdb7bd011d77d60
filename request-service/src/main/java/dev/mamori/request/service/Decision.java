package dev.mamori.request.service;

import dev.mamori.request.DecisionOutcome;
import dev.mamori.request.RefusalGround;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The client company's privacy officer's decision on a verified request. */
@Schema(name = "Decision")
public record Decision(
        @Schema(example = "REFUSED") @NotNull DecisionOutcome outcome,

        @Schema(description = "REFUSED and PARTIALLY_APPROVED: the statutory ground (Art. 33(2) for disclosure)")
        RefusalGround refusalGround,

        @Schema(
                description = "REFUSED and PARTIALLY_APPROVED: the reason explained to the person (Art. 36)",
                example = "開示により第三者である通話相手の権利利益を害するおそれがあるため")
        @Size(max = 4000)
        String reason,

        @Schema(
                description = "Art. 38: the fee charged, in yen, for PURPOSE_NOTIFICATION and disclosures; "
                        + "defaults to the tenant's published fee")
        @Min(0)
        @Max(100000)
        Integer feeJpy,

        @Schema(description = "PARTIALLY_APPROVED: what is withheld or which purposes are stopped") @Valid
        Scope scope,

        @Schema(description = "CORRECTION: the decided change; defaults to the claim's content") @Valid
        CorrectionResult correction) {

    /** Parts of a disclosure package. */
    public enum Section {
        CONSENTS,
        THIRD_PARTY_RECORDS,
        HOLDINGS
    }

    @Schema(name = "DecisionScope")
    public record Scope(
            @Schema(description = "Disclosures: sections left out of the package") @Size(max = 3)
            List<@NotNull Section> withheldSections,

            @Schema(description = "USE_STOP: the purpose codes whose use stops (the others continue)") @Size(max = 100)
            List<@NotBlank @Size(max = 64) String> purposes) {}

    @Schema(name = "CorrectionResult")
    public record CorrectionResult(
            @Schema(example = "大阪市北区梅田1-1-1") @Size(max = 4000)
            String before,

            @Schema(example = "東京都港区港南2-16-1") @NotBlank @Size(max = 4000)
            String after) {}
}
