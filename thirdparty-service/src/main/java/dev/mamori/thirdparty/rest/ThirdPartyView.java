package dev.mamori.thirdparty.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mamori.thirdparty.CrossBorderBasis;
import dev.mamori.thirdparty.LegalBasis;
import dev.mamori.thirdparty.PartyKind;
import dev.mamori.thirdparty.ThirdParty;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A counterparty as clients see it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ThirdParty")
public record ThirdPartyView(
        UUID id,
        String name,
        String address,
        String representative,
        PartyKind kind,
        @Schema(example = "JP") String country,
        LegalBasis legalBasis,
        CrossBorderBasis crossBorderBasis,

        @Schema(description = "Whether providing data to this party needs a provision record (APPI Art. 29(1))")
        boolean provisionRecordsRequired,

        @Schema(description = "The group company's tenant id, for joint use")
        String groupTenantId,

        @Schema(description = "Set while provision abroad is suspended (Art. 28(3))")
        Suspension crossBorderSuspension,

        OffsetDateTime createdAt,
        String createdBy) {

    @Schema(name = "CrossBorderSuspension")
    public record Suspension(OffsetDateTime since, String reason) {}

    static ThirdPartyView of(ThirdParty p) {
        return new ThirdPartyView(
                p.id,
                p.name,
                p.address,
                p.representative,
                p.kind,
                p.country,
                p.legalBasis,
                p.crossBorderBasis,
                p.provisionRecordsRequired(),
                p.groupTenantId,
                p.crossBorderSuspendedAt == null
                        ? null
                        : new Suspension(p.crossBorderSuspendedAt, p.crossBorderSuspensionReason),
                p.createdAt,
                p.createdBy);
    }
}
