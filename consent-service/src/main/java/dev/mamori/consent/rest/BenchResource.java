package dev.mamori.consent.rest;

import dev.mamori.consent.DecisionReason;
import dev.mamori.consent.rest.DecisionResource.DecisionView;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.tenant.Roles;
import dev.mamori.platform.tenant.TenantContext;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The ceiling the use decision is measured against (bench/run): the same service, the same token check and roles,
 * the same tenant lookup and JSON shape, on the event loop, but a constant answer instead of a lookup. What the
 * decision costs beyond this is the decision itself.
 * <p>
 * Served only by a build made for benchmarking ({@code -Dmamori.bench=true}, which bench/run passes): an ordinary
 * build (the jar and image that are deployed) registers no such endpoint, and no build publishes it in the OpenAPI
 * document. Even a bench build answers 404, like any path that does not exist, unless {@code mamori.bench.enabled=true}
 * at run time, so a bench build left in {@code target/} and started by {@code bin/mamori} exposes nothing either.
 */
@IfBuildProperty(name = "mamori.bench", stringValue = "true")
@Path("/v1/bench")
@Produces(MediaType.APPLICATION_JSON)
public class BenchResource {

    static final DecisionView CONSTANT = new DecisionView(
            "cust-000001",
            "call-center-support",
            true,
            DecisionReason.CONSENT_GIVEN,
            1,
            UUID.fromString("00000000-0000-4000-8000-000000000001"),
            1,
            null);

    private final boolean enabled;
    private final TenantContext tenant;

    public BenchResource(
            @ConfigProperty(name = "mamori.bench.enabled", defaultValue = "false") boolean enabled,
            TenantContext tenant) {
        this.enabled = enabled;
        this.tenant = tenant;
    }

    @GET
    @Path("/constant")
    @RolesAllowed({Roles.CLIENT_SYSTEM, Roles.OPERATOR, Roles.PRIVACY_OFFICER, Roles.SERVICE})
    @Operation(hidden = true)
    public Uni<DecisionView> constant() {
        if (!enabled) {
            return Uni.createFrom().failure(ProblemException.notFound("Path", "/v1/bench/constant"));
        }
        tenant.tenantId(); // the decision resolves the caller's tenant too; a token without one is refused the same way
        return Uni.createFrom().item(CONSTANT);
    }
}
