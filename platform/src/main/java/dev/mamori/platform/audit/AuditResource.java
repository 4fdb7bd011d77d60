package dev.mamori.platform.audit;

import dev.mamori.platform.paging.Page;
import dev.mamori.platform.tenant.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log of the calling tenant, for its auditors. Every service exposes it for its own database. */
@Path("/v1/audit-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit log", description = "Who read or changed which person's data (append-only, hash-chained)")
@RolesAllowed(Roles.AUDITOR)
public class AuditResource {

    private final AuditLog auditLog;

    public AuditResource(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GET
    @Operation(
            operationId = "listAuditEvents",
            summary = "Page through the tenant's audit log, oldest first",
            description = "Pass the last seq you saw as afterSeq to get the next page.")
    public Uni<Page<AuditEvent>> listAuditEvents(
            @QueryParam("afterSeq") @DefaultValue("0") @Min(0) long afterSeq,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(Page.MAX_LIMIT) int limit,
            @QueryParam("subjectRef") @Size(max = 128) String subjectRef) {
        return auditLog.page(afterSeq, limit, subjectRef)
                .map(events -> Page.after(List.copyOf(events), limit, event -> event.seq));
    }

    @GET
    @Path("/verification")
    @Operation(
            operationId = "verifyAuditChain",
            summary = "Re-walk the tenant's hash chain and report the first edited, missing or reordered event")
    public Uni<ChainVerification> verifyAuditChain() {
        return auditLog.verify();
    }
}
