package dev.mamori.retention.rest;

import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.paging.Page;
import dev.mamori.platform.problem.Problem;
import dev.mamori.platform.tenant.Roles;
import dev.mamori.retention.ErasureRequestStatus;
import dev.mamori.retention.service.ErasureConfirmationDraft;
import dev.mamori.retention.service.ErasureRequestService;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Erasure requests",
        description = "Asking owning systems to erase, their confirmations, what is pending or failed")
public class ErasureRequestResource {

    private final ErasureRequestService requests;

    public ErasureRequestResource(ErasureRequestService requests) {
        this.requests = requests;
    }

    @GET
    @Path("/erasure-requests")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(
            operationId = "listErasureRequests",
            summary = "Erasure requests to owning systems, oldest first",
            description = "Filter by status (PENDING, SENT, CONFIRMED, FAILED) to see what is pending or failed.")
    public Uni<Page<ErasureRequestView>> listErasureRequests(
            @QueryParam("status") ErasureRequestStatus status,
            @QueryParam("requestRef") String requestRef,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return requests.list(status, requestRef, offset, limit)
                .map(found -> Page.of(found.stream().map(ErasureRequestView::of).toList(), offset, limit));
    }

    @GET
    @Path("/erasure-requests/{id}")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(operationId = "getErasureRequest", summary = "One erasure request")
    public Uni<ErasureRequestView> getErasureRequest(@PathParam("id") UUID id) {
        return requests.get(id).map(ErasureRequestView::of);
    }

    @POST
    @Path("/erasure-requests/{id}/retry")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(operationId = "retryErasureRequest", summary = "Send a FAILED request again, from the first attempt")
    @APIResponse(
            responseCode = "200",
            description = "Queued again",
            content = @Content(schema = @Schema(implementation = ErasureRequestView.class)))
    @APIResponse(
            responseCode = "409",
            description = "Already sent or confirmed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> retryErasureRequest(
            @PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return requests.retry(
                idempotencyKey, id, r -> Response.ok(ErasureRequestView.of(r)).build());
    }

    @POST
    @Path("/erasure-confirmations")
    @RolesAllowed({Roles.CLIENT_SYSTEM, Roles.SERVICE})
    @Operation(
            operationId = "confirmErasure",
            summary = "An owning system confirms it erased what an erasure request asked for")
    @APIResponse(
            responseCode = "200",
            description = "Confirmed (confirming twice changes nothing)",
            content = @Content(schema = @Schema(implementation = ErasureRequestView.class)))
    public Uni<Response> confirmErasure(
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull ErasureConfirmationDraft draft) {
        return requests.confirm(idempotencyKey, draft, r -> Response.ok(ErasureRequestView.of(r))
                .build());
    }
}
