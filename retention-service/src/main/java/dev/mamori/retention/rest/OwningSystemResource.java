package dev.mamori.retention.rest;

import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.paging.Page;
import dev.mamori.platform.problem.Problem;
import dev.mamori.platform.tenant.Roles;
import dev.mamori.retention.service.OwningSystemDraft;
import dev.mamori.retention.service.OwningSystemService;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/owning-systems")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Owning systems", description = "Client systems that hold the data, and where to ask them to erase it")
public class OwningSystemResource {

    private final OwningSystemService systems;

    public OwningSystemResource(OwningSystemService systems) {
        this.systems = systems;
    }

    @POST
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(
            operationId = "registerOwningSystem",
            summary = "Register a system with its erasure endpoint and secret",
            description = "The secret signs every erasure call (HMAC-SHA256 over the raw body, header "
                    + "X-Mamori-Signature: sha256=<hex>); it is stored encrypted and never returned.")
    @APIResponse(
            responseCode = "201",
            description = "Registered",
            content = @Content(schema = @Schema(implementation = OwningSystemView.class)))
    @APIResponse(
            responseCode = "409",
            description = "A system with this code exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> registerOwningSystem(
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull OwningSystemDraft draft) {
        return systems.register(idempotencyKey, draft, s -> Response.created(URI.create("/v1/owning-systems/" + s.code))
                .entity(OwningSystemView.of(s))
                .build());
    }

    @GET
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(operationId = "listOwningSystems", summary = "The tenant's owning systems, by code")
    public Uni<Page<OwningSystemView>> listOwningSystems(
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return systems.list(offset, limit)
                .map(found -> Page.of(found.stream().map(OwningSystemView::of).toList(), offset, limit));
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(operationId = "getOwningSystem", summary = "One owning system (never its secret)")
    public Uni<OwningSystemView> getOwningSystem(@PathParam("code") String code) {
        return systems.get(code).map(OwningSystemView::of);
    }
}
