package dev.mamori.thirdparty.rest;

import dev.mamori.platform.paging.Page;
import dev.mamori.platform.tenant.Roles;
import dev.mamori.thirdparty.service.ReceiptService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The records about one person, for the disclosure of third-party provision records (APPI Art. 33(5)). */
@Path("/v1/subjects/{subjectRef}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Records about a person", description = "Every provision and receipt record about a principal, for "
        + "disclosure (APPI Art. 33(5))")
public class SubjectRecordResource {

    private final ReceiptService receipts;

    public SubjectRecordResource(ReceiptService receipts) {
        this.receipts = receipts;
    }

    @GET
    @Path("/receipts")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.CLIENT_SYSTEM, Roles.OPERATOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "listSubjectReceipts",
            summary = "Every receipt record about a person, newest first (audited with the subjectRef)",
            description = "Each record lists only this person among its principals.")
    public Uni<Page<ReceiptView>> listSubjectReceipts(
            @PathParam("subjectRef") @NotBlank @Size(max = 128) String subjectRef,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return receipts.aboutSubject(subjectRef, offset, limit).map(found -> new Page<>(
                found.stream().map(ReceiptView::of).toList(), limit,
                found.size() == limit ? Integer.toString(offset + limit) : null));
    }
}
