package dev.mamori.request.rest;

import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.paging.Page;
import dev.mamori.platform.problem.Problem;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.tenant.Roles;
import dev.mamori.request.RequestStatus;
import dev.mamori.request.RequestType;
import dev.mamori.request.service.Cancellation;
import dev.mamori.request.service.RequestIntake;
import dev.mamori.request.service.RequestSearch;
import dev.mamori.request.service.RequestService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Data-subject requests",
        description = "Requests about a person's retained data: notification, disclosure, correction, stop and erasure "
                + "(APPI Arts. 32-39)")
public class RequestResource {

    private final RequestService requests;
    private final Idempotency idempotency;

    public RequestResource(RequestService requests, Idempotency idempotency) {
        this.requests = requests;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({Roles.CLIENT_SYSTEM, Roles.OPERATOR, Roles.SERVICE})
    @Operation(operationId = "createRequest", summary = "Take in a request; it starts IDENTITY_UNVERIFIED",
            description = "Honours Idempotency-Key. The answer masks the requester's personal data (it is kept to "
                    + "answer retries).")
    @APIResponse(responseCode = "201", description = "Received",
            content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "409", description = "duplicate-request: the person has an open request of this type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A detail the request type needs is missing or does not fit it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> createRequest(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                       @Valid @NotNull RequestIntake intake) {
        return idempotency.once(idempotencyKey, "createRequest", intake, () -> requests.receive(intake)
                .map(d -> Response.created(URI.create("/v1/requests/" + d.request().id))
                        .entity(RequestView.of(d)).build()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CLIENT_SYSTEM, Roles.OPERATOR, Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "getRequest", summary = "A request with its status and deadlines",
            description = "Privacy officers see the requester's personal data in full; other roles see contact "
                    + "details masked and no correction content.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RequestView.class)))
    public Uni<RequestView> getRequest(@PathParam("id") UUID id) {
        return requests.get(id).map(RequestView::of);
    }

    @GET
    @RolesAllowed({Roles.CLIENT_SYSTEM, Roles.OPERATOR, Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "searchRequests", summary = "Search the tenant's requests, oldest arrival first",
            description = "Filters combine with AND; status and type may be repeated (or comma-separated) to match "
                    + "any of them. next is the offset of the following page.")
    public Uni<Page<RequestSummaryView>> searchRequests(
            @Parameter(schema = @Schema(type = SchemaType.ARRAY, implementation = RequestStatus.class))
            @QueryParam("status") List<String> status,
            @Parameter(schema = @Schema(type = SchemaType.ARRAY, implementation = RequestType.class))
            @QueryParam("type") List<String> type,
            @QueryParam("subjectRef") @Size(max = 128) String subjectRef,
            @QueryParam("externalId") @Size(max = 128) String externalId,
            @Parameter(description = "true: open and past the due date; false: the others",
                    schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("overdue") String overdue,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        RequestSearch search = new RequestSearch(enums("status", status, RequestStatus.class),
                enums("type", type, RequestType.class), subjectRef, externalId, bool("overdue", overdue));
        return requests.search(search, offset, limit).map(found -> new Page<>(
                found.stream().map(RequestSummaryView::of).toList(), limit,
                found.size() == limit ? Integer.toString(offset + limit) : null));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({Roles.OPERATOR, Roles.CLIENT_SYSTEM})
    @Operation(operationId = "cancelRequest", summary = "Cancel an open request, with the reason",
            description = "Only while the request is not COMPLETED, REFUSED or CANCELLED.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "409", description = "request-closed: the request already ended",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RequestView> cancelRequest(@PathParam("id") UUID id, @Valid @NotNull Cancellation cancellation) {
        return requests.cancel(id, cancellation).map(RequestView::of);
    }

    @GET
    @Path("/{id}/events")
    @RolesAllowed({Roles.CLIENT_SYSTEM, Roles.OPERATOR, Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "listRequestEvents", summary = "The request's append-only log: what happened, who, when")
    public Uni<Page<RequestEventView>> listRequestEvents(
            @PathParam("id") UUID id,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return requests.log(id, offset, limit).map(found -> new Page<>(
                found.stream().map(RequestEventView::of).toList(), limit,
                found.size() == limit ? Integer.toString(offset + limit) : null));
    }

    /** Query enums are parsed here so that a wrong value is a 400 naming the parameter, not a 404. */
    private static <E extends Enum<E>> List<E> enums(String field, List<String> values, Class<E> type) {
        List<E> parsed = new ArrayList<>();
        if (values == null) {
            return parsed;
        }
        for (String value : values) {
            for (String part : value.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    parsed.add(Enum.valueOf(type, part.trim()));
                } catch (IllegalArgumentException e) {
                    throw ProblemException.invalidField(field,
                            "must be one of " + Arrays.toString(type.getEnumConstants()));
                }
            }
        }
        return parsed;
    }

    private static Boolean bool(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.invalidField(field, "must be true or false");
        };
    }
}
