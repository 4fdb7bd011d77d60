package dev.mamori.incident.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which holdings of the affected categories to count: in these owning systems, collected in this period. */
@Schema(name = "LedgerCount")
public record LedgerCount(
        @Schema(description = "Only holdings kept in these owning systems; all when absent") @Size(max = 50)
        List<@NotBlank @Size(max = 64) String> owningSystems,

        @Schema(description = "Only holdings collected at or after this instant")
        OffsetDateTime collectedFrom,

        @Schema(description = "Only holdings collected before this instant")
        OffsetDateTime collectedTo) {}
