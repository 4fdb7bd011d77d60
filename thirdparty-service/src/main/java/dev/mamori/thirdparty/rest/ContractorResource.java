package dev.mamori.thirdparty.rest;

import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.paging.Page;
import dev.mamori.platform.problem.Problem;
import dev.mamori.platform.tenant.Roles;
import dev.mamori.platform.time.JapanTime;
import dev.mamori.thirdparty.service.ContractorDraft;
import dev.mamori.thirdparty.service.ContractorService;
import dev.mamori.thirdparty.service.ThirdPartyConfig;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/contractors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Contractors",
        description = "Contractors entrusted with personal data: selection, certifications, "
                + "contract, audits and sub-entrustment (APPI Art. 25)")
public class ContractorResource {

    private final ContractorService contractors;
    private final int warningDays;
    private final Clock clock;

    public ContractorResource(ContractorService contractors, ThirdPartyConfig config, Clock clock) {
        this.contractors = contractors;
        this.warningDays = config.contractors().certificationWarningDays();
        this.clock = clock;
    }

    @POST
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(
            operationId = "createContractor",
            summary =
                    "Select a contractor: its assessment, certifications, contract and, for a sub-contractor, approval")
    @APIResponse(
            responseCode = "201",
            description = "Selected",
            content = @Content(schema = @Schema(implementation = ContractorView.class)))
    @APIResponse(
            responseCode = "422",
            description = "An expired certification, an unknown or non-entrusted party",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> createContractor(
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull ContractorDraft draft) {
        return contractors.create(idempotencyKey, draft, s -> created(s.contractor().id, view(s)));
    }

    @GET
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.CLIENT_SYSTEM, Roles.OPERATOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "listContractors", summary = "The tenant's contractors with whether each is usable today")
    public Uni<Page<ContractorView>> listContractors(
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return contractors
                .list(offset, limit)
                .map(found -> Page.of(found.stream().map(this::view).toList(), offset, limit));
    }

    @GET
    @Path("/expiring")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.SERVICE})
    @Operation(
            operationId = "listExpiringCertifications",
            summary = "Certifications in force that expire within withinDays days (or already have), soonest first")
    public Uni<List<ContractorView.ExpiringView>> listExpiringCertifications(
            @QueryParam("withinDays") @DefaultValue("60") @Min(0) @Max(366) int withinDays) {
        return contractors.expiring(withinDays).map(found -> found.stream()
                .map(ContractorView.ExpiringView::of)
                .toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.CLIENT_SYSTEM, Roles.OPERATOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "getContractor", summary = "A contractor with its supervision record")
    @APIResponse(
            responseCode = "404",
            description = "No such contractor in this tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ContractorView> getContractor(@PathParam("id") UUID id) {
        return contractors.get(id).map(this::view);
    }

    @POST
    @Path("/{id}/assessments")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(operationId = "assessContractor", summary = "Record a (re-)assessment of the contractor")
    public Uni<Response> assessContractor(
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @PathParam("id") UUID id,
            @Valid @NotNull ContractorDraft.Assessment draft) {
        return contractors.assess(idempotencyKey, id, draft, s -> created(id, view(s)));
    }

    @POST
    @Path("/{id}/certifications")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(operationId = "certifyContractor", summary = "Record a certification or its renewal")
    public Uni<Response> certifyContractor(
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @PathParam("id") UUID id,
            @Valid @NotNull ContractorDraft.Certification draft) {
        return contractors.certify(idempotencyKey, id, draft, s -> created(id, view(s)));
    }

    @POST
    @Path("/{id}/audits")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(operationId = "auditContractor", summary = "Record an audit of the contractor's handling")
    public Uni<Response> auditContractor(
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @PathParam("id") UUID id,
            @Valid @NotNull ContractorDraft.Audit draft) {
        return contractors.audit(idempotencyKey, id, draft, s -> created(id, view(s)));
    }

    @POST
    @Path("/{id}/subcontract-approval")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(operationId = "approveSubcontract", summary = "Approve the sub-entrustment to this sub-contractor")
    public Uni<ContractorView> approveSubcontract(
            @PathParam("id") UUID id, @Valid @NotNull ContractorDraft.Approval approval) {
        return contractors.approveSubcontract(id, approval).map(this::view);
    }

    private ContractorView view(ContractorService.Supervised s) {
        return ContractorView.of(s, warningDays, JapanTime.today(clock));
    }

    private static Response created(UUID id, ContractorView view) {
        return Response.created(URI.create("/v1/contractors/" + id))
                .entity(view)
                .build();
    }
}
