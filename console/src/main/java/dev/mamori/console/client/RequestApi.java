package dev.mamori.console.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.web.PageOf;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * request-service's public API (/v1/requests), called with the signed-in person's access token and, for a person
 * serving several client companies, the tenant they chose ({@link StaffHeaders}). The records carry only what the
 * pages show; the service's answers hold more.
 */
@RegisterRestClient(configKey = "request")
@RegisterClientHeaders(StaffHeaders.class)
@Path("/v1/requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface RequestApi {

    @GET
    PageOf<Summary> search(
            @QueryParam("status") List<String> status,
            @QueryParam("type") List<String> type,
            @QueryParam("limit") int limit);

    /** The worklist's page: most urgent first, each open request with its business days left. */
    @GET
    PageOf<Summary> worklist(
            @QueryParam("status") List<String> status,
            @QueryParam("type") List<String> type,
            @QueryParam("dueBy") LocalDate dueBy,
            @QueryParam("subjectRef") String subjectRef,
            @QueryParam("sort") String sort,
            @QueryParam("offset") int offset,
            @QueryParam("limit") int limit);

    @GET
    @Path("/due")
    PageOf<Due> due(@QueryParam("withinBusinessDays") int withinBusinessDays, @QueryParam("limit") int limit);

    @GET
    @Path("/{id}")
    Detail get(@PathParam("id") UUID id);

    @GET
    @Path("/{id}/events")
    PageOf<Event> events(@PathParam("id") UUID id, @QueryParam("limit") int limit);

    @POST
    Detail create(@HeaderParam("Idempotency-Key") String idempotencyKey, Map<String, Object> intake);

    @PUT
    @Path("/{id}/subject")
    Detail linkSubject(@PathParam("id") UUID id, Map<String, Object> link);

    @POST
    @Path("/{id}/identity-verification")
    Detail verify(@PathParam("id") UUID id, Map<String, Object> verification);

    @POST
    @Path("/{id}/decision")
    Detail decide(@PathParam("id") UUID id, Map<String, Object> decision);

    @POST
    @Path("/{id}/pause")
    Detail pause(@PathParam("id") UUID id, Map<String, Object> pause);

    @POST
    @Path("/{id}/resume")
    Detail resume(@PathParam("id") UUID id);

    @POST
    @Path("/{id}/extension")
    JsonNode extend(@PathParam("id") UUID id, Map<String, Object> extension);

    @POST
    @Path("/{id}/fulfilment/retry")
    Detail retry(@PathParam("id") UUID id);

    @GET
    @Path("/{id}/result")
    Result result(@PathParam("id") UUID id);

    /** The copies of identity documents kept for the request (operators and officers). */
    @GET
    @Path("/{id}/identity-documents")
    List<IdentityDocument> identityDocuments(@PathParam("id") UUID id);

    /** A copy's bytes, with the type request-service judged them to be. */
    @GET
    @Path("/{id}/identity-documents/{documentId}/content")
    @Produces({"image/jpeg", "image/png", "application/pdf", "application/problem+json"})
    jakarta.ws.rs.core.Response identityDocumentContent(
            @PathParam("id") UUID id, @PathParam("documentId") UUID documentId);

    /** A kept copy: who sent it, whose identity it proves, how large, until when it is kept. */
    record IdentityDocument(
            UUID documentId,
            String documentType,
            String side,
            String provesIdentityOf,
            String contentType,
            Integer bytes,
            String fileName,
            String submittedBy,
            OffsetDateTime storedAt,
            OffsetDateTime deleteAfter) {}

    record Summary(
            UUID id,
            String type,
            String status,
            String subjectRef,
            String receiptNumber,
            Identifiers identifiers,
            String channel,
            OffsetDateTime receivedAt,
            LocalDate statutoryMarkerOn,
            LocalDate dueOn,
            boolean overdue,
            Integer businessDaysLeft,
            String externalId) {}

    record Due(UUID id, int businessDaysLeft, boolean overdue) {}

    /** How a person who filed online identified themself (masked as the service masks it for the role). */
    record Identifiers(String name, String email, String phone, String customerNumber) {}

    record Detail(
            UUID id,
            String type,
            String status,
            String subjectRef,
            String receiptNumber,
            Identifiers identifiers,
            String channel,
            OffsetDateTime receivedAt,
            LocalDate statutoryMarkerOn,
            LocalDate dueOn,
            boolean overdue,
            Integer businessDaysLeft,
            OffsetDateTime pausedAt,
            OffsetDateTime extendedAt,
            String extensionReason,
            Verification identityVerification,
            Decision decision,
            List<Task> fulfilment,
            Requester requester,
            String deliveryMethod,
            String sourceActor,
            OffsetDateTime closedAt,
            String closeReason) {}

    record Verification(String method, List<String> documentTypes, String verifiedBy, OffsetDateTime verifiedAt) {}

    record Decision(
            String outcome,
            String refusalGround,
            String reason,
            String decidedBy,
            OffsetDateTime decidedAt,
            Integer feeJpy) {}

    record Task(String target, String action, String status, int attempts, String lastError) {}

    record Requester(String name, String relation, Contact contact) {}

    record Contact(String email, String phone, String postalAddress) {}

    record Event(int seq, String kind, OffsetDateTime occurredAt, String actor, String statusAfter, String detail) {}

    record Result(String outcome, String refusalGround, String reason, Integer feeJpy, Notice notice) {}

    record Notice(String ja, String en) {}
}
