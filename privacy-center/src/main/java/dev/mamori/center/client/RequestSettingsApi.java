package dev.mamori.center.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** request-service's settings of a tenant: the fees it charges (APPI Art. 38), published on the tenant's page. */
@RegisterRestClient(configKey = "request")
@OidcClientFilter
@Path("/v1/request-settings")
@Produces(MediaType.APPLICATION_JSON)
public interface RequestSettingsApi {

    @GET
    Settings settings(@HeaderParam(ConsentApi.TENANT_HEADER) String tenant);

    record Settings(Integer purposeNotificationFeeJpy, Integer disclosureFeeJpy, int businessDaysToDue) {}
}
