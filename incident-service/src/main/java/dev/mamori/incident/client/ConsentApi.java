package dev.mamori.incident.client;

import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.tenant.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * consent-service's use stops. Called with the caller's own bearer token (and, for a service caller, the tenant it
 * named). Only {@link ConsentClient} uses it.
 */
@RegisterRestClient(configKey = "consent")
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
interface ConsentApi {

    @POST
    @Path("/subjects/{subjectRef}/use-stops")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<List<UseStop>> stop(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(TenantContext.TENANT_HEADER) String tenant,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @PathParam("subjectRef") String subjectRef,
            UseStop.Request request);
}
