package dev.mamori.thirdparty.rest;

import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.problem.Problem;
import dev.mamori.platform.tenant.Roles;
import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.thirdparty.client.ConsentClient;
import dev.mamori.thirdparty.service.ProvisionDraft;
import dev.mamori.thirdparty.service.ProvisionEvaluation;
import dev.mamori.thirdparty.service.ProvisionService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Provision to third parties: checked against every rule, then recorded (append-only). */
@Path("/v1/provisions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Provision records",
        description = "Provision of personal data to third parties, checked before it "
                + "happens and recorded with its retention (APPI Arts. 25, 27, 28, 29; PPC Rules 19-21), append-only")
public class ProvisionResource {

    private final ProvisionService provisions;

    public ProvisionResource(ProvisionService provisions) {
        this.provisions = provisions;
    }

    @POST
    @RolesAllowed({Roles.CLIENT_SYSTEM, Roles.OPERATOR, Roles.PRIVACY_OFFICER, Roles.SERVICE})
    @Operation(
            operationId = "recordProvision",
            summary = "Check a provision against every rule and record it when none fails",
            description = "Consent is asked of consent-service with the caller's own token. A refusal is 422 "
                    + "provision-refused naming every failing rule (field = rule code) and, per principal, the rules "
                    + "that principal fails; nothing is recorded.")
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content = @Content(schema = @Schema(implementation = ProvisionView.class)))
    @APIResponse(
            responseCode = "422",
            description = "Refused: every failing rule, per principal too",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "503",
            description = "consent-service could not confirm the consent; nothing recorded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> recordProvision(
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(TenantContext.TENANT_HEADER) String tenantHeader,
            @Valid @NotNull ProvisionDraft draft) {
        return provisions.record(
                idempotencyKey, draft, new ConsentClient.Caller(authorization, tenantHeader), p -> Response.created(
                                URI.create("/v1/provisions/" + p.record().id))
                        .entity(ProvisionView.of(p))
                        .build());
    }

    @POST
    @Path("/checks")
    @RolesAllowed({Roles.CLIENT_SYSTEM, Roles.OPERATOR, Roles.PRIVACY_OFFICER, Roles.SERVICE})
    @Operation(
            operationId = "checkProvision",
            summary = "Evaluate a provision against every rule without recording it (dry run)")
    @APIResponse(
            responseCode = "200",
            description = "The evaluation: allowed, or every failing rule",
            content = @Content(schema = @Schema(implementation = ProvisionEvaluation.class)))
    public Uni<ProvisionEvaluation> checkProvision(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(TenantContext.TENANT_HEADER) String tenantHeader,
            @Valid @NotNull ProvisionDraft draft) {
        return provisions.check(draft, new ConsentClient.Caller(authorization, tenantHeader));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.CLIENT_SYSTEM, Roles.OPERATOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(
            operationId = "getProvision",
            summary = "A provision record with all its principals (audited per principal)")
    @APIResponse(
            responseCode = "200",
            description = "The record",
            content = @Content(schema = @Schema(implementation = ProvisionView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such record in this tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ProvisionView> getProvision(@PathParam("id") UUID id) {
        return provisions.get(id).map(ProvisionView::of);
    }
}
