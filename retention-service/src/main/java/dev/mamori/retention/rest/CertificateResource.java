package dev.mamori.retention.rest;

import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.paging.Page;
import dev.mamori.platform.problem.Problem;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.tenant.Roles;
import dev.mamori.retention.service.CertificateDraft;
import dev.mamori.retention.service.CertificateService;
import dev.mamori.retention.service.RetentionPolicy;
import dev.mamori.retention.service.SubjectErasureDraft;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/deletion-certificates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Deletion certificates",
        description = "Proof of erasure for the client company (削除証明書), with a digest "
                + "that shows any later edit of the evidence")
public class CertificateResource {

    private final CertificateService certificates;
    private final RetentionPolicy policy;

    public CertificateResource(CertificateService certificates, RetentionPolicy policy) {
        this.certificates = certificates;
        this.policy = policy;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.CLIENT_SYSTEM, Roles.SERVICE})
    @Operation(
            operationId = "issueDeletionCertificate",
            summary = "Issue a deletion certificate for a period (from, to: Japan dates) or for one erasure request",
            description = "Issues and records a certificate (id, scope, item count, digest) whose items are the "
                    + "erasure evidence. With an Idempotency-Key a retry answers the same certificate without issuing "
                    + "another. The readable form for the client company is GET /v1/deletion-certificates/{id}"
                    + "?format=html.")
    @APIResponse(
            responseCode = "201",
            description = "Issued; Location names the certificate",
            content = @Content(schema = @Schema(implementation = CertificateView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Neither a period nor a requestRef, or both",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "The period ends before it starts, or covers too many erasures",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> issueDeletionCertificate(
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull CertificateDraft draft) {
        return certificates.issue(idempotencyKey, draft, i -> Response.created(
                        URI.create("/v1/deletion-certificates/" + i.certificate().id))
                .entity(CertificateView.of(i.certificate(), i.items(), policy.zone()))
                .build());
    }

    @GET
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.CLIENT_SYSTEM, Roles.SERVICE})
    @Operation(
            operationId = "listDeletionCertificates",
            summary = "The tenant's issued certificates, newest first, without their items (reading issues nothing)")
    @APIResponse(
            responseCode = "200",
            description = "A page of certificates",
            content = @Content(schema = @Schema(implementation = Page.class)))
    public Uni<Page<CertificateView>> listDeletionCertificates(
            @QueryParam("requestRef")
                    @Pattern(
                            regexp = SubjectErasureDraft.REQUEST_REF,
                            message = SubjectErasureDraft.REQUEST_REF_MESSAGE)
                    String requestRef,
            @QueryParam("from") @Schema(hidden = true) String from,
            @QueryParam("to") @Schema(hidden = true) String to,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        if (from != null || to != null) {
            // Once this GET issued a certificate for the period; a caller still doing so must learn it no longer does.
            throw ProblemException.invalidField(
                    from != null ? "from" : "to",
                    "a certificate for a period is issued with POST /v1/deletion-certificates; this list takes "
                            + "requestRef, offset and limit");
        }
        return certificates
                .list(requestRef, offset, limit)
                .map(found -> Page.of(
                        found.stream()
                                .map(c -> CertificateView.summary(c, policy.zone()))
                                .toList(),
                        offset,
                        limit));
    }

    @GET
    @Path("/{id}")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.CLIENT_SYSTEM, Roles.SERVICE})
    @Operation(
            operationId = "getDeletionCertificate",
            summary = "An issued certificate, as JSON or (format=html) readable")
    public Uni<Response> getDeletionCertificate(
            @PathParam("id") UUID id,
            @QueryParam("format") @DefaultValue("json") @Pattern(regexp = "json|html", message = "must be json or html")
                    String format) {
        return certificates
                .get(id)
                .map(i -> render(CertificateView.of(i.certificate(), i.items(), policy.zone()), format));
    }

    @GET
    @Path("/{id}/verification")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.CLIENT_SYSTEM, Roles.SERVICE})
    @Operation(
            operationId = "verifyDeletionCertificate",
            summary = "Recompute the certificate's digest from the evidence: does it still match?")
    public Uni<CertificateService.Verification> verifyDeletionCertificate(@PathParam("id") UUID id) {
        return certificates.verify(id);
    }

    private Response render(CertificateView view, String format) {
        if ("html".equals(format)) {
            return Response.ok(CertificateHtml.render(view, policy.zone()), "text/html; charset=UTF-8")
                    .build();
        }
        return Response.ok(view, MediaType.APPLICATION_JSON).build();
    }
}
