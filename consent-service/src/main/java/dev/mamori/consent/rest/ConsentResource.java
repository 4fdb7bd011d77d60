package dev.mamori.consent.rest;

import dev.mamori.consent.service.ConsentDraft;
import dev.mamori.consent.service.ConsentImport;
import dev.mamori.consent.service.ConsentService;
import dev.mamori.consent.service.ReceiptService;
import dev.mamori.consent.service.WithdrawalDraft;
import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.problem.Problem;
import dev.mamori.platform.tenant.Roles;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/consents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Consents",
        description = "Consents and refusals with evidence, withdrawals, receipts (APPI Arts. 18, 20(2), 27, 28)")
public class ConsentResource {

    @Schema(name = "ConsentImportResult")
    public record ImportResult(int imported, List<UUID> ids) {}

    private final ConsentService consents;
    private final ReceiptService receipts;

    public ConsentResource(ConsentService consents, ReceiptService receipts) {
        this.consents = consents;
        this.receipts = receipts;
    }

    @POST
    @RolesAllowed({Roles.CLIENT_SYSTEM, Roles.OPERATOR, Roles.PRIVACY_OFFICER})
    @Operation(
            operationId = "recordConsent",
            summary = "Record a person's consent or refusal to a purpose version, with evidence")
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content = @Content(schema = @Schema(implementation = ConsentView.class)))
    @APIResponse(
            responseCode = "422",
            description = "Unknown purpose or version, sensitive categories not named, "
                    + "a minor without a statutory agent, a capture time in the future",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> recordConsent(
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull ConsentDraft draft) {
        return consents.record(
                idempotencyKey, draft, c -> Response.created(URI.create("/v1/consents/" + c.consent().id))
                        .entity(ConsentView.of(c))
                        .build());
    }

    @POST
    @Path("/import")
    @RolesAllowed({Roles.CLIENT_SYSTEM, Roles.PRIVACY_OFFICER})
    @Operation(
            operationId = "importConsents",
            summary = "Import up to 5,000 existing consents at once: all or nothing, " + "every wrong row named")
    @APIResponse(
            responseCode = "201",
            description = "All imported",
            content = @Content(schema = @Schema(implementation = ImportResult.class)))
    public Uni<Response> importConsents(
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull ConsentImport body) {
        return consents.importAll(idempotencyKey, body, all -> Response.status(201)
                .entity(new ImportResult(all.size(), all.stream().map(c -> c.id).toList()))
                .build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CLIENT_SYSTEM, Roles.OPERATOR, Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "getConsent", summary = "One consent with its evidence and withdrawal")
    public Uni<ConsentView> getConsent(@PathParam("id") UUID id) {
        return consents.get(id).map(ConsentView::of);
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed({Roles.CLIENT_SYSTEM, Roles.OPERATOR, Roles.PRIVACY_OFFICER})
    @Operation(
            operationId = "withdrawConsent",
            summary = "Withdraw a consent; history is kept and a second "
                    + "withdrawal changes nothing (409 already-withdrawn)")
    @APIResponse(
            responseCode = "200",
            description = "Withdrawn",
            content = @Content(schema = @Schema(implementation = ConsentView.class)))
    public Uni<Response> withdrawConsent(
            @PathParam("id") UUID id,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull WithdrawalDraft draft) {
        return consents.withdraw(
                idempotencyKey, id, draft, c -> Response.ok(ConsentView.of(c)).build());
    }

    @GET
    @Path("/{id}/receipt")
    @RolesAllowed({Roles.CLIENT_SYSTEM, Roles.OPERATOR, Roles.PRIVACY_OFFICER, Roles.SERVICE})
    @Operation(operationId = "getConsentReceipt", summary = "The consent as a Kantara Consent Receipt v1.1 document")
    public Uni<Map<String, Object>> getConsentReceipt(@PathParam("id") UUID id) {
        return receipts.receipt(id);
    }
}
