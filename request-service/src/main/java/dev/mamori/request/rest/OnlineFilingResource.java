package dev.mamori.request.rest;

import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.problem.Problem;
import dev.mamori.platform.tenant.Roles;
import dev.mamori.request.service.CodeConfirmation;
import dev.mamori.request.service.OnlineFilingForm;
import dev.mamori.request.service.OnlineFilingService;
import dev.mamori.request.service.StatusQuery;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The privacy center's request form, behind its own service token: a filing, its confirmation by the code mailed to
 * the requester, and the requester's status lookup. The tenant is the one the token's caller names.
 */
@Path("/v1/online-filings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SERVICE)
@Tag(
        name = "Online filings",
        description = "Requests filed by the requester on the privacy center and confirmed with a code mailed to them")
public class OnlineFilingResource {

    private final OnlineFilingService filings;

    public OnlineFilingResource(OnlineFilingService filings) {
        this.filings = filings;
    }

    @POST
    @Operation(
            operationId = "fileOnline",
            summary = "File a request; a six-digit code is mailed to the requester",
            description = "Nothing is a request yet: the code (valid 10 minutes, 5 tries) confirms it. Honours "
                    + "Idempotency-Key.")
    @APIResponse(
            responseCode = "202",
            description = "Code mailed",
            content = @Content(schema = @Schema(implementation = FilingCodeView.class)))
    @APIResponse(
            responseCode = "422",
            description = "A detail the request type needs is missing or does not fit it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> fileOnline(
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull OnlineFilingForm form) {
        return filings.file(idempotencyKey, form, sent -> Response.accepted(FilingCodeView.of(sent))
                .build());
    }

    @POST
    @Path("/{filingId}/confirmation")
    @Operation(
            operationId = "confirmOnlineFiling",
            summary = "Confirm a filing with the mailed code; the request is made",
            description = "The request starts IDENTITY_UNVERIFIED, channel WEB, with a receipt number and no "
                    + "subjectRef; a receipt mail goes to the requester. Honours Idempotency-Key.")
    @APIResponse(
            responseCode = "201",
            description = "The request made",
            content = @Content(schema = @Schema(implementation = FiledRequestView.class)))
    @APIResponse(
            responseCode = "404",
            description = "filing-not-found: unknown, another tenant's, or already confirmed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "410",
            description = "code-expired: ask for a new code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "code-wrong, with attemptsLeft",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "429",
            description = "code-tries-exhausted: ask for a new code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> confirmOnlineFiling(
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @PathParam("filingId") UUID filingId,
            @Valid @NotNull CodeConfirmation confirmation) {
        return filings.confirm(
                idempotencyKey,
                filingId,
                confirmation.code(),
                "/v1/online-filings/" + filingId + "/confirmation",
                filed -> Response.status(Response.Status.CREATED)
                        .entity(FiledRequestView.of(filed))
                        .build());
    }

    @POST
    @Path("/{filingId}/code")
    @Operation(
            operationId = "resendFilingCode",
            summary = "Mail a fresh code for an unconfirmed filing; the old one is void",
            description = "At most five codes per filing.")
    @APIResponse(
            responseCode = "202",
            description = "Code mailed",
            content = @Content(schema = @Schema(implementation = FilingCodeView.class)))
    @APIResponse(
            responseCode = "404",
            description = "filing-not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "429",
            description = "code-resend-limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> resendFilingCode(@PathParam("filingId") UUID filingId) {
        return filings.resend(filingId)
                .map(sent -> Response.accepted(FilingCodeView.of(sent)).build());
    }

    @POST
    @Path("/status")
    @Operation(
            operationId = "filedRequestStatus",
            summary = "Where a request filed online stands, by receipt number and the requester's email",
            description = "A wrong pair, an unknown receipt number and another tenant's are the same 404.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = FiledStatusView.class)))
    @APIResponse(
            responseCode = "404",
            description = "receipt-not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<FiledStatusView> filedRequestStatus(@Valid @NotNull StatusQuery query) {
        return filings.status(query).map(FiledStatusView::of);
    }
}
