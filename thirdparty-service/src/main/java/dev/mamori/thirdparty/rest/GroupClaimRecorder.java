package dev.mamori.thirdparty.rest;

import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.thirdparty.service.GroupDirectory;
import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Keeps the group directory fed from the identity provider: every call with a tenant's own token (one with a
 * {@code tenant} claim; a service acting for a tenant has none) records that tenant's {@code group} claim, or that it
 * has none (APPI Art. 27(5)(iii)). See {@link GroupDirectory} for why membership is known this way.
 */
public class GroupClaimRecorder {

    private static final Logger LOG = Logger.getLogger(GroupClaimRecorder.class);
    private static final Pattern TENANT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final CurrentIdentityAssociation identity;
    private final GroupDirectory groups;

    public GroupClaimRecorder(CurrentIdentityAssociation identity, GroupDirectory groups) {
        this.identity = identity;
        this.groups = groups;
    }

    @ServerRequestFilter
    public Uni<Void> recordGroupClaim() {
        return identity.getDeferredIdentity().chain(caller -> {
            if (caller.isAnonymous() || !(caller.getPrincipal() instanceof JsonWebToken jwt)) {
                return Uni.createFrom().voidItem();
            }
            String tenant = claim(jwt, TenantContext.TENANT_CLAIM);
            if (tenant == null || !TENANT_ID.matcher(tenant).matches()) {
                return Uni.createFrom().voidItem();
            }
            // Bookkeeping must not fail the call: the membership is corrected by the tenant's next call.
            return groups.recordFromToken(tenant, claim(jwt, TenantContext.GROUP_CLAIM))
                    .onFailure().recoverWithUni(e -> {
                        LOG.warnf("could not record the group claim of %s: %s", tenant, e.toString());
                        return Uni.createFrom().voidItem();
                    });
        });
    }

    private static String claim(JsonWebToken jwt, String name) {
        Object value = jwt instanceof OidcJwtCallerPrincipal oidc ? oidc.getClaims().getClaimValue(name)
                : jwt.getClaim(name);
        if (value instanceof jakarta.json.JsonString js) {
            value = js.getString();
        }
        return value instanceof String s && !s.isBlank() ? s : null;
    }
}
