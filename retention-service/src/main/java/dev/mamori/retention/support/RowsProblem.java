package dev.mamori.retention.support;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem for a refused batch: the platform's problem fields plus row-indexed errors. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "BatchProblem", description = "RFC 9457 problem details for a batch refused as a whole")
public record RowsProblem(
        @Schema(example = "https://mamori.dev/problems/batch-rejected") String type,
        @Schema(example = "Batch refused") String title,
        @Schema(example = "422") int status,
        @Schema(example = "2 of 5000 rows are not valid; nothing was written") String detail,
        String instance,
        @Schema(description = "How many rows the request had") int rowCount,
        @Schema(description = "How many row errors there are in all (at most 1000 are listed)") int errorCount,
        @Schema(description = "Each row error, by index then field") List<RowError> errors) {
}
