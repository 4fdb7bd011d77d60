package dev.mamori.request.rest;

import dev.mamori.platform.problem.Problem;
import dev.mamori.platform.tenant.Roles;
import dev.mamori.platform.text.Csv;
import dev.mamori.request.service.CodeConfirmation;
import dev.mamori.request.service.ResultDeliveryService;
import dev.mamori.request.service.ResultDeliveryService.Download;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The privacy center's download page of a result delivered electronically (APPI Art. 33(1)), behind its own service
 * token: the link mailed to the requester, a fresh code mailed on each visit, and the download with the grant the
 * right code gives. The tenant is the one the token's caller names; another tenant's link is not found.
 */
@Path("/v1/result-deliveries/{token}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SERVICE)
@Tag(name = "Result deliveries", description = "A result downloaded by the requester through a mailed link and code")
public class ResultDeliveryResource {

    /** The header that carries the grant: never a URL, so it stays out of logs and browser history. */
    public static final String GRANT_HEADER = "X-Download-Grant";

    private final ResultDeliveryService deliveries;

    public ResultDeliveryResource(ResultDeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    @POST
    @Path("/code")
    @Operation(
            operationId = "sendDeliveryCode",
            summary = "Mail a fresh six-digit code to the requester to open the link",
            description = "Valid 10 minutes, 5 tries; the previous code is void. At most 5 codes an hour per link.")
    @APIResponse(
            responseCode = "202",
            description = "Code mailed",
            content = @Content(schema = @Schema(implementation = DeliveryCodeView.class)))
    @APIResponse(
            responseCode = "404",
            description = "delivery-not-found: unknown, or another tenant's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "410",
            description = "delivery-expired",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "429",
            description = "code-resend-limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> sendDeliveryCode(@PathParam("token") String token) {
        return deliveries.sendCode(token).map(sent -> Response.accepted(DeliveryCodeView.of(sent))
                .build());
    }

    @POST
    @Path("/confirmation")
    @Operation(
            operationId = "confirmDeliveryCode",
            summary = "Confirm the mailed code; answers a short grant to download the result",
            description = "The code opens the link once. The grant lasts mamori.request.delivery.grant-validity "
                    + "(default 15 minutes) and downloads every format any number of times.")
    @APIResponse(
            responseCode = "200",
            description = "The grant",
            content = @Content(schema = @Schema(implementation = DeliveryGrantView.class)))
    @APIResponse(
            responseCode = "404",
            description = "delivery-not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "410",
            description = "code-expired (ask for a new code), delivery-expired",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "code-wrong, with attemptsLeft",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "429",
            description = "code-tries-exhausted: ask for a new code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> confirmDeliveryCode(
            @PathParam("token") String token, @Valid @NotNull CodeConfirmation confirmation) {
        return deliveries
                .confirm(token, confirmation.code())
                .map(a -> a.granted() != null
                        ? Response.ok(DeliveryGrantView.of(a.granted())).build()
                        : ResultDeliveryService.codeWrong(
                                a.attemptsLeft(), "/v1/result-deliveries/{token}/confirmation"));
    }

    @GET
    @Path("/package")
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(
            operationId = "downloadDeliveredResult",
            summary = "Download the result with a grant, as an attachment",
            description = "format=html (a readable document), json or csv, as the officer sees the result. Every "
                    + "download is audited (RESULT_DOWNLOADED) and on the request's timeline.")
    @APIResponse(responseCode = "200", description = "The result as an attachment")
    @APIResponse(
            responseCode = "400",
            description = "format is not html, json or csv",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "grant-invalid: missing, wrong or expired grant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "delivery-not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "410",
            description = "delivery-expired",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> downloadDeliveredResult(
            @PathParam("token") String token,
            @HeaderParam(GRANT_HEADER) String grant,
            @Parameter(schema = @Schema(enumeration = {"html", "json", "csv"}))
                    @QueryParam("format")
                    @DefaultValue("html")
                    String format) {
        return deliveries.download(token, grant, format).map(d -> attachment(d, format));
    }

    private static Response attachment(Download d, String format) {
        Response.ResponseBuilder answer =
                switch (format) {
                    case "json" -> Response.ok(ResultView.of(d.result()), MediaType.APPLICATION_JSON_TYPE);
                    case "csv" -> Response.ok(ResultRenderer.csv(d.result()), Csv.MEDIA_TYPE);
                    default ->
                        Response.ok(ResultRenderer.html(d.result()), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                                .header(
                                        "Content-Security-Policy",
                                        "sandbox; default-src 'none'; style-src 'unsafe-inline'");
                };
        return answer.header("Content-Disposition", "attachment; filename=\"" + d.receiptNumber() + "." + format + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .build();
    }
}
