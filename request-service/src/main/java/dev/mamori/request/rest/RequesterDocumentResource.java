package dev.mamori.request.rest;

import dev.mamori.platform.problem.Problem;
import dev.mamori.platform.tenant.Roles;
import dev.mamori.request.service.RequesterDocumentService;
import dev.mamori.request.service.RequesterDocumentUpload;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The privacy center forwards a copy of an identity document its requester uploaded after confirming a filing,
 * behind its own service token; the tenant is the one the token's caller names.
 */
@Path("/v1/online-filings/documents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SERVICE)
@Tag(
        name = "Online filings",
        description = "Requests filed by the requester on the privacy center and confirmed with a code mailed to them")
public class RequesterDocumentResource {

    private final RequesterDocumentService documents;

    public RequesterDocumentResource(RequesterDocumentService documents) {
        this.documents = documents;
    }

    @POST
    @Operation(
            operationId = "uploadRequesterDocument",
            summary = "Upload a copy of an identity document to a request filed online",
            description = "With the receipt number and the uploadToken of the confirmation, within the upload "
                    + "window, at most 5 per request. JPEG, PNG or PDF judged by the bytes; a copy showing a My "
                    + "Number is refused and nothing is stored. Kept encrypted until the copy retention ends.")
    @APIResponse(
            responseCode = "201",
            description = "Kept",
            content = @Content(schema = @Schema(implementation = RequesterDocumentView.class)))
    @APIResponse(
            responseCode = "404",
            description = "receipt-not-found: unknown receipt, wrong token or another tenant's (the same answer)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "document-limit (5 per request) or request-closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "410",
            description = "upload-window-closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "my-number-shown, document-content-unsupported, copy-too-large, "
                    + "insurance-number-not-masked, identity-holder-required, agent-not-applicable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> uploadRequesterDocument(@Valid @NotNull RequesterDocumentUpload upload) {
        return documents.upload(upload).map(s -> Response.status(Response.Status.CREATED)
                .entity(RequesterDocumentView.of(s))
                .build());
    }
}
