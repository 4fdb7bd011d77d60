package dev.mamori.incident.service;

import dev.mamori.platform.subject.SubjectRef;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Who is affected: exactly one of a number (exact or estimated), a list of the persons, or a count of the ledger's
 * holdings of the affected categories that retention-service makes (optionally only in the named owning systems and
 * collection period).
 */
@Schema(name = "PersonsScope")
public record PersonsScope(
        @Schema(description = "The number of persons", example = "1200") @Min(0) @Max(1_000_000_000)
        Integer count,

        @Schema(description = "Whether count is an estimate; false when absent")
        Boolean estimated,

        @Schema(description = "The persons, by subject reference") @Size(max = 10_000)
        List<@NotBlank @Pattern(regexp = SubjectRef.PATTERN, message = SubjectRef.MESSAGE) String> subjectRefs,

        @Schema(description = "Count the holdings of the affected categories in the ledger") @Valid
        LedgerCount fromLedger) {

    public boolean estimatedOrFalse() {
        return Boolean.TRUE.equals(estimated);
    }
}
