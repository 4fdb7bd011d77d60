package dev.mamori.request.client;

import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.tenant.TenantContext;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** thirdparty-service, called with request-service's own client-credentials token for a named tenant. */
@RegisterRestClient(configKey = "thirdparty")
@OidcClientFilter
@Path("/v1/subjects/{subjectRef}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface ThirdpartyClient {

    @GET
    @Path("/provisions")
    Uni<String> provisions(
            @Encoded @PathParam("subjectRef") String subjectRef,
            @HeaderParam(TenantContext.TENANT_HEADER) String tenant,
            @QueryParam("offset") String offset,
            @QueryParam("limit") int limit);

    @GET
    @Path("/receipts")
    Uni<String> receipts(
            @Encoded @PathParam("subjectRef") String subjectRef,
            @HeaderParam(TenantContext.TENANT_HEADER) String tenant,
            @QueryParam("offset") String offset,
            @QueryParam("limit") int limit);

    @POST
    @Path("/provision-stops")
    Uni<String> stopProvision(
            @Encoded @PathParam("subjectRef") String subjectRef,
            @HeaderParam(TenantContext.TENANT_HEADER) String tenant,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            String body);
}
