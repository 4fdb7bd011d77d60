package dev.mamori.retention.rest;

import dev.mamori.platform.paging.Page;
import dev.mamori.platform.tenant.Roles;
import dev.mamori.retention.PurgeTrigger;
import dev.mamori.retention.service.PurgeService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/purge-runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Purge",
        description = "Erasing everything past its deletion date, except what a legal hold keeps (APPI Art. 22)")
public class PurgeRunResource {

    private final PurgeService purge;

    public PurgeRunResource(PurgeService purge) {
        this.purge = purge;
    }

    @POST
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SERVICE})
    @Operation(
            operationId = "startPurgeRun",
            summary = "Purge the tenant now; answers erased, held and failed counts",
            description = "Runs the same code as the scheduled purge, for the caller's tenant, and answers when done. "
                    + "Idempotent by nature rather than by Idempotency-Key: a repeat erases only what is still due, "
                    + "never anything twice. If an earlier run of the tenant was abandoned (its replica died), this "
                    + "call continues it under its id.")
    @APIResponse(
            responseCode = "200",
            description = "The finished run (status COMPLETED, or FAILED with failed > 0)",
            content = @Content(schema = @Schema(implementation = PurgeRunView.class)))
    public Uni<PurgeRunView> startPurgeRun() {
        return purge.runNow(PurgeTrigger.ON_DEMAND).map(PurgeRunView::of);
    }

    @GET
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "listPurgeRuns", summary = "The tenant's purge runs, newest first")
    public Uni<Page<PurgeRunView>> listPurgeRuns(
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return purge.list(offset, limit)
                .map(found -> Page.of(found.stream().map(PurgeRunView::of).toList(), offset, limit));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "getPurgeRun", summary = "One purge run")
    public Uni<PurgeRunView> getPurgeRun(@PathParam("id") UUID id) {
        return purge.get(id).map(PurgeRunView::of);
    }
}
