package dev.mamori.thirdparty.rest;

import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.paging.Page;
import dev.mamori.platform.problem.Problem;
import dev.mamori.platform.tenant.Roles;
import dev.mamori.thirdparty.service.ThirdPartyDraft;
import dev.mamori.thirdparty.service.ThirdPartyService;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/third-parties")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Third parties",
        description =
                "Recipients and providers of personal data with the legal basis of the flow " + "(APPI Arts. 27, 28)")
public class ThirdPartyResource {

    private final ThirdPartyService parties;

    public ThirdPartyResource(ThirdPartyService parties) {
        this.parties = parties;
    }

    @POST
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(operationId = "createThirdParty", summary = "Register a recipient or provider of personal data")
    @APIResponse(
            responseCode = "201",
            description = "Registered",
            content = @Content(schema = @Schema(implementation = ThirdPartyView.class)))
    @APIResponse(
            responseCode = "422",
            description = "The party breaks a rule of the law (representative, Art. 28 basis)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> createThirdParty(
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull ThirdPartyDraft draft) {
        return parties.create(idempotencyKey, draft, p -> Response.created(URI.create("/v1/third-parties/" + p.id))
                .entity(ThirdPartyView.of(p))
                .build());
    }

    @GET
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.CLIENT_SYSTEM, Roles.OPERATOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "listThirdParties", summary = "List the tenant's third parties by name")
    public Uni<Page<ThirdPartyView>> listThirdParties(
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return parties.list(offset, limit)
                .map(found -> Page.of(found.stream().map(ThirdPartyView::of).toList(), offset, limit));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.CLIENT_SYSTEM, Roles.OPERATOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "getThirdParty", summary = "A third party")
    @APIResponse(
            responseCode = "200",
            description = "The party",
            content = @Content(schema = @Schema(implementation = ThirdPartyView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such party in this tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ThirdPartyView> getThirdParty(@PathParam("id") UUID id) {
        return parties.get(id).map(ThirdPartyView::of);
    }
}
