package dev.mamori.thirdparty.rest;

import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.paging.Page;
import dev.mamori.platform.problem.Problem;
import dev.mamori.platform.subject.SubjectRef;
import dev.mamori.platform.tenant.Roles;
import dev.mamori.thirdparty.service.ProvisionService;
import dev.mamori.thirdparty.service.ProvisionStopDraft;
import dev.mamori.thirdparty.service.ProvisionStopService;
import dev.mamori.thirdparty.service.ReceiptService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The records about one person, for the disclosure of third-party provision records (APPI Art. 33(5)). */
@Path("/v1/subjects/{subjectRef}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Records about a person",
        description = "Every provision and receipt record about a principal, for " + "disclosure (APPI Art. 33(5))")
public class SubjectRecordResource {

    private final ReceiptService receipts;
    private final ProvisionService provisions;
    private final ProvisionStopService stops;

    public SubjectRecordResource(ReceiptService receipts, ProvisionService provisions, ProvisionStopService stops) {
        this.receipts = receipts;
        this.provisions = provisions;
        this.stops = stops;
    }

    @GET
    @Path("/provisions")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.CLIENT_SYSTEM, Roles.OPERATOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(
            operationId = "listSubjectProvisions",
            summary = "Every provision record about a person, newest first (audited with the subjectRef)",
            description = "Each record lists only this person among its principals.")
    public Uni<Page<ProvisionView>> listSubjectProvisions(
            @PathParam("subjectRef") @NotNull @Pattern(regexp = SubjectRef.PATTERN, message = SubjectRef.MESSAGE)
                    String subjectRef,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return provisions
                .aboutSubject(subjectRef, offset, limit)
                .map(found -> Page.of(found.stream().map(ProvisionView::of).toList(), offset, limit));
    }

    @POST
    @Path("/provision-stops")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SERVICE, Roles.PRIVACY_OFFICER})
    @Operation(
            operationId = "stopProvision",
            summary = "Stop third-party provision of a person's data on an approved request (Arts. 27(2), 35)")
    @APIResponse(
            responseCode = "201",
            description = "Stopped",
            content = @Content(schema = @Schema(implementation = ProvisionStopView.class)))
    @APIResponse(
            responseCode = "409",
            description = "A stop is already in force for the person",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> stopProvision(
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @PathParam("subjectRef") @NotNull @Pattern(regexp = SubjectRef.PATTERN, message = SubjectRef.MESSAGE)
                    String subjectRef,
            @Valid @NotNull ProvisionStopDraft draft) {
        return stops.stop(idempotencyKey, subjectRef, draft, s -> Response.created(
                        URI.create("/v1/subjects/" + SubjectRef.pathSegment(subjectRef) + "/provision-stops/" + s.id))
                .entity(ProvisionStopView.of(s))
                .build());
    }

    @POST
    @Path("/provision-stops/{id}/lift")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SERVICE, Roles.PRIVACY_OFFICER})
    @Operation(operationId = "liftProvisionStop", summary = "Lift a provision stop")
    @APIResponse(
            responseCode = "200",
            description = "Lifted",
            content = @Content(schema = @Schema(implementation = ProvisionStopView.class)))
    public Uni<ProvisionStopView> liftProvisionStop(
            @PathParam("subjectRef") @NotNull @Pattern(regexp = SubjectRef.PATTERN, message = SubjectRef.MESSAGE)
                    String subjectRef,
            @PathParam("id") UUID id,
            @Valid @NotNull ProvisionStopDraft.Lift lift) {
        return stops.lift(subjectRef, id, lift).map(ProvisionStopView::of);
    }

    @GET
    @Path("/provision-stops")
    @RolesAllowed({Roles.SERVICE, Roles.PRIVACY_OFFICER, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "listProvisionStops", summary = "Every provision stop of a person, newest first (audited)")
    public Uni<List<ProvisionStopView>> listProvisionStops(
            @PathParam("subjectRef") @NotNull @Pattern(regexp = SubjectRef.PATTERN, message = SubjectRef.MESSAGE)
                    String subjectRef) {
        return stops.ofSubject(subjectRef)
                .map(found -> found.stream().map(ProvisionStopView::of).toList());
    }

    @GET
    @Path("/receipts")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.CLIENT_SYSTEM, Roles.OPERATOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(
            operationId = "listSubjectReceipts",
            summary = "Every receipt record about a person, newest first (audited with the subjectRef)",
            description = "Each record lists only this person among its principals.")
    public Uni<Page<ReceiptView>> listSubjectReceipts(
            @PathParam("subjectRef") @NotNull @Pattern(regexp = SubjectRef.PATTERN, message = SubjectRef.MESSAGE)
                    String subjectRef,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return receipts.aboutSubject(subjectRef, offset, limit)
                .map(found -> Page.of(found.stream().map(ReceiptView::of).toList(), offset, limit));
    }
}
