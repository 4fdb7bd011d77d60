package dev.mamori.request.client;

import dev.mamori.platform.tenant.TenantContext;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * consent-service's purposes of use with their titles and descriptions in Japanese and English: a purpose
 * notification (Art. 32(2)) tells the person the purposes in words, not by code.
 */
@RegisterRestClient(configKey = "consent")
@OidcClientFilter
@Path("/v1/purposes")
@Produces(MediaType.APPLICATION_JSON)
interface PurposeCatalogueClient {

    @GET
    Uni<String> purposes(
            @HeaderParam(TenantContext.TENANT_HEADER) String tenant,
            @QueryParam("offset") String offset,
            @QueryParam("limit") int limit);
}
