package dev.mamori.center.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * request-service's electronic delivery of a result (APPI Art. 33(1), (2): disclosure by the
 * electronic means the person chose), called with the privacy center's own token for the tenant of the page. The
 * mailed link's token names the delivery; a fresh code mailed to the requester proves the reader holds the mailbox;
 * the grant it yields allows downloads for a short while. A refusal arrives as a WebApplicationException carrying the
 * problem+json body ({@link ServiceProblem}).
 */
@RegisterRestClient(configKey = "request")
@OidcClientFilter
@Path("/v1/result-deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ResultDeliveryApi {

    String GRANT_HEADER = "X-Download-Grant";

    /** 202: a fresh 6-digit code mailed to the requester. 404 delivery-not-found, 410 delivery-expired, 429. */
    @POST
    @Path("/{token}/code")
    CodeSent sendCode(@HeaderParam(ConsentApi.TENANT_HEADER) String tenant, @PathParam("token") String token);

    /** 200 with a grant. 422 code-wrong (attemptsLeft), 410 code-expired / delivery-expired, 429, 404. */
    @POST
    @Path("/{token}/confirmation")
    Grant confirm(
            @HeaderParam(ConsentApi.TENANT_HEADER) String tenant, @PathParam("token") String token, CodeEntry code);

    /**
     * The result as an attachment (html, json or csv). 403 grant-invalid, 410 delivery-expired, 400 bad format. The
     * answer is read whole: a result package is small.
     */
    @GET
    @Path("/{token}/package")
    @Produces(MediaType.WILDCARD)
    Response download(
            @HeaderParam(ConsentApi.TENANT_HEADER) String tenant,
            @PathParam("token") String token,
            @QueryParam("format") String format,
            @HeaderParam(GRANT_HEADER) String grant);

    record CodeSent(String sentTo, String expiresAt) {}

    record CodeEntry(String code) {}

    record Grant(
            String grant,
            String grantExpiresAt,
            String receiptNumber,
            String requestType,
            List<String> formats,
            String linkExpiresAt) {}
}
