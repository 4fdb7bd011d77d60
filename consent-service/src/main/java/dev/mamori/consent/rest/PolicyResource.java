package dev.mamori.consent.rest;

import dev.mamori.consent.TenantPolicy;
import dev.mamori.consent.service.PolicyService;
import dev.mamori.platform.tenant.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/consent-policy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Consent policy", description = "The tenant's minor age threshold and receipt controller details")
public class PolicyResource {

    private final PolicyService policies;

    public PolicyResource(PolicyService policies) {
        this.policies = policies;
    }

    @GET
    // SERVICE: the privacy center publishes the controller's name and address (APPI Art. 32(1)(i)).
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.OPERATOR, Roles.CLIENT_SYSTEM, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "getConsentPolicy", summary = "The tenant's consent policy (defaults if never set)")
    public Uni<PolicyService.PolicyDraft> getConsentPolicy() {
        return policies.current().map(PolicyResource::view);
    }

    @PUT
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(operationId = "setConsentPolicy", summary = "Set the minor age threshold and controller details")
    public Uni<PolicyService.PolicyDraft> setConsentPolicy(@Valid @NotNull PolicyService.PolicyDraft draft) {
        return policies.update(draft).map(PolicyResource::view);
    }

    private static PolicyService.PolicyDraft view(TenantPolicy p) {
        return new PolicyService.PolicyDraft(
                p.guardianAgeThreshold,
                p.controllerName,
                p.controllerAddress,
                p.controllerRepresentative,
                p.controllerContact,
                p.policyUrl);
    }
}
