package dev.mamori.retention.rest;

import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.paging.Page;
import dev.mamori.platform.problem.Problem;
import dev.mamori.platform.tenant.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import dev.mamori.retention.service.CertificateService;
import dev.mamori.retention.service.RetentionPolicy;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;

@Path("/v1/deletion-certificates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deletion certificates", description = "Proof of erasure for the client company (削除証明書), with a digest "
        + "that shows any later edit of the evidence")
public class CertificateResource {

    private final CertificateService certificates;
    private final RetentionPolicy policy;

    public CertificateResource(CertificateService certificates, RetentionPolicy policy) {
        this.certificates = certificates;
        this.policy = policy;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.CLIENT_SYSTEM, Roles.SERVICE})
    @Operation(operationId = "issueDeletionCertificate",
            summary = "Issue a deletion certificate for a period (from, to: Japan dates) or for one erasure request",
            description = "Each call issues and records a certificate (id, scope, item count, digest) whose items are "
                    + "the erasure evidence; format=html answers the readable form for the client company.")
    @APIResponse(responseCode = "200", description = "The certificate",
            content = @Content(schema = @Schema(implementation = CertificateView.class)))
    @APIResponse(responseCode = "400", description = "Neither a period nor a requestRef",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> issueDeletionCertificate(@QueryParam("from") @Schema(format = "date") String fromText,
                                                  @QueryParam("to") @Schema(format = "date") String toText,
                                                  @QueryParam("requestRef") String requestRef,
                                                  @QueryParam("format") @DefaultValue("json")
                                                  @Pattern(regexp = "json|html", message = "must be json or html") String format) {
        Uni<CertificateService.Issued> issued;
        LocalDate from = date("from", fromText);
        LocalDate to = date("to", toText);
        if (requestRef != null) {
            if (from != null || to != null) {
                throw dev.mamori.platform.problem.ProblemException.invalidField("requestRef",
                        "give either a period (from, to) or a requestRef, not both");
            }
            issued = certificates.issueForRequest(requestRef);
        } else {
            if (from == null) {
                throw dev.mamori.platform.problem.ProblemException.invalidField("from", "is required (a date, YYYY-MM-DD)");
            }
            if (to == null) {
                throw dev.mamori.platform.problem.ProblemException.invalidField("to", "is required (a date, YYYY-MM-DD)");
            }
            issued = certificates.issueForPeriod(from, to);
        }
        return issued.map(i -> render(CertificateView.of(i.certificate(), i.items(), policy.zone()), format));
    }

    @GET
    @Path("/{id}")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.CLIENT_SYSTEM, Roles.SERVICE})
    @Operation(operationId = "getDeletionCertificate", summary = "An issued certificate, as JSON or (format=html) readable")
    public Uni<Response> getDeletionCertificate(@PathParam("id") UUID id,
                                                @QueryParam("format") @DefaultValue("json")
                                                @Pattern(regexp = "json|html", message = "must be json or html") String format) {
        return certificates.get(id).map(i -> render(CertificateView.of(i.certificate(), i.items(), policy.zone()), format));
    }

    @GET
    @Path("/{id}/verification")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.CLIENT_SYSTEM, Roles.SERVICE})
    @Operation(operationId = "verifyDeletionCertificate",
            summary = "Recompute the certificate's digest from the evidence: does it still match?")
    public Uni<CertificateService.Verification> verifyDeletionCertificate(@PathParam("id") UUID id) {
        return certificates.verify(id);
    }

    private static LocalDate date(String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw dev.mamori.platform.problem.ProblemException.invalidField(field, "is not a valid date (YYYY-MM-DD)");
        }
    }

    private Response render(CertificateView view, String format) {
        if ("html".equals(format)) {
            return Response.ok(CertificateHtml.render(view, policy.zone()), "text/html; charset=UTF-8").build();
        }
        return Response.ok(view, MediaType.APPLICATION_JSON).build();
    }
}
