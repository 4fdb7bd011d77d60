package dev.mamori.retention.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.problem.Problem;
import dev.mamori.platform.subject.SubjectRef;
import dev.mamori.platform.tenant.Roles;
import dev.mamori.retention.service.DataCategoryDraft;
import dev.mamori.retention.service.HoldingBatch;
import dev.mamori.retention.service.HoldingDraft;
import dev.mamori.retention.service.HoldingService;
import dev.mamori.retention.service.RetentionPolicy;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/holdings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Holdings",
        description = "What client systems hold about each person, and when it is deleted (APPI Art. 22)")
public class HoldingResource {

    private final HoldingService holdings;
    private final RetentionPolicy policy;
    private final ObjectMapper json;

    public HoldingResource(HoldingService holdings, RetentionPolicy policy, ObjectMapper json) {
        this.holdings = holdings;
        this.policy = policy;
        this.json = json;
    }

    @POST
    @RolesAllowed({Roles.CLIENT_SYSTEM, Roles.OPERATOR, Roles.SERVICE})
    @Operation(
            operationId = "registerHolding",
            summary = "Register one thing a client system holds about a person; answers its deletion date and why")
    @APIResponse(
            responseCode = "201",
            description = "Registered",
            content = @Content(schema = @Schema(implementation = HoldingView.class)))
    @APIResponse(
            responseCode = "409",
            description = "This record of the person is already registered",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "The category is not in the ledger, or collectedAt is in the future",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> registerHolding(
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull HoldingDraft draft) {
        // PlainWrites writes the answer to JSON once, the text sent being the one stored with the key.
        return holdings.register(idempotencyKey, draft, h -> Response.created(
                        URI.create("/v1/subjects/" + SubjectRef.pathSegment(h.subjectRef) + "/holdings"))
                .entity(HoldingView.of(h, policy))
                .build());
    }

    @POST
    @Path("/batch")
    @RolesAllowed({Roles.CLIENT_SYSTEM, Roles.OPERATOR, Roles.SERVICE})
    @Operation(
            operationId = "registerHoldings",
            summary = "Register up to 5,000 holdings all together or not at all",
            description = "If any row is wrong nothing is written, and the problem lists the row errors (at most "
                    + "1,000) with the full path as field, e.g. holdings[3].collectedAt; the detail gives the counts. "
                    + "The answer is a summary: the new ids in request order (ids[i] belongs to holdings[i]), the "
                    + "range of deletion dates and the count per category; each holding's full view with its "
                    + "explanation is read with GET /v1/subjects/{subjectRef}/holdings. With an Idempotency-Key a "
                    + "retry replays the same summary without registering anything again.")
    @APIResponse(
            responseCode = "201",
            description = "All registered; a summary with the new ids in request order",
            content = @Content(schema = @Schema(implementation = HoldingBatchResult.class)))
    @APIResponse(
            responseCode = "422",
            description = "Some rows are wrong; nothing was written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> registerHoldings(
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull HoldingBatch batch) {
        // The summary is written to JSON once: the same text is the answer and the stored answer a retry with the
        // same Idempotency-Key replays byte for byte.
        return holdings.registerAll(idempotencyKey, batch, registered -> Response.status(Response.Status.CREATED)
                .type(MediaType.APPLICATION_JSON)
                .entity(json(HoldingBatchResult.of(registered, policy)))
                .build());
    }

    /** How many holdings matched, and about how many distinct persons. */
    @Schema(name = "HoldingCount")
    public record HoldingCount(long holdings, long persons) {}

    @GET
    @Path("/count")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.OPERATOR, Roles.SERVICE})
    @Operation(
            operationId = "countHoldings",
            summary = "Count the holdings of categories, and their distinct persons, optionally in named owning "
                    + "systems and a collection period [collectedFrom, collectedTo)",
            description = "What an incident's scope needs (APPI Art. 26; PPC Rule 8(1), the number of persons) "
                    + "instead of counting by hand.")
    public Uni<HoldingCount> countHoldings(
            @QueryParam("category") @NotEmpty @Size(max = 50)
                    List<
                                    @NotBlank
                                    @Pattern(regexp = DataCategoryDraft.CODE, message = "must be a category code")
                                    String>
                            categories,
            @QueryParam("owningSystem") @Size(max = 50) List<@NotBlank @Size(max = 64) String> owningSystems,
            @QueryParam("collectedFrom") OffsetDateTime collectedFrom,
            @QueryParam("collectedTo") OffsetDateTime collectedTo) {
        return holdings.count(categories, owningSystems, collectedFrom, collectedTo)
                .map(c -> new HoldingCount(c.holdings(), c.persons()));
    }

    private String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the batch summary", e);
        }
    }
}
