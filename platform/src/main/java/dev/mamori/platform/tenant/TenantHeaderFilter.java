package dev.mamori.platform.tenant;

import dev.mamori.platform.problem.Problem;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses {@value TenantContext#TENANT_HEADER} from any caller that is not a service, on every endpoint, before
 * the resource runs: naming a tenant is how background work crosses services, and nothing else may use it.
 * An anonymous caller is left to the role check, which answers 401.
 */
public class TenantHeaderFilter {

    private final CurrentIdentityAssociation identity;

    public TenantHeaderFilter(CurrentIdentityAssociation identity) {
        this.identity = identity;
    }

    @ServerRequestFilter
    public Uni<Response> refuseTenantHeaderFromNonServices(ContainerRequestContext request) {
        if (request.getHeaderString(TenantContext.TENANT_HEADER) == null) {
            return Uni.createFrom().nullItem();
        }
        return identity.getDeferredIdentity().map(caller -> {
            if (caller.isAnonymous() || caller.hasRole(Roles.SERVICE)) {
                return null;
            }
            return Response.status(403)
                    .type(Problem.MEDIA_TYPE)
                    .entity(new Problem(
                            Problem.type("tenant-header-forbidden"),
                            "Forbidden",
                            403,
                            "Only service tokens may name a tenant in " + TenantContext.TENANT_HEADER,
                            request.getUriInfo().getPath(),
                            null))
                    .build();
        });
    }
}
