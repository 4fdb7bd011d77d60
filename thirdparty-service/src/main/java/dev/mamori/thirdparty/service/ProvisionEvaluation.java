package dev.mamori.thirdparty.service;

import dev.mamori.platform.problem.Problem;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The outcome of checking a provision against every rule: allowed only when nothing fails. {@code errors} names
 * each failing rule once; {@code subjects} lists the principals that fail a rule of their own (no consent, stopped).
 */
@Schema(name = "ProvisionCheck")
public record ProvisionEvaluation(
        boolean allowed,

        @Schema(description = "Each failing rule once: field is the rule code")
        List<Problem.FieldError> errors,

        @Schema(description = "The principals that fail a rule of their own")
        List<SubjectFailures> subjects,

        @Schema(description = "Whether Art. 29(1) requires a record of this provision")
        boolean statutoryRecord,

        @Schema(
                description = "The retention end the record would get (Art. 29(2); Rule 21); absent while a BULK or "
                        + "CONTRACT_SUBSTITUTE record lacks lastTransferOn")
        LocalDate retainUntil) {

    @Schema(name = "SubjectRefusal")
    public record SubjectFailures(String subjectRef, List<Problem.FieldError> errors) {}
}
