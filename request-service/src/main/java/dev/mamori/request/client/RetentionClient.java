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

/** retention-service, called with request-service's own client-credentials token for a named tenant. */
@RegisterRestClient(configKey = "retention")
@OidcClientFilter
@Path("/v1/subjects/{subjectRef}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface RetentionClient {

    @GET
    @Path("/holdings")
    Uni<String> holdings(
            @Encoded @PathParam("subjectRef") String subjectRef,
            @HeaderParam(TenantContext.TENANT_HEADER) String tenant,
            @QueryParam("offset") String offset,
            @QueryParam("limit") int limit);

    @POST
    @Path("/erasure")
    Uni<String> erase(
            @Encoded @PathParam("subjectRef") String subjectRef,
            @HeaderParam(TenantContext.TENANT_HEADER) String tenant,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            String body);
}
