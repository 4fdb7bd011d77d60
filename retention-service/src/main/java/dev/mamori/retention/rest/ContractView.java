package dev.mamori.retention.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mamori.retention.ClientContract;
import dev.mamori.retention.ContractStatus;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Contract")
public record ContractView(
        String ref,
        String name,
        LocalDate startsOn,

        @Schema(description = "Last day of service (inclusive, Japan time)")
        LocalDate endsOn,

        ContractStatus status,
        OffsetDateTime createdAt,
        String createdBy,
        OffsetDateTime endedAt,
        String endedBy,

        @Schema(description = "Holdings whose deletion date this call changed")
        Integer recomputed,

        @Schema(description = "After an end in the past: the purge run that erased the now-due data")
        PurgeRunView purge) {

    static ContractView of(ClientContract c, Integer recomputed, PurgeRunView purge) {
        return new ContractView(
                c.ref,
                c.name,
                c.startsOn,
                c.endsOn,
                c.status,
                c.createdAt,
                c.createdBy,
                c.endedAt,
                c.endedBy,
                recomputed,
                purge);
    }
}
