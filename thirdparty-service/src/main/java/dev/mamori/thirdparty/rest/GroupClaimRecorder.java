package dev.mamori.thirdparty.rest;

import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.thirdparty.service.GroupDirectory;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Keeps the group directory fed from the identity provider: every call with a tenant's own token (one with a
 * {@code tenant} claim; a service acting for a tenant has none) records that tenant's {@code group} claim, or that it
 * has none (APPI Art. 27(5)(iii)). See {@link GroupDirectory} for why membership is known this way.
 */
public class GroupClaimRecorder {

    private static final Logger LOG = Logger.getLogger(GroupClaimRecorder.class);

    private final CurrentIdentityAssociation identity;
    private final GroupDirectory groups;

    public GroupClaimRecorder(CurrentIdentityAssociation identity, GroupDirectory groups) {
        this.identity = identity;
        this.groups = groups;
    }

    @ServerRequestFilter
    public Uni<Void> recordGroupClaim() {
        return identity.getDeferredIdentity().chain(caller -> {
            if (caller.isAnonymous()) {
                return Uni.createFrom().voidItem();
            }
            String tenant =
                    TenantContext.claim(caller, TenantContext.TENANT_CLAIM).orElse(null);
            if (!TenantContext.isTenantId(tenant)) {
                return Uni.createFrom().voidItem();
            }
            // Bookkeeping must not fail the call: the membership is corrected by the tenant's next call.
            return groups.recordFromToken(
                            tenant,
                            TenantContext.claim(caller, TenantContext.GROUP_CLAIM)
                                    .orElse(null))
                    .onFailure()
                    .recoverWithUni(e -> {
                        LOG.warnf("could not record the group claim of %s: %s", tenant, e.toString());
                        return Uni.createFrom().voidItem();
                    });
        });
    }
}
