package dev.mamori.retention.rest;

import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.paging.Page;
import dev.mamori.platform.problem.Problem;
import dev.mamori.platform.tenant.Roles;
import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.platform.text.Csv;
import dev.mamori.retention.service.DataCategoryDraft;
import dev.mamori.retention.service.DataCategoryService;
import dev.mamori.retention.service.LedgerCsv;
import dev.mamori.retention.service.RetentionPolicy;
import dev.mamori.retention.service.RetentionRuleDraft;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/data-categories")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Ledger",
        description = "The personal-information ledger (個人情報管理台帳, JIS Q 15001): categories of "
                + "personal data with items, purposes, storage, access and retention")
public class DataCategoryResource {

    private final DataCategoryService categories;
    private final TenantContext tenant;
    private final RetentionPolicy policy;
    private final Clock clock;

    public DataCategoryResource(
            DataCategoryService categories, TenantContext tenant, RetentionPolicy policy, Clock clock) {
        this.categories = categories;
        this.tenant = tenant;
        this.policy = policy;
        this.clock = clock;
    }

    @POST
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(
            operationId = "createDataCategory",
            summary = "Add a category of personal data to the ledger",
            description = "The retention rule defaults to 92 days from collection; a CONTRACT_END rule defaults to "
                    + "deletion when the client contract ends.")
    @APIResponse(
            responseCode = "201",
            description = "Added",
            content = @Content(schema = @Schema(implementation = DataCategoryView.class)))
    @APIResponse(
            responseCode = "409",
            description = "A category with this code exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "The entry breaks a rule",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> createDataCategory(
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull DataCategoryDraft draft) {
        return categories.create(
                idempotencyKey, draft, c -> Response.created(URI.create("/v1/data-categories/" + c.code))
                        .entity(DataCategoryView.of(c))
                        .build());
    }

    @GET
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.OPERATOR, Roles.CLIENT_SYSTEM, Roles.SERVICE})
    @Operation(operationId = "listDataCategories", summary = "Page through the tenant's ledger, by code")
    public Uni<Page<DataCategoryView>> listDataCategories(
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return categories
                .list(offset, limit)
                .map(found -> Page.of(found.stream().map(DataCategoryView::of).toList(), offset, limit));
    }

    @GET
    @Path("/export.csv")
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(
            operationId = "exportLedgerCsv",
            summary = "The whole ledger as CSV for the yearly review",
            description = "UTF-8 with a byte-order mark (so Excel in Japan reads the Japanese text), a header row, "
                    + "one row per category, CRLF line ends.")
    @APIResponse(
            responseCode = "200",
            description = "The ledger",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> exportLedgerCsv() {
        String filename = "personal-information-ledger-" + tenant.tenantId() + "-"
                + LocalDate.now(clock.withZone(policy.zone())) + ".csv";
        return categories.ledger().map(ledger -> Response.ok(LedgerCsv.write(ledger), Csv.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .build());
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.OPERATOR, Roles.CLIENT_SYSTEM, Roles.SERVICE})
    @Operation(operationId = "getDataCategory", summary = "One ledger entry")
    public Uni<DataCategoryView> getDataCategory(@PathParam("code") String code) {
        return categories.get(code).map(DataCategoryView::of);
    }

    /** The answer to a rule change: the entry as it now reads and how many holdings changed date. */
    @Schema(name = "RetentionRuleChanged")
    public record RuleChanged(DataCategoryView category, int recomputed) {}

    @PUT
    @Path("/{code}/retention")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(
            operationId = "changeRetentionRule",
            summary = "Change a category's retention rule",
            description = "Every holding of the category gets its deletion date recomputed, in one statement.")
    @APIResponse(
            responseCode = "200",
            description = "Changed",
            content = @Content(schema = @Schema(implementation = RuleChanged.class)))
    public Uni<Response> changeRetentionRule(
            @PathParam("code") String code,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull RetentionRuleDraft draft) {
        return categories.changeRetention(idempotencyKey, code, draft, changed -> Response.ok(
                        new RuleChanged(DataCategoryView.of(changed.category()), changed.recomputed()))
                .build());
    }
}
