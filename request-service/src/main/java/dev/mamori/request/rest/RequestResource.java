package dev.mamori.request.rest;

import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.paging.Page;
import dev.mamori.platform.problem.Problem;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.subject.SubjectRef;
import dev.mamori.platform.tenant.Roles;
import dev.mamori.platform.text.Csv;
import dev.mamori.platform.time.JapanTime;
import dev.mamori.request.RequestStatus;
import dev.mamori.request.RequestType;
import dev.mamori.request.service.Cancellation;
import dev.mamori.request.service.Closure;
import dev.mamori.request.service.DeadlineService;
import dev.mamori.request.service.Decision;
import dev.mamori.request.service.DecisionService;
import dev.mamori.request.service.Extension;
import dev.mamori.request.service.FulfilmentService;
import dev.mamori.request.service.HandlingRecordExport;
import dev.mamori.request.service.IdentityVerification;
import dev.mamori.request.service.NotificationService;
import dev.mamori.request.service.Pause;
import dev.mamori.request.service.RequestIntake;
import dev.mamori.request.service.RequestSearch;
import dev.mamori.request.service.RequestService;
import dev.mamori.request.service.ResultNotification;
import dev.mamori.request.service.SubjectLink;
import dev.mamori.request.service.VerificationService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
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
@Tag(
        name = "Data-subject requests",
        description = "Requests about a person's retained data: notification, disclosure, correction, stop and erasure "
                + "(APPI Arts. 32-39)")
public class RequestResource {

    private final RequestService requests;
    private final VerificationService verification;
    private final DecisionService decisions;
    private final DeadlineService deadlines;
    private final FulfilmentService fulfilment;
    private final HandlingRecordExport export;
    private final NotificationService notifications;
    private final Clock clock;

    public RequestResource(
            RequestService requests,
            VerificationService verification,
            DecisionService decisions,
            DeadlineService deadlines,
            FulfilmentService fulfilment,
            HandlingRecordExport export,
            NotificationService notifications,
            Clock clock) {
        this.requests = requests;
        this.verification = verification;
        this.decisions = decisions;
        this.deadlines = deadlines;
        this.fulfilment = fulfilment;
        this.export = export;
        this.notifications = notifications;
        this.clock = clock;
    }

