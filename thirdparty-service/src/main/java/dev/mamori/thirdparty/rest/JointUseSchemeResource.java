package dev.mamori.thirdparty.rest;

import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.paging.Page;
import dev.mamori.platform.problem.Problem;
import dev.mamori.platform.tenant.Roles;
import dev.mamori.platform.time.JapanTime;
import dev.mamori.thirdparty.service.JointUseSchemeDraft;
import dev.mamori.thirdparty.service.JointUseService;
import dev.mamori.thirdparty.service.JointUseService.SchemeWithVersions;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/joint-use-schemes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Joint use",
        description = "Joint-use schemes within a company group with their five items, versions and "
                + "notices (APPI Art. 27(5)(iii), 27(6)); members read the schemes they belong to")
public class JointUseSchemeResource {

    private final JointUseService schemes;
    private final Clock clock;

    public JointUseSchemeResource(JointUseService schemes, Clock clock) {
        this.schemes = schemes;
        this.clock = clock;
    }

    @POST
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(
            operationId = "createJointUseScheme",
            summary = "Publish a joint-use scheme this tenant is responsible for, naming member tenants of its group")
    @APIResponse(
            responseCode = "201",
            description = "Published",
            content = @Content(schema = @Schema(implementation = JointUseSchemeView.class)))
    @APIResponse(
            responseCode = "422",
            description = "A member outside the group, or no group",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> createJointUseScheme(
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull JointUseSchemeDraft draft) {
        return schemes.create(
                idempotencyKey, draft, s -> Response.created(URI.create("/v1/joint-use-schemes/" + s.scheme().id))
                        .entity(view(s))
                        .build());
    }

    @POST
    @Path("/{id}/versions")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(
            operationId = "publishJointUseSchemeVersion",
            summary = "Publish a new version: purposes need advance notice, items and members are never widened")
    @APIResponse(
            responseCode = "201",
            description = "Published",
            content = @Content(schema = @Schema(implementation = JointUseSchemeView.class)))
    public Uni<Response> publishJointUseSchemeVersion(
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @PathParam("id") UUID id,
            @Valid @NotNull JointUseSchemeDraft draft) {
        return schemes.publish(
                idempotencyKey, id, draft, s -> Response.created(URI.create("/v1/joint-use-schemes/" + id))
                        .entity(view(s))
                        .build());
    }

    @GET
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.CLIENT_SYSTEM, Roles.OPERATOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(
            operationId = "listJointUseSchemes",
            summary = "The schemes this tenant is responsible for and, within its group, the ones it is a member of")
    public Uni<Page<JointUseSchemeView>> listJointUseSchemes(
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return schemes.list(offset, limit)
                .map(found -> Page.of(found.stream().map(this::view).toList(), offset, limit));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.CLIENT_SYSTEM, Roles.OPERATOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "getJointUseScheme", summary = "A scheme this tenant manages or belongs to")
    @APIResponse(
            responseCode = "404",
            description = "Not this tenant's nor one it belongs to",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<JointUseSchemeView> getJointUseScheme(@PathParam("id") UUID id) {
        return schemes.get(id).map(this::view);
    }

    /** A scheme as it stands today in Japan by the service's clock. */
    private JointUseSchemeView view(SchemeWithVersions s) {
        return JointUseSchemeView.of(s, JapanTime.today(clock));
    }
}
