package dev.mamori.center.client;

import dev.mamori.web.PageOf;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * consent-service's public API, called with the privacy center's own token for the tenant of the page. The records
 * carry only what the public pages show.
 */
@RegisterRestClient(configKey = "consent")
@OidcClientFilter
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface ConsentApi {

    String TENANT_HEADER = "X-Mamori-Tenant";

    @GET
    @Path("/consent-policy")
    Policy policy(@HeaderParam(TENANT_HEADER) String tenant);

    @GET
    @Path("/purposes")
    PageOf<Purpose> purposes(
            @HeaderParam(TENANT_HEADER) String tenant,
            @QueryParam("offset") int offset,
            @QueryParam("limit") int limit);

    record Policy(
            String controllerName,
            String controllerAddress,
            String controllerRepresentative,
            String controllerContact,
            String policyUrl) {}

    record Purpose(String code, int currentVersion, Version current) {}

    record Version(
            String titleJa,
            String titleEn,
            String descriptionJa,
            String descriptionEn,
            List<String> dataItems,
            boolean thirdPartyProvision,
            List<String> crossBorderCountries,
            String crossBorderInformation) {}
}
