package dev.mamori.thirdparty.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.paging.Page;
import dev.mamori.platform.problem.Problem;
import dev.mamori.platform.tenant.Roles;
import dev.mamori.platform.time.JapanTime;
import dev.mamori.thirdparty.OptOutFilingVersion;
import dev.mamori.thirdparty.service.OptOutFilingDraft;
import dev.mamori.thirdparty.service.OptOutFilingService;
import dev.mamori.thirdparty.service.OptOutFilingService.FilingWithVersions;
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
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/opt-out-filings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Opt-out filings",
        description =
                "Opt-out provision filed with the PPC: the nine items and their change " + "log (APPI Art. 27(2)-(4))")
public class OptOutFilingResource {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "OptOutFiling")
    public record FilingView(
            UUID id,
            int currentVersion,

            @Schema(
                    description = "Not withdrawn as of today in Japan: a withdrawal recorded in "
                            + "advance ends the filing only on its date")
            boolean inForce,

            @Schema(description = "The day opt-out provision under the filing ends (or ended)")
            LocalDate withdrawnOn,

            @Schema(description = "Every filed version, oldest first: the change log")
            List<Version> versions,

            OffsetDateTime createdAt) {
        static FilingView of(FilingWithVersions f, LocalDate today) {
            LocalDate withdrawnOn = f.filing().withdrawnOn;
            return new FilingView(
                    f.filing().id,
                    f.filing().currentVersion,
                    withdrawnOn == null || withdrawnOn.isAfter(today),
                    withdrawnOn,
                    f.versions().stream().map(Version::of).toList(),
                    f.filing().createdAt);
        }
    }

    @Schema(name = "OptOutFilingVersion")
    public record Version(
            int version,
            String providerName,
            String providerAddress,
            String providerRepresentative,

            @Schema(description = "(ii) always true for an opt-out filing")
            boolean provisionIsPurpose,

            List<String> dataItems,
            String acquisitionMethod,
            String provisionMethod,

            @Schema(description = "(vi) always true for an opt-out filing")
            boolean stopsOnRequest,

            String requestMethod,
            String updateMethod,
            LocalDate provisionStartsOn,
            LocalDate filedOn,

            @Schema(description = "The items that changed from the previous version")
            List<String> changes,

            OffsetDateTime recordedAt,
            String recordedBy) {
        static Version of(OptOutFilingVersion v) {
            return new Version(
                    v.version,
                    v.providerName,
                    v.providerAddress,
                    v.providerRepresentative,
                    true,
                    v.dataItems,
                    v.acquisitionMethod,
                    v.provisionMethod,
                    true,
                    v.requestMethod,
                    v.updateMethod,
                    v.provisionStartsOn,
                    v.filedOn,
                    v.changes,
                    v.recordedAt,
                    v.recordedBy);
        }
    }

    @Schema(name = "OptOutWithdrawal")
    public record Withdrawal(@NotNull LocalDate withdrawnOn) {}

    private final OptOutFilingService filings;
    private final Clock clock;

    public OptOutFilingResource(OptOutFilingService filings, Clock clock) {
        this.filings = filings;
        this.clock = clock;
    }

    @POST
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(operationId = "createOptOutFiling", summary = "Record an opt-out filing with its nine items")
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content = @Content(schema = @Schema(implementation = FilingView.class)))
    @APIResponse(
            responseCode = "422",
            description = "Provision would start before the filing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> createOptOutFiling(
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull OptOutFilingDraft draft) {
        return filings.create(
                idempotencyKey, draft, f -> Response.created(URI.create("/v1/opt-out-filings/" + f.filing().id))
                        .entity(view(f))
                        .build());
    }

    @POST
    @Path("/{id}/versions")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(operationId = "changeOptOutFiling", summary = "Record a change filed with the PPC (Art. 27(3))")
    public Uni<Response> changeOptOutFiling(
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @PathParam("id") UUID id,
            @Valid @NotNull OptOutFilingDraft draft) {
        return filings.change(idempotencyKey, id, draft, f -> Response.created(URI.create("/v1/opt-out-filings/" + id))
                .entity(view(f))
                .build());
    }

    @POST
    @Path("/{id}/withdrawal")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(
            operationId = "withdrawOptOutFiling",
            summary = "Record the day opt-out provision under the filing ends",
            description = "The day may lie ahead: the filing stays in force until then.")
    @APIResponse(
            responseCode = "409",
            description = "Already withdrawn",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "A withdrawal before the filing was made",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<FilingView> withdrawOptOutFiling(@PathParam("id") UUID id, @Valid @NotNull Withdrawal withdrawal) {
        return filings.withdraw(id, withdrawal.withdrawnOn()).map(this::view);
    }

    @GET
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.CLIENT_SYSTEM, Roles.OPERATOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(
            operationId = "listOptOutFilings",
            summary = "The tenant's opt-out filings with their change logs, " + "oldest first, a page at a time")
    public Uni<Page<FilingView>> listOptOutFilings(
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return filings.list(offset, limit)
                .map(found -> Page.of(found.stream().map(this::view).toList(), offset, limit));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.CLIENT_SYSTEM, Roles.OPERATOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "getOptOutFiling", summary = "An opt-out filing with its change log")
    public Uni<FilingView> getOptOutFiling(@PathParam("id") UUID id) {
        return filings.get(id).map(this::view);
    }

    /** A filing as it stands today in Japan by the service's clock. */
    private FilingView view(FilingWithVersions f) {
        return FilingView.of(f, JapanTime.today(clock));
    }
}
