package dev.mamori.retention.rest;

import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.paging.Page;
import dev.mamori.platform.problem.Problem;
import dev.mamori.platform.tenant.Roles;
import dev.mamori.retention.service.ContractDraft;
import dev.mamori.retention.service.ContractEndDraft;
import dev.mamori.retention.service.ContractService;
import dev.mamori.retention.service.ExtensionDraft;
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

@Path("/v1/contracts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Contracts", description = "Client contracts: their end erases their data, their extensions keep it longer")
public class ContractResource {

    private final ContractService contracts;

    public ContractResource(ContractService contracts) {
        this.contracts = contracts;
    }

    @POST
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(operationId = "createContract", summary = "Register a client contract")
    @APIResponse(
            responseCode = "201",
            description = "Registered",
            content = @Content(schema = @Schema(implementation = ContractView.class)))
    @APIResponse(
            responseCode = "422",
            description = "endsOn is before startsOn",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> createContract(
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull ContractDraft draft) {
        return contracts.create(idempotencyKey, draft, c -> Response.created(URI.create("/v1/contracts/" + c.ref))
                .entity(ContractView.of(c, null, null))
                .build());
    }

    @GET
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.OPERATOR, Roles.CLIENT_SYSTEM, Roles.SERVICE})
    @Operation(operationId = "listContracts", summary = "Page through the tenant's client contracts, by ref")
    public Uni<Page<ContractView>> listContracts(
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return contracts
                .list(offset, limit)
                .map(found -> Page.of(
                        found.stream().map(c -> ContractView.of(c, null, null)).toList(), offset, limit));
    }

    @GET
    @Path("/{ref}")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.OPERATOR, Roles.CLIENT_SYSTEM, Roles.SERVICE})
    @Operation(operationId = "getContract", summary = "One client contract")
    public Uni<ContractView> getContract(@PathParam("ref") String ref) {
        return contracts.get(ref).map(c -> ContractView.of(c, null, null));
    }

    @POST
    @Path("/{ref}/end")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(
            operationId = "endContract",
            summary = "End a client contract: its data gets its deletion dates",
            description = "Recomputes the deletion date of every holding collected under the contract (the contract's "
                    + "end, plus the category's or the extension's days). If that makes data due now (a last day in "
                    + "the past), a purge of the tenant runs at once and its result is included.")
    @APIResponse(
            responseCode = "200",
            description = "Ended",
            content = @Content(schema = @Schema(implementation = ContractView.class)))
    @APIResponse(
            responseCode = "409",
            description = "Already ended",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "endsOn is before the contract's start",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> endContract(
            @PathParam("ref") String ref,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull ContractEndDraft draft) {
        return contracts.end(idempotencyKey, ref, draft, (changed, run) -> Response.ok(ContractView.of(
                        changed.contract(), changed.recomputed(), run == null ? null : PurgeRunView.of(run)))
                .build());
    }

    @POST
    @Path("/{ref}/extensions")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(
            operationId = "extendContract",
            summary = "Keep named categories of the contract's data while it runs and N days after it ends")
    @APIResponse(
            responseCode = "201",
            description = "Granted",
            content = @Content(schema = @Schema(implementation = ExtensionView.class)))
    @APIResponse(
            responseCode = "422",
            description = "A category is not in the ledger",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> extendContract(
            @PathParam("ref") String ref,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull ExtensionDraft draft) {
        return contracts.extend(idempotencyKey, ref, draft, extended -> Response.created(
                        URI.create("/v1/contracts/" + ref + "/extensions"))
                .entity(ExtensionView.of(extended.extension(), extended.recomputed()))
                .build());
    }

    @GET
    @Path("/{ref}/extensions")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.OPERATOR, Roles.CLIENT_SYSTEM, Roles.SERVICE})
    @Operation(
            operationId = "listContractExtensions",
            summary = "The contract's extensions, oldest first",
            description = "Paged like every list of the suite (offset, limit; next is the following offset).")
    public Uni<Page<ExtensionView>> listContractExtensions(
            @PathParam("ref") String ref,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return contracts
                .extensionsOf(ref, offset, limit)
                .map(found -> Page.of(
                        found.stream().map(e -> ExtensionView.of(e, null)).toList(), offset, limit));
    }
}
