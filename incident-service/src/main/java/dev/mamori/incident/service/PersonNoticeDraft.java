package dev.mamori.incident.service;

import dev.mamori.incident.NoticeChannel;
import dev.mamori.incident.NoticeOutcome;
import dev.mamori.incident.PersonNoticeKind;
import dev.mamori.platform.subject.SubjectRef;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A notice to persons (APPI Art. 26(2); PPC Rule 10) or, where notices are not possible, a public announcement in
 * their place with the reason (Art. 26(2) proviso).
 */
@Schema(name = "PersonNoticeDraft")
public record PersonNoticeDraft(
        @NotNull PersonNoticeKind kind,
        @NotNull NoticeChannel channel,

        @Schema(description = "The text sent or published") @NotBlank @Size(max = 8000)
        String text,

        @Schema(description = "How many persons it went to (0 for an announcement)")
        @NotNull
        @Min(0)
        @Max(1_000_000_000)
        Integer persons,

        @Size(max = 10_000)
        List<@NotBlank @Pattern(regexp = SubjectRef.PATTERN, message = SubjectRef.MESSAGE) String> subjectRefs,

        @NotNull OffsetDateTime sentAt,
        @NotNull NoticeOutcome outcome,

        @Schema(description = "Why an announcement stands in for notices; required for one") @Size(max = 2000)
        String reason) {}
