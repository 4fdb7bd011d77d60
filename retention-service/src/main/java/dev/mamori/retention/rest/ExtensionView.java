package dev.mamori.retention.rest;

import dev.mamori.retention.ContractExtension;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ContractExtension")
public record ExtensionView(
        UUID id,
        String contractRef,
        List<String> categoryCodes,

        @Schema(description = "Days kept after the contract ends")
        int days,

        String reason,
        OffsetDateTime grantedAt,
        String grantedBy,

        @Schema(description = "Holdings whose deletion date this call changed")
        Integer recomputed) {

    static ExtensionView of(ContractExtension e, Integer recomputed) {
        return new ExtensionView(
                e.id, e.contractRef, e.categoryCodes, e.days, e.reason, e.grantedAt, e.grantedBy, recomputed);
    }
}
