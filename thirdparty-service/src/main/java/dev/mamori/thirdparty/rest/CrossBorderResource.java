package dev.mamori.thirdparty.rest;

import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.problem.Problem;
import dev.mamori.platform.tenant.Roles;
import dev.mamori.thirdparty.CheckResult;
import dev.mamori.thirdparty.CrossBorderCheck;
import dev.mamori.thirdparty.service.CrossBorderDrafts;
import dev.mamori.thirdparty.service.CrossBorderService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/third-parties/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Cross-border",
        description = "Periodic checks of a foreign recipient's equivalent measures and the "
                + "suspension of provision abroad (APPI Art. 28(3); PPC Rule 18)")
public class CrossBorderResource {

    @Schema(name = "CrossBorderCheck")
    public record CheckView(
            UUID id,
            LocalDate checkedOn,
            CheckResult result,
            String notes,
            LocalDate nextCheckDue,
            OffsetDateTime recordedAt,
            String recordedBy) {
        static CheckView of(CrossBorderCheck c) {
            return new CheckView(c.id, c.checkedOn, c.result, c.notes, c.nextCheckDue, c.recordedAt, c.recordedBy);
        }
    }

    private final CrossBorderService crossBorder;

    public CrossBorderResource(CrossBorderService crossBorder) {
        this.crossBorder = crossBorder;
    }

    @POST
    @Path("/cross-border-checks")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(
            operationId = "recordCrossBorderCheck",
            summary = "Record a periodic check of the recipient's equivalent measures; NOT_ENSURED suspends provision")
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content = @Content(schema = @Schema(implementation = CheckView.class)))
    @APIResponse(
            responseCode = "422",
            description = "The party does not rely on equivalent measures abroad",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> recordCrossBorderCheck(
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @PathParam("id") UUID id,
            @Valid @NotNull CrossBorderDrafts.Check draft) {
        return crossBorder.recordCheck(idempotencyKey, id, draft, c -> Response.created(
                        URI.create("/v1/third-parties/" + id + "/cross-border-checks"))
                .entity(CheckView.of(c))
                .build());
    }

    @GET
    @Path("/cross-border-checks")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "listCrossBorderChecks", summary = "The periodic checks of the recipient, latest first")
    public Uni<List<CheckView>> listCrossBorderChecks(@PathParam("id") UUID id) {
        return crossBorder
                .checks(id)
                .map(found -> found.stream().map(CheckView::of).toList());
    }

    @POST
    @Path("/cross-border-suspension")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(operationId = "suspendCrossBorder", summary = "Suspend provision to this recipient abroad")
    @APIResponse(
            responseCode = "200",
            description = "Suspended",
            content = @Content(schema = @Schema(implementation = ThirdPartyView.class)))
    public Uni<ThirdPartyView> suspendCrossBorder(
            @PathParam("id") UUID id, @Valid @NotNull CrossBorderDrafts.Suspension draft) {
        return crossBorder.suspend(id, draft).map(ThirdPartyView::of);
    }

    @DELETE
    @Path("/cross-border-suspension")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(
            operationId = "resumeCrossBorder",
            summary = "Lift the suspension; not while the latest check finds the measures not ensured")
    public Uni<ThirdPartyView> resumeCrossBorder(@PathParam("id") UUID id) {
        return crossBorder.lift(id).map(ThirdPartyView::of);
    }
}
