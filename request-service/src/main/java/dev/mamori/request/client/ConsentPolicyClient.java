package dev.mamori.request.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.mamori.platform.tenant.TenantContext;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** consent-service's policy of a tenant: its controller's name is how the person's mails name the company. */
@RegisterRestClient(configKey = "consent")
@OidcClientFilter
@Path("/v1/consent-policy")
@Produces(MediaType.APPLICATION_JSON)
interface ConsentPolicyClient {

    @GET
    Uni<Policy> policy(@HeaderParam(TenantContext.TENANT_HEADER) String tenant);

    /** The one member the mails need; the policy's others are not read. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Policy(String controllerName) {}
}
