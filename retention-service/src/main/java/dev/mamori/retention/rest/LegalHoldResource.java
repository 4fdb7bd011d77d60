package dev.mamori.retention.rest;

import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.paging.Page;
import dev.mamori.platform.problem.Problem;
import dev.mamori.platform.tenant.Roles;
import dev.mamori.retention.LegalHold;
import dev.mamori.retention.service.LegalHoldDraft;
import dev.mamori.retention.service.LegalHoldRelease;
import dev.mamori.retention.service.LegalHoldService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/legal-holds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Legal holds", description = "Holds that keep data from erasure until released (a duty to keep prevails)")
public class LegalHoldResource {

    private final LegalHoldService holds;
    private final Clock clock;

    public LegalHoldResource(LegalHoldService holds, Clock clock) {
        this.holds = holds;
        this.clock = clock;
    }

    @POST
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(
            operationId = "placeLegalHold",
            summary = "Keep a subject's, a category's or a contract's data from erasure",
            description = "At least one of subjectRef, categoryCode, contractRef; a holding is held when it matches "
                    + "every one named. The category and contract must be the caller's own.")
    @APIResponse(
            responseCode = "201",
            description = "Placed",
            content = @Content(schema = @Schema(implementation = LegalHoldView.class)))
    @APIResponse(
            responseCode = "422",
            description = "No scope, an unknown category or contract, or until in the past",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> placeLegalHold(
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull LegalHoldDraft draft) {
        return holds.place(idempotencyKey, draft, h -> Response.created(URI.create("/v1/legal-holds/" + h.id))
                .entity(view(h))
                .build());
    }

    @POST
    @Path("/{id}/release")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(
            operationId = "releaseLegalHold",
            summary = "Release a hold; its scope is erased by the next purge if due")
    @APIResponse(
            responseCode = "200",
            description = "Released",
            content = @Content(schema = @Schema(implementation = LegalHoldView.class)))
    @APIResponse(
            responseCode = "409",
            description = "Already released",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> releaseLegalHold(
            @PathParam("id") UUID id,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid LegalHoldRelease release) {
        return holds.release(
                idempotencyKey, id, release, h -> Response.ok(view(h)).build());
    }

    @GET
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(operationId = "listLegalHolds", summary = "The tenant's legal holds, oldest first")
    public Uni<Page<LegalHoldView>> listLegalHolds(
            @QueryParam("active") @DefaultValue("false") boolean active,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return holds.list(active, offset, limit)
                .map(found -> Page.of(found.stream().map(this::view).toList(), offset, limit));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(operationId = "getLegalHold", summary = "One legal hold")
    public Uni<LegalHoldView> getLegalHold(@PathParam("id") UUID id) {
        return holds.get(id).map(this::view);
    }

    /** A hold is shown as active or not by the service's clock. */
    private LegalHoldView view(LegalHold h) {
        return LegalHoldView.of(h, OffsetDateTime.now(clock));
    }
}
