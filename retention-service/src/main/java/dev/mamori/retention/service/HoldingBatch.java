package dev.mamori.retention.service;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Up to {@value #MAX_ROWS} holdings registered all together or not at all. */
@Schema(name = "HoldingBatch")
public record HoldingBatch(
        @Schema(description = "The holdings, 1 to 5,000; row errors name their zero-based index")
        @NotEmpty
        @Size(max = MAX_ROWS)
        List<HoldingDraft> holdings) {

    public static final int MAX_ROWS = 5000;
}
