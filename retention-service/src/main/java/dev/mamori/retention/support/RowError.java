package dev.mamori.retention.support;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One thing wrong with one row of a batch: its position in the request, the field to fix, and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "RowError")
public record RowError(
        @Schema(description = "Zero-based position of the row in the request", example = "3") int index,
        @Schema(description = "The row's field, absent when the row as a whole is wrong", example = "collectedAt")
        String field,
        @Schema(example = "must not be in the future") String message) implements Comparable<RowError> {

    @Override
    public int compareTo(RowError other) {
        int byIndex = Integer.compare(index, other.index);
        if (byIndex != 0) {
            return byIndex;
        }
        return String.valueOf(field).compareTo(String.valueOf(other.field));
    }
}
