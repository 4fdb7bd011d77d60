package dev.mamori.incident.client;

import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.tenant.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * retention-service's ledger and holdings. Called with the caller's own bearer token (and, for a service caller, the
 * tenant it named), so retention-service answers for the caller's tenant only. Only {@link RetentionClient} uses it.
 */
@RegisterRestClient(configKey = "retention")
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
interface RetentionApi {

    @GET
    @Path("/data-categories/{code}")
    Uni<LedgerCategory> category(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(TenantContext.TENANT_HEADER) String tenant,
            @PathParam("code") String code);

    @POST
    @Path("/legal-holds")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<LegalHold> hold(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(TenantContext.TENANT_HEADER) String tenant,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            LegalHold.Request request);

    @GET
    @Path("/holdings/count")
    Uni<HoldingCount> count(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(TenantContext.TENANT_HEADER) String tenant,
            @QueryParam("category") List<String> categories,
            @QueryParam("owningSystem") List<String> owningSystems,
            @QueryParam("collectedFrom") String collectedFrom,
            @QueryParam("collectedTo") String collectedTo);
}
