package dev.mamori.center.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * request-service's online filing API, called with the privacy center's own token for the
 * tenant of the page. A filing becomes a request only once the requester enters the code mailed to them.
 * A refusal arrives as a WebApplicationException carrying the problem+json body ({@link ServiceProblem}).
 */
@RegisterRestClient(configKey = "request")
@OidcClientFilter
@Path("/v1/online-filings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface OnlineFilingApi {

    /** Idempotency-Key: one per rendered form, so a form sent twice (a double click) files and mails once. */
    String IDEMPOTENCY_KEY = "Idempotency-Key";

    @POST
    Accepted file(
            @HeaderParam(ConsentApi.TENANT_HEADER) String tenant,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            OnlineFiling filing);

    @POST
    @Path("/{filingId}/confirmation")
    Receipt confirm(
            @HeaderParam(ConsentApi.TENANT_HEADER) String tenant,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            @PathParam("filingId") UUID filingId,
            CodeEntry code);

    @POST
    @Path("/{filingId}/code")
    Accepted freshCode(@HeaderParam(ConsentApi.TENANT_HEADER) String tenant, @PathParam("filingId") UUID filingId);

    @POST
    @Path("/status")
    Status status(@HeaderParam(ConsentApi.TENANT_HEADER) String tenant, StatusQuery query);

    /**
     * A copy of an identity document the requester uploads after confirming: the receipt number
     * and the upload token the confirmation answered prove it is theirs. 201 {@link DocumentView}; 404
     * receipt-not-found, 410 upload-window-closed, 422 my-number-shown / document-content-unsupported / copy-too-large
     * (field base64), 409 document-limit / request-closed.
     */
    @POST
    @Path("/documents")
    DocumentView upload(@HeaderParam(ConsentApi.TENANT_HEADER) String tenant, DocumentUpload upload);

    /** What the person typed, blank parts left out. Enumerations travel as the service's names. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OnlineFiling(
            String type,
            Requester requester,
            Agent agent,
            Person person,
            String deliveryMethod,
            String ground,
            Correction correction,
            boolean formConsent,
            String language) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Requester(String name, String relation, Contact contact) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Contact(String email, String phone, String postalAddress) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Agent(String type, String evidenceDescription) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Person(String name, String email, String phone, String customerNumber) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Correction(String kind, String dataItem, String claimedUntrue, String requestedContent) {}

    record Accepted(UUID filingId, String codeExpiresAt) {}

    record CodeEntry(String code) {}

    /** {@code uploadToken}: lets the requester upload identity documents for a while (null if the service gives none). */
    record Receipt(
            UUID requestId,
            String receiptNumber,
            String status,
            String receivedAt,
            String dueDate,
            String uploadToken) {}

    record StatusQuery(String receiptNumber, String email) {}

    record Status(String receiptNumber, String type, String status, String receivedAt, String dueDate) {}

    /**
     * RequesterDocumentUpload. {@code containsMyNumber} is always sent (false: the privacy center sends only a copy
     * the requester declared free of a My Number); {@code insurerNumberMasked} only for health-insurance documents.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DocumentUpload(
            String receiptNumber,
            String uploadToken,
            String documentType,
            String side,
            String provesIdentityOf,
            boolean containsMyNumber,
            Boolean insurerNumberMasked,
            String fileName,
            String base64) {}

    /** RequesterDocumentView: what was stored (never the content). */
    record DocumentView(
            UUID documentId,
            String documentType,
            String side,
            String provesIdentityOf,
            String contentType,
            long bytes,
            String deleteAfter,
            Integer documentsLeft) {}
}
