package dev.mamori.consent.rest;

import dev.mamori.consent.DecisionReason;
import dev.mamori.consent.rest.DecisionResource.DecisionView;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.tenant.Roles;
import dev.mamori.platform.tenant.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The ceiling the use decision is measured against (bench/run): the same service, the same token check and roles,
 * the same tenant lookup and JSON shape, on the event loop, but a constant answer instead of a lookup. What the
 * decision costs beyond this is the decision itself. Off unless {@code mamori.bench.enabled=true}; then it answers
 * 404 like any path that does not exist, so a production deployment exposes nothing.
 */
@Path("/v1/bench")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Benchmark", description = "A constant decision-shaped answer for bench/run; 404 unless enabled")
public class BenchResource {

    static final DecisionView CONSTANT = new DecisionView("cust-000001", "call-center-support", true,
            DecisionReason.CONSENT_GIVEN, 1, UUID.fromString("00000000-0000-4000-8000-000000000001"), 1, null);

    private final boolean enabled;
    private final TenantContext tenant;

    public BenchResource(@ConfigProperty(name = "mamori.bench.enabled", defaultValue = "false") boolean enabled,
                         TenantContext tenant) {
        this.enabled = enabled;
        this.tenant = tenant;
    }

    @GET
    @Path("/constant")
    @RolesAllowed({Roles.CLIENT_SYSTEM, Roles.OPERATOR, Roles.PRIVACY_OFFICER, Roles.SERVICE})
    @Operation(operationId = "benchConstant", summary = "A constant decision, for measuring the framework's own cost "
            + "(only with mamori.bench.enabled=true)")
    public Uni<DecisionView> constant() {
        if (!enabled) {
            return Uni.createFrom().failure(ProblemException.notFound("Path", "/v1/bench/constant"));
        }
        tenant.tenantId(); // the decision resolves the caller's tenant too; a token without one is refused the same way
        return Uni.createFrom().item(CONSTANT);
    }
}
