package dev.mamori.request.rest;

import dev.mamori.platform.problem.Problem;
import dev.mamori.platform.tenant.Roles;
import dev.mamori.request.service.IdentityDocumentService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The copies of identity documents kept for a request, for the staff who verify the requester (operators and
 * privacy officers; auditors see the audit lines, not the copies). A copy is always an attachment that the browser
 * may neither sniff nor run.
 */
@Path("/v1/requests/{id}/identity-documents")
@RolesAllowed({Roles.OPERATOR, Roles.PRIVACY_OFFICER})
@Tag(
        name = "Data-subject requests",
        description = "Requests about a person's retained data: notification, disclosure, correction, stop and erasure "
                + "(APPI Arts. 32-39)")
public class IdentityDocumentResource {

    /** Nothing in a served copy may run or load anything, even if a browser opened it. */
    static final String SANDBOX = "sandbox; default-src 'none'";

    private final IdentityDocumentService documents;

    public IdentityDocumentResource(IdentityDocumentService documents) {
        this.documents = documents;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "listIdentityDocuments",
            summary = "The copies of identity documents kept for a request",
            description = "Uploaded by the requester or stored with a verification; deleted ones are absent. Audited.")
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = IdentityDocumentView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<IdentityDocumentView>> listIdentityDocuments(@PathParam("id") UUID id) {
        return documents
                .list(id)
                .map(found -> found.stream().map(IdentityDocumentView::of).toList());
    }

    @GET
    @Path("/{documentId}/content")
    @Produces({"image/jpeg", "image/png", "application/pdf", Problem.MEDIA_TYPE})
    @Operation(
            operationId = "getIdentityDocumentContent",
            summary = "A copy's bytes, as an attachment",
            description = "Served with the type its bytes are, never cached, never sniffed, sandboxed. Audited.")
    @APIResponse(
            responseCode = "200",
            content = {
                @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    @APIResponse(
            responseCode = "404",
            description = "No such request, or document-not-found (unknown, or deleted after its retention)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> getIdentityDocumentContent(
            @PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        return documents.content(id, documentId).map(c -> Response.ok(c.bytes(), c.contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + c.fileName() + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", SANDBOX)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build());
    }
}
