package dev.mamori.platform.tenant;

import dev.mamori.platform.problem.Problem;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses {@value TenantContext#TENANT_HEADER} from any caller that may not name that tenant ({@link TenantChoice}:
 * a service, or a person naming one of the tenants their token lists), on every endpoint, before the resource runs;
 * and a person's call that lists several tenants but names none.
 * An anonymous caller is left to the role check, which answers 401.
 */
public class TenantHeaderFilter {

    private final CurrentIdentityAssociation identity;

    public TenantHeaderFilter(CurrentIdentityAssociation identity) {
        this.identity = identity;
    }

    @ServerRequestFilter
    public Uni<Response> refuseTenantHeaderFromNonServices(ContainerRequestContext request) {
        String named = request.getHeaderString(TenantContext.TENANT_HEADER);
        return identity.getDeferredIdentity().map(caller -> {
            if (caller.isAnonymous()) {
                return null;
            }
            List<String> tenants = TenantContext.tenants(caller);
            if (named == null) {
                // A person serving several client companies must say which one this call is for; refused here, before
                // any validation, so that no endpoint ever guesses.
                return tenants.size() > 1
                                && TenantContext.claim(caller, TenantContext.TENANT_CLAIM)
                                        .isEmpty()
                        ? forbidden(request, "tenant-choice-required", TenantChoice.choiceRequired(tenants))
                        : null;
            }
            return TenantChoice.headerAllowed(named, caller.hasRole(Roles.SERVICE), tenants)
                    ? null
                    : forbidden(request, "tenant-header-forbidden", TenantChoice.headerRefusal(tenants));
        });
    }

    private static Response forbidden(ContainerRequestContext request, String kind, String detail) {
        return Response.status(403)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(
                        Problem.type(kind),
                        "Forbidden",
                        403,
                        detail,
                        request.getUriInfo().getPath(),
                        null))
                .build();
    }
}
