package dev.mamori.consent.rest;

import dev.mamori.consent.service.ConsentExportService;
import dev.mamori.consent.service.PurposeDraft;
import dev.mamori.consent.service.PurposeService;
import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.paging.Page;
import dev.mamori.platform.problem.Problem;
import dev.mamori.platform.tenant.Roles;
import dev.mamori.platform.text.Csv;
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

@Path("/v1/purposes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Purposes", description = "Purposes of use and their immutable versions (APPI Arts. 17, 21)")
public class PurposeResource {

    private final PurposeService purposes;
    private final ConsentExportService exports;

    public PurposeResource(PurposeService purposes, ConsentExportService exports) {
        this.purposes = purposes;
        this.exports = exports;
    }

    @GET
    @Path("/{code}/consent-states.csv")
    @Produces("text/csv")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.CLIENT_SYSTEM})
    @Operation(
            operationId = "exportConsentStates",
            summary = "Everyone who answered for this purpose with whether "
                    + "their data may be used now, as CSV (UTF-8 with BOM) for vendors without an API")
    public Uni<Response> exportConsentStates(@PathParam("code") String code) {
        return exports.export(code).map(csv -> Response.ok(csv, Csv.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + code + "-consent-states.csv\"")
                .build());
    }

    @POST
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(operationId = "createPurpose", summary = "Publish a new purpose of use (version 1)")
    @APIResponse(
            responseCode = "201",
            description = "Published",
            content = @Content(schema = @Schema(implementation = PurposeView.class)))
    @APIResponse(
            responseCode = "409",
            description = "A purpose with this code exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "The draft breaks a rule of the law",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> createPurpose(
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull PurposeDraft draft) {
        return purposes.create(
                idempotencyKey, draft, p -> Response.created(URI.create("/v1/purposes/" + p.purpose().code))
                        .entity(PurposeView.detail(p))
                        .build());
    }

    @POST
    @Path("/{code}/versions")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(
            operationId = "publishPurposeVersion",
            summary = "Publish the next version of a purpose, stating whether the change is RELATED or UNRELATED")
    @APIResponse(
            responseCode = "201",
            description = "Published",
            content = @Content(schema = @Schema(implementation = PurposeView.class)))
    public Uni<Response> publishPurposeVersion(
            @PathParam("code") String code,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull PurposeDraft draft) {
        return purposes.publishVersion(
                idempotencyKey, code, draft, p -> Response.created(URI.create("/v1/purposes/" + code))
                        .entity(PurposeView.summary(p))
                        .build());
    }

    @GET
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.CLIENT_SYSTEM, Roles.OPERATOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "listPurposes", summary = "List the tenant's purposes with the version in force")
    public Uni<Page<PurposeView>> listPurposes(
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return purposes.list(offset, limit)
                .map(found -> Page.of(found.stream().map(PurposeView::summary).toList(), offset, limit));
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.CLIENT_SYSTEM, Roles.OPERATOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "getPurpose", summary = "A purpose with every version it has had")
    public Uni<PurposeView> getPurpose(@PathParam("code") String code) {
        return purposes.get(code).map(PurposeView::detail);
    }
}
