package dev.mamori.consent.service;

import dev.mamori.consent.ConsentDecision;
import dev.mamori.consent.ConsentMethod;
import dev.mamori.consent.SensitiveCategory;
import dev.mamori.platform.subject.SubjectRef;
import dev.mamori.platform.validation.NotFuture;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A person's answer to one purpose version, as a client system or an operator submits it. */
@Schema(name = "ConsentDraft")
public record ConsentDraft(
        @Schema(description = "The client's own, tenant-scoped reference for the person", example = "cust-000123")
        @NotBlank
        @Pattern(regexp = SubjectRef.PATTERN, message = SubjectRef.MESSAGE)
        String subjectRef,

        @Schema(example = "call-center-support") @NotBlank @Size(max = 64)
        String purpose,

        @Schema(description = "The exact version of the purpose the person was shown", example = "1") @NotNull @Min(1)
        Integer purposeVersion,

        @NotNull ConsentDecision decision,
        @NotNull ConsentMethod method,
        @NotNull @Valid Evidence evidence,

        @Schema(description = "When the consent stops counting, if it was given for a limited time")
        OffsetDateTime expiresAt,

        @Schema(
                description = "Sensitive categories the person explicitly agreed to (APPI Art. 20(2)); must name "
                        + "every category of the purpose version")
        List<SensitiveCategory> sensitiveCategories,

        @Schema(description = "Needed to apply the tenant's minor rule", example = "2001-04-02") @NotFuture
        LocalDate subjectBirthDate,

        @Valid Guardian guardian) {

    @Schema(name = "ConsentEvidence")
    public record Evidence(
            @Schema(
                    description = "Where it was captured: a form URL, a call-center line, a branch",
                    example = "https://example.jp/entry")
            @NotBlank
            @Size(max = 500)
            String channel,

            @Schema(description = "Version of the privacy notice shown", example = "2026-04") @NotBlank @Size(max = 64)
            String noticeVersion,

            @Schema(example = "ja") @NotNull @Pattern(regexp = "ja|en", message = "must be ja or en")
            String language,

            @Schema(description = "When the person answered; refused as captured-in-future beyond clock skew") @NotNull
            OffsetDateTime capturedAt,

            @Size(max = 500) String userAgent,

            @Schema(description = "Stored only anonymised: the host part is removed", example = "203.0.113.45")
            @Size(max = 64)
            String ipAddress,

            @Schema(description = "Call recording reference for phone consent") @Size(max = 200)
            String recordingRef,

            @Schema(description = "The operator who took it (client's staff reference)") @Size(max = 100)
            String operatorRef) {}

    @Schema(name = "Guardian", description = "The statutory agent (親権者・法定代理人) who consents for a minor")
    public record Guardian(
            @Schema(example = "山田 花子") @NotBlank @Size(max = 200)
            String name,

            @NotNull Relation relation,

            @Schema(description = "How the agent's authority was verified", example = "健康保険の資格確認書で続柄を確認")
            @NotBlank
            @Size(max = 500)
            String verification) {}

    public enum Relation {
        PARENT,
        GUARDIAN,
        OTHER_STATUTORY_AGENT
    }

    public List<SensitiveCategory> sensitiveCategoriesOrEmpty() {
        return sensitiveCategories == null ? List.of() : List.copyOf(sensitiveCategories);
    }
}
