package dev.mamori.request.client;

import dev.mamori.platform.tenant.TenantContext;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * retention-service's data categories: a holding names its category, and the category names the purposes of use
 * its data serves, which a purpose notification (Art. 32(2)) must list.
 */
@RegisterRestClient(configKey = "retention")
@OidcClientFilter
@Path("/v1/data-categories")
@Produces(MediaType.APPLICATION_JSON)
interface DataCategoryClient {

    @GET
    @Path("/{code}")
    Uni<String> category(@PathParam("code") String code, @HeaderParam(TenantContext.TENANT_HEADER) String tenant);
}
