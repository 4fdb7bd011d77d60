package dev.mamori.thirdparty.rest;

import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.problem.Problem;
import dev.mamori.platform.tenant.Roles;
import dev.mamori.thirdparty.service.ReceiptDraft;
import dev.mamori.thirdparty.service.ReceiptService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The receipt ledger: append-only, so there is no update or delete endpoint. */
@Path("/v1/receipts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Receipt records",
        description = "Records of personal data received from third parties (APPI Art. 30; "
                + "PPC Rules 23-25), append-only")
public class ReceiptResource {

    private final ReceiptService receipts;

    public ReceiptResource(ReceiptService receipts) {
        this.receipts = receipts;
    }

    @POST
    @RolesAllowed({Roles.CLIENT_SYSTEM, Roles.OPERATOR, Roles.PRIVACY_OFFICER, Roles.SERVICE})
    @Operation(
            operationId = "recordReceipt",
            summary = "Record personal data received from a third party, with its retention end computed")
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content = @Content(schema = @Schema(implementation = ReceiptView.class)))
    @APIResponse(
            responseCode = "422",
            description = "receipt-refused: every failing check at once (errors name the fields, rules the codes)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> recordReceipt(
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull ReceiptDraft draft) {
        return receipts.record(idempotencyKey, draft, r -> Response.created(URI.create("/v1/receipts/" + r.record().id))
                .entity(ReceiptView.of(r))
                .build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.CLIENT_SYSTEM, Roles.OPERATOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "getReceipt", summary = "A receipt record with all its principals (audited per principal)")
    @APIResponse(
            responseCode = "200",
            description = "The record",
            content = @Content(schema = @Schema(implementation = ReceiptView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such record in this tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ReceiptView> getReceipt(@PathParam("id") UUID id) {
        return receipts.get(id).map(ReceiptView::of);
    }
}
