package dev.mamori.retention.service;

import dev.mamori.platform.subject.SubjectRef;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A legal hold's scope (at least one of subject, category, contract; all named must match), reason and end. */
@Schema(name = "LegalHoldDraft")
public record LegalHoldDraft(
        @Schema(example = "cust-000123") @Pattern(regexp = SubjectRef.PATTERN, message = SubjectRef.MESSAGE)
        String subjectRef,

        @Schema(example = "call-recording")
        @Pattern(regexp = DataCategoryDraft.CODE, message = "must be a data category code")
        String categoryCode,

        @Schema(example = "acme-2026") @Pattern(regexp = ContractDraft.REF, message = ContractDraft.REF_MESSAGE)
        String contractRef,

        @Schema(example = "東京地裁 令和8年(ワ)第1234号 訴訟対応のため保全") @NotBlank @Size(max = 1000)
        String reason,

        @Schema(description = "When the hold lapses by itself; absent = until released")
        OffsetDateTime until) {}
