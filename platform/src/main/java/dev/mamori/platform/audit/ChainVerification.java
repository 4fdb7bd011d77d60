package dev.mamori.platform.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The result of re-walking a tenant's audit chain. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "AuditChainVerification")
public record ChainVerification(
        String tenant,

        @Schema(description = "true when no event was edited, removed or reordered")
        boolean intact,

        @Schema(description = "events checked before the walk ended")
        long eventsChecked,

        @Schema(description = "seq of the first event that fails, when not intact")
        Long brokenAtSeq,

        String reason) {

    static ChainVerification intact(String tenant, long checked) {
        return new ChainVerification(tenant, true, checked, null, null);
    }

    /** Lines committed long ago that the sealer has not chained: not yet covered by any hash. */
    static ChainVerification unsealed(String tenant, long checked, long lines, int seconds) {
        return new ChainVerification(
                tenant,
                false,
                checked,
                null,
                lines + " audit lines written more than " + seconds + " s ago are not sealed into the chain");
    }

    static ChainVerification broken(String tenant, long checked, long seq, String reason) {
        return new ChainVerification(tenant, false, checked, seq, reason);
    }
}
