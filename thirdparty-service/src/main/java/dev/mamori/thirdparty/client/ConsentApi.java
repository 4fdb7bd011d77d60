package dev.mamori.thirdparty.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * consent-service's purpose and decision endpoints. Called with the caller's own bearer token (and, for a service
 * caller, the tenant it named), so consent-service answers for the same tenant. Only {@link ConsentClient} uses it.
 */
@RegisterRestClient(configKey = "consent")
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
interface ConsentApi {

    @GET
    @Path("/purposes/{code}")
    Uni<ConsentPurpose> purpose(
            @HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Mamori-Tenant") String tenant,
            @PathParam("code") String code);

    @POST
    @Path("/decisions/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<ConsentDecisions> decide(
            @HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Mamori-Tenant") String tenant,
            ConsentDecisions.Batch batch);
}