    @POST
    @RolesAllowed({Roles.CLIENT_SYSTEM, Roles.OPERATOR, Roles.SERVICE})
    @Operation(
            operationId = "createRequest",
            summary = "Take in a request; it starts IDENTITY_UNVERIFIED",
            description = "Honours Idempotency-Key. The answer masks the requester's personal data (it is kept to "
                    + "answer retries).")
    @APIResponse(
            responseCode = "201",
            description = "Received",
            content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(
            responseCode = "409",
            description = "duplicate-request: the person has an open request of this type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "A detail the request type needs is missing or does not fit it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> createRequest(
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull RequestIntake intake) {
        // PlainWrites writes the answer to JSON once: the same text is sent and stored with the Idempotency-Key,
        // which a retry replays byte for byte.
        return requests.receive(
                idempotencyKey, intake, d -> Response.created(URI.create("/v1/requests/" + d.request().id))
                        .entity(RequestView.of(d))
                        .build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CLIENT_SYSTEM, Roles.OPERATOR, Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.SERVICE})
    @Operation(
            operationId = "getRequest",
            summary = "A request with its status and deadlines",
            description = "Privacy officers see the requester's personal data in full; other roles see contact "
                    + "details masked and no correction content.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RequestView.class)))
    public Uni<RequestView> getRequest(@PathParam("id") UUID id) {
        return requests.get(id).map(RequestView::of);
    }

    @GET
    @RolesAllowed({Roles.CLIENT_SYSTEM, Roles.OPERATOR, Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.SERVICE})
    @Operation(
            operationId = "searchRequests",
            summary = "Search the tenant's requests, oldest arrival first or most urgent first",
            description = "Filters combine with AND; status and type may be repeated (or comma-separated) to match "
                    + "any of them. next is the offset of the following page.")
    public Uni<Page<RequestSummaryView>> searchRequests(
            @Parameter(schema = @Schema(type = SchemaType.ARRAY, implementation = RequestStatus.class))
                    @QueryParam("status")
                    List<String> status,
            @Parameter(schema = @Schema(type = SchemaType.ARRAY, implementation = RequestType.class))
                    @QueryParam("type")
                    List<String> type,
            @QueryParam("subjectRef") @Pattern(regexp = SubjectRef.PATTERN, message = SubjectRef.MESSAGE)
                    String subjectRef,
            @QueryParam("externalId") @Size(max = 128) String externalId,
            @Parameter(
                            description = "true: open and past the due date; false: the others",
                            schema = @Schema(type = SchemaType.BOOLEAN))
                    @QueryParam("overdue")
                    String overdue,
            @Parameter(description = "Only requests due on or before this Japan date", example = "2026-04-30")
                    @QueryParam("dueBy")
                    String dueBy,
            @Parameter(
                            description = "received (default): oldest arrival first; due: open requests first, "
                                    + "the soonest due first (a worklist's order), then the closed ones",
                            schema = @Schema(enumeration = {"received", "due"}))
                    @QueryParam("sort")
                    String sort,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        RequestSearch search = new RequestSearch(
                enums("status", status, RequestStatus.class),
                enums("type", type, RequestType.class),
                subjectRef,
                externalId,
                bool("overdue", overdue),
                dueBy == null || dueBy.isBlank() ? null : date("dueBy", dueBy, null),
                order(sort));
        return requests.search(search, offset, limit)
                .map(found -> Page.of(found.stream().map(RequestSummaryView::of).toList(), offset, limit));
    }

    @PUT
    @Path("/{id}/subject")
    @RolesAllowed({Roles.OPERATOR, Roles.PRIVACY_OFFICER, Roles.CLIENT_SYSTEM})
    @Operation(
            operationId = "linkRequestSubject",
            summary = "Link a request filed online to the company's reference of the person",
            description = "Once; the same subjectRef again changes nothing. The request's log records who linked it. "
                    + "Until it is linked, the request cannot be approved (409 subject-not-linked).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(
            responseCode = "409",
            description = "subject-already-linked (to another person), duplicate-request (the person has an open "
                    + "request of this type), request-closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RequestView> linkRequestSubject(@PathParam("id") UUID id, @Valid @NotNull SubjectLink link) {
        return requests.linkSubject(id, link).map(RequestView::of);
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({Roles.OPERATOR, Roles.CLIENT_SYSTEM})
    @Operation(
            operationId = "cancelRequest",
            summary = "Cancel an open request, with the reason",
            description = "Only while the request is not COMPLETED, REFUSED or CANCELLED.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(
            responseCode = "409",
            description = "request-closed: the request already ended",
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
        return requests.log(id, offset, limit)
                .map(found -> Page.of(found.stream().map(RequestEventView::of).toList(), offset, limit));
    }

    @POST
    @Path("/{id}/identity-verification")
    @RolesAllowed({Roles.OPERATOR, Roles.PRIVACY_OFFICER})
    @Operation(
            operationId = "verifyIdentity",
            summary = "Record how the requester was verified (Art. 37(1))",
            description = "DOCUMENTS: one photo document or two others; a My Number card only by its front; "
                    + "health-insurance documents only with the insurer number masked. Copies are encrypted and "
                    + "deleted after a short period; the request keeps method, document types, who and when. "
                    + "CALLBACK_TO_REGISTERED_NUMBER: a call back to the number on record. The request moves to "
                    + "PENDING_DECISION.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(
            responseCode = "409",
            description = "identity-already-verified, request-closed, request-paused",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "my-number-not-accepted (a document, copy or free text "
                    + "showing a My Number; nothing stored), my-number-declaration-required, insurance-number-not-masked, "
                    + "insufficient-identity-documents, document-no-longer-valid, identity-holder-required, "
                    + "agent-identity-required, agent-not-applicable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RequestView> verifyIdentity(@PathParam("id") UUID id, @Valid @NotNull IdentityVerification body) {
        return verification.verify(id, body).map(RequestView::of);
    }

    @POST
    @Path("/{id}/decision")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(
            operationId = "decideRequest",
            summary = "The client company's decision on a verified request",
            description = "APPROVED and PARTIALLY_APPROVED queue the calls that carry the request out across the "
                    + "suite (see fulfilment in the request); REFUSED (with refusalGround and reason, Arts. 33(2), 36; "
                    + "a PURPOSE_NOTIFICATION only on the Art. 32(2) grounds) and NO_DATA close it with the person's "
                    + "notice. One decision per request.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(
            responseCode = "409",
            description = "identity-not-verified, already-decided, request-closed, request-paused, "
                    + "subject-not-linked (an online filing not linked to a person cannot be approved)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "refusal-ground-required, refusal-reason-required, "
                    + "refusal-ground-not-applicable, fee-not-applicable, scope-required, partial-not-supported",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RequestView> decideRequest(@PathParam("id") UUID id, @Valid @NotNull Decision decision) {
        return decisions.decide(id, decision).map(RequestView::of);
    }

    @POST
    @Path("/{id}/pause")
    @RolesAllowed({Roles.OPERATOR, Roles.PRIVACY_OFFICER})
    @Operation(operationId = "pauseRequest", summary = "Wait for the requester; the clock stops until resumed")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RequestView.class)))
    public Uni<RequestView> pauseRequest(@PathParam("id") UUID id, @Valid @NotNull Pause pause) {
        return deadlines.pause(id, pause).map(RequestView::of);
    }

    @POST
    @Path("/{id}/resume")
    @RolesAllowed({Roles.OPERATOR, Roles.PRIVACY_OFFICER})
    @Operation(
            operationId = "resumeRequest",
            summary = "The requester answered; the due date moves by the business " + "days spent waiting")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RequestView.class)))
    public Uni<RequestView> resumeRequest(@PathParam("id") UUID id) {
        return deadlines.resume(id).map(RequestView::of);
    }

    @POST
    @Path("/{id}/extension")
    @RolesAllowed({Roles.OPERATOR, Roles.PRIVACY_OFFICER})
    @Operation(operationId = "extendRequest", summary = "Extend the due date, with the notice to send the person")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ExtensionView.class)))
    public Uni<ExtensionView> extendRequest(@PathParam("id") UUID id, @Valid @NotNull Extension extension) {
        return deadlines
                .extend(id, extension)
                .map(e -> new ExtensionView(
                        RequestView.of(e.details()),
                        new NoticeView(e.notice().ja(), e.notice().en())));
    }

    @POST
    @Path("/{id}/fulfilment/retry")
    @RolesAllowed({Roles.OPERATOR, Roles.PRIVACY_OFFICER})
    @Operation(
            operationId = "retryFulfilment",
            summary = "Send the failed (or waiting) calls of a request again now",
            description =
                    "Each call keeps its Idempotency-Key, so a target that already did it does not do it " + "twice.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(
            responseCode = "409",
            description = "nothing-to-retry",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RequestView> retryFulfilment(@PathParam("id") UUID id) {
        return requests.retryFulfilment(id).map(RequestView::of);
    }

    @POST
    @Path("/{id}/closure")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(
            operationId = "closeRequest",
            summary = "Close an approved request whose fulfilment failed for good",
            description = "The client company's privacy officer ends an IN_PROGRESS request once none of its calls is "
                    + "still queued or retrying and at least one FAILED (e.g. a target answered a 4xx no retry can "
                    + "cure). The request becomes COMPLETED with what was done; the person's notice lists what was "
                    + "and was not carried out, with the reason given (Arts. 35(7), 36). Failed calls are not sent "
                    + "again afterwards. Honours Idempotency-Key. Audited.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(
            responseCode = "409",
            description = "fulfilment-pending (calls still queued or retrying), "
                    + "nothing-failed, request-not-in-progress, request-closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> closeRequest(
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @PathParam("id") UUID id,
            @Valid @NotNull Closure closure) {
        return requests.close(
                idempotencyKey, id, closure, d -> Response.ok(RequestView.of(d)).build());
    }

    @POST
    @Path("/{id}/result/notification")
    @RolesAllowed({Roles.OPERATOR, Roles.PRIVACY_OFFICER})
    @Operation(
            operationId = "recordResultNotification",
            summary = "Record that the result notice was sent to the " + "person",
            description = "How (POST, EMAIL, ELECTRONIC_DELIVERY) and when (sentAt, default now); the "
                    + "caller is recorded as who sent it. Only once the request has its result (COMPLETED or REFUSED). "
                    + "Recording the same sending again changes nothing; a different one is refused. Shown as notifiedAt, "
                    + "notifiedVia and notifiedBy and in the handling record. Audited.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(
            responseCode = "409",
            description = "result-not-ready, already-notified",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "sent-at-out-of-range (in the future or before the result)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RequestView> recordResultNotification(
            @PathParam("id") UUID id, @Valid @NotNull ResultNotification notification) {
        return notifications.recordAndRead(id, notification).map(RequestView::of);
    }

    @GET
    @Path("/{id}/result")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML, "text/csv"})
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.OPERATOR, Roles.CLIENT_SYSTEM})
    @Operation(
            operationId = "getRequestResult",
            summary = "What a COMPLETED or REFUSED request produced",
            description = "The person's notice (ja/en), what each target did, and for disclosures the package: "
                    + "consents and their history, third-party provision and receipt records, holdings and their "
                    + "retention. format=json (default), html (a readable document) or csv. Audited.")
    @APIResponse(
            responseCode = "409",
            description = "result-not-ready",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> getRequestResult(
            @PathParam("id") UUID id,
            @Parameter(schema = @Schema(enumeration = {"json", "html", "csv"}))
                    @QueryParam("format")
                    @DefaultValue("json")
                    String format) {
        if (!List.of("json", "html", "csv").contains(format)) {
            throw ProblemException.invalidField("format", "must be json, html or csv");
        }
        return fulfilment.result(id).map(result -> switch (format) {
            case "html" ->
                Response.ok(ResultRenderer.html(result), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                        .build();
            case "csv" ->
                Response.ok(ResultRenderer.csv(result), Csv.MEDIA_TYPE)
                        .header("Content-Disposition", "attachment; filename=\"request-" + id + ".csv\"")
                        .build();
            default ->
                Response.ok(ResultView.of(result), MediaType.APPLICATION_JSON_TYPE)
                        .build();
        });
    }

    @GET
    @Path("/due")
    @RolesAllowed({Roles.OPERATOR, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(
            operationId = "listDueRequests",
            summary = "Open requests near or past their due date, most urgent " + "first",
            description = "withinBusinessDays defaults to the tenant's nearDueBusinessDays.")
    public Uni<Page<DueView>> listDueRequests(
            @QueryParam("withinBusinessDays") @Min(0) @Max(60) Integer withinBusinessDays,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return deadlines
                .due(withinBusinessDays, offset, limit)
                .map(found -> Page.of(found.stream().map(DueView::of).toList(), offset, limit));
    }

    @GET
    @Path("/handling-record.csv")
    @Produces("text/csv")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(
            operationId = "exportHandlingRecord",
            summary = "The PrivacyMark record of request handling, as CSV",
            description = "Requests that arrived between from and to (Japan dates, included; default the last 12 "
                    + "months): type, verification, decision, deadlines and whether each was answered in time. No "
                    + "names or contacts. Each exported request is audited.")
    public Uni<Response> exportHandlingRecord(@QueryParam("from") String from, @QueryParam("to") String to) {
        java.time.LocalDate today = JapanTime.today(clock);
        java.time.LocalDate end = date("to", to, today);
        java.time.LocalDate start = date("from", from, end.minusYears(1).plusDays(1));
        return export.csv(start, end).map(csv -> Response.ok(csv, Csv.MEDIA_TYPE)
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"request-handling-" + start + "-" + end + ".csv\"")
                .build());
    }

    private static java.time.LocalDate date(String field, String value, java.time.LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            java.time.LocalDate date = java.time.LocalDate.parse(value);
            if (date.getYear() < 1900 || date.getYear() > 2199) {
                throw ProblemException.invalidField(field, "must be a date between 1900 and 2199");
            }
            return date;
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be a date like 2026-04-01");
        }
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
                    throw ProblemException.invalidField(
                            field, "must be one of " + Arrays.toString(type.getEnumConstants()));
                }
            }
        }
        return parsed;
    }

    private static RequestSearch.Order order(String sort) {
        if (sort == null || sort.isBlank()) {
            return RequestSearch.Order.RECEIVED;
        }
        return switch (sort) {
            case "received" -> RequestSearch.Order.RECEIVED;
            case "due" -> RequestSearch.Order.DUE;
            default -> throw ProblemException.invalidField("sort", "must be received or due");
        };
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
