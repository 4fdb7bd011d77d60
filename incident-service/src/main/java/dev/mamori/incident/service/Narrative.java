package dev.mamori.incident.service;

import dev.mamori.incident.IncidentStatus;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the handler writes as the handling goes on, items of the report to the PPC (PPC Rule 8(1)). A change replaces
 * every item; an absent one is cleared (status stays when absent).
 */
@Schema(name = "IncidentNarrative")
public record Narrative(
        IncidentStatus status,
        @Schema(description = "原因") @Size(max = 4000) String cause,

        @Schema(description = "二次被害又はそのおそれの有無及びその内容") @Size(max = 4000)
        String secondaryHarm,

        @Schema(description = "公表の実施状況") @Size(max = 4000) String publication,

        @Schema(description = "再発防止のための措置") @Size(max = 4000)
        String prevention,

        @Schema(description = "その他参考となる事項") @Size(max = 4000)
        String otherNotes) {}
