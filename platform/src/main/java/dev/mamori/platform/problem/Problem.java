package dev.mamori.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem document. {@code type} is stable per error kind; clients branch on it, not on text. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(example = "https://mamori.dev/problems/validation")
        String type,

        @Schema(example = "Request is not valid") String title,
        @Schema(example = "400") int status,
        @Schema(example = "code: must not be blank") String detail,
        String instance,

        @Schema(description = "For validation problems: each offending field")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://mamori.dev/problems/";

    public static String type(String kind) {
        return TYPE_BASE + kind;
    }

    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(example = "code") String field,
            @Schema(example = "must not be blank") String message) {}
}
