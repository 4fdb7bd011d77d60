package dev.mamori.incident.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.incident.ReportStage;
import dev.mamori.incident.client.RetentionClient;
import dev.mamori.incident.service.ClientNoticeDraft;
import dev.mamori.incident.service.ClientNoticeService;
import dev.mamori.incident.service.IncidentDraft;
import dev.mamori.incident.service.IncidentService;
import dev.mamori.incident.service.MeasureDraft;
import dev.mamori.incident.service.MeasureService;
import dev.mamori.incident.service.Narrative;
import dev.mamori.incident.service.OverrideDraft;
import dev.mamori.incident.service.PersonNoticeDraft;
import dev.mamori.incident.service.PersonNoticeService;
import dev.mamori.incident.service.ReportSubmission;
import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.paging.Page;
import dev.mamori.platform.problem.Problem;
import dev.mamori.platform.tenant.Roles;
import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.platform.time.JapanTime;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Incidents",
        description = "Leaks, losses and damage of personal data (APPI Art. 26; PPC Rules 7-10): triage, report "
                + "dates, reports to the PPC, the notice to the client company, notices to persons, measures")
public class IncidentResource {

    private final IncidentService incidents;
    private final ClientNoticeService clientNotices;
    private final PersonNoticeService personNotices;
    private final MeasureService measures;
    private final ObjectMapper json;
    private final Clock clock;

    public IncidentResource(
            IncidentService incidents,
            ClientNoticeService clientNotices,
            PersonNoticeService personNotices,
            MeasureService measures,
            ObjectMapper json,
            Clock clock) {
        this.incidents = incidents;
        this.clientNotices = clientNotices;
        this.personNotices = personNotices;
        this.measures = measures;
        this.json = json;
        this.clock = clock;
    }

    @POST
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.OPERATOR})
    @Operation(
            operationId = "createIncident",
            summary = "File an incident; answers whether it is reportable, why, and the report dates",
            description = "The affected categories are read from the ledger (retention-service); the persons are a "
                    + "number, a list, or a count of the ledger's holdings. Honours Idempotency-Key.")
    @APIResponse(
            responseCode = "201",
            description = "Filed",
            content = @Content(schema = @Schema(implementation = IncidentView.class)))
    @APIResponse(
            responseCode = "422",
            description = "The record breaks a rule (discovery in the future or before the occurrence, a category "
                    + "not in the ledger, ...)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "503",
            description = "The ledger could not be read; nothing recorded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> createIncident(
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(TenantContext.TENANT_HEADER) String tenantHeader,
            @Valid @NotNull IncidentDraft draft) {
        return incidents.create(
                idempotencyKey, draft, new RetentionClient.Caller(authorization, tenantHeader), f -> Response.created(
                                URI.create("/v1/incidents/" + f.incident().id))
                        .entity(view(f))
                        .build());
    }

    @GET
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.OPERATOR})
    @Operation(operationId = "listIncidents", summary = "Page through the tenant's incidents, latest discovered first")
    public Uni<Page<IncidentView>> listIncidents(
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return incidents
                .list(offset, limit)
                .map(found -> Page.of(found.stream().map(this::view).toList(), offset, limit));
    }

    @GET
    @Path("/due")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.OPERATOR})
    @Operation(
            operationId = "listDueIncidents",
            summary = "Reports to the PPC due within the window or overdue, the most urgent first",
            description = "Only incidents this tenant must report itself (reportable, not closed, not exempt by a "
                    + "notice to the client company); the window defaults to mamori.incident.due-window-days.")
    public Uni<List<DueView>> listDueIncidents(@QueryParam("withinDays") @Min(0) @Max(366) Integer withinDays) {
        return incidents
                .due(withinDays)
                .map(due -> due.stream().map(DueView::of).toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.OPERATOR})
    @Operation(operationId = "getIncident", summary = "One incident with its triage, report dates and reports")
    public Uni<IncidentView> getIncident(@PathParam("id") UUID id) {
        return incidents.get(id).map(this::view);
    }

    @PUT
    @Path("/{id}/narrative")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.OPERATOR})
    @Operation(
            operationId = "changeIncidentNarrative",
            summary = "Replace the status and the handler's items of the report (cause, harm, publication, "
                    + "prevention, other)")
    public Uni<IncidentView> changeIncidentNarrative(@PathParam("id") UUID id, @Valid @NotNull Narrative narrative) {
        return incidents.narrate(id, narrative).map(this::view);
    }

    @PUT
    @Path("/{id}/triage-override")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(
            operationId = "overrideIncidentTriage",
            summary = "Decide reportability over the rules' answer, with the reason (shown in the explanation)")
    public Uni<IncidentView> overrideIncidentTriage(@PathParam("id") UUID id, @Valid @NotNull OverrideDraft draft) {
        return incidents.override(id, draft).map(this::view);
    }

    @POST
    @Path("/{id}/reports")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(
            operationId = "submitIncidentReport",
            summary = "Record a report submitted to the PPC with its reception number; never changed afterwards",
            description = "The items are kept as drafted from the record at this moment. The final report comes "
                    + "after the preliminary one; each is recorded once.")
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content = @Content(schema = @Schema(implementation = ReportView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The report is on record already, or the preliminary report is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> submitIncidentReport(@PathParam("id") UUID id, @Valid @NotNull ReportSubmission submission) {
        return incidents.submit(id, submission).map(r -> Response.created(
                        URI.create("/v1/incidents/" + id + "/reports"))
                .entity(ReportView.of(r, json))
                .build());
    }

    @GET
    @Path("/{id}/reports")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.OPERATOR})
    @Operation(operationId = "listIncidentReports", summary = "The reports submitted to the PPC, as submitted")
    public Uni<List<ReportView>> listIncidentReports(@PathParam("id") UUID id) {
        return incidents
                .reports(id)
                .map(rs -> rs.stream().map(r -> ReportView.of(r, json)).toList());
    }

    @GET
    @Path("/{id}/report-draft")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.OPERATOR})
    @Operation(
            operationId = "getIncidentReportDraft",
            summary = "The report to the PPC drafted from the record (PPC Rule 8(1) items, Japanese), JSON or a "
                    + "printable page",
            description = "stage defaults to the next report to make.")
    @APIResponse(
            responseCode = "200",
            description = "The draft",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = dev.mamori.incident.service.ReportDraft.class)),
                @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))
            })
    public Uni<Response> getIncidentReportDraft(
            @PathParam("id") UUID id,
            @QueryParam("format") @DefaultValue("json") @Pattern(regexp = "json|html", message = "must be json or html")
                    String format,
            @QueryParam("stage") @Pattern(regexp = "PRELIMINARY|FINAL", message = "must be PRELIMINARY or FINAL")
                    String stage) {
        return incidents
                .draft(id, stage == null ? null : ReportStage.valueOf(stage))
                .map(d -> format.equals("html")
                        ? Response.ok(ReportHtml.render(d), "text/html; charset=UTF-8")
                                .build()
                        : Response.ok(d, MediaType.APPLICATION_JSON).build());
    }

    @POST
    @Path("/{id}/client-notice")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(
            operationId = "notifyIncidentClient",
            summary = "Notify the client company whose data it is (APPI Art. 26(1) proviso; PPC Rule 9)",
            description = "Once; timestamped. The client's privacy officer sees it under /v1/client-incidents and "
                    + "acknowledges it; this tenant's record shows the exemption and its proof.")
    @APIResponse(
            responseCode = "200",
            description = "Notified",
            content = @Content(schema = @Schema(implementation = IncidentView.class)))
    @APIResponse(
            responseCode = "422",
            description = "The incident is about the tenant's own data",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<IncidentView> notifyIncidentClient(@PathParam("id") UUID id, @Valid @NotNull ClientNoticeDraft draft) {
        return clientNotices.notifyClient(id, draft).map(this::view);
    }

    @POST
    @Path("/{id}/person-notices")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.OPERATOR})
    @Operation(
            operationId = "recordPersonNotice",
            summary = "Record a notice to persons, or a public announcement in its place with the reason (APPI Art. "
                    + "26(2); PPC Rule 10)")
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content = @Content(schema = @Schema(implementation = PersonNoticeView.class)))
    public Uni<Response> recordPersonNotice(@PathParam("id") UUID id, @Valid @NotNull PersonNoticeDraft draft) {
        return personNotices.record(id, draft).map(n -> Response.created(
                        URI.create("/v1/incidents/" + id + "/person-notices"))
                .entity(PersonNoticeView.of(n))
                .build());
    }

    @GET
    @Path("/{id}/person-notices")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.OPERATOR})
    @Operation(operationId = "listPersonNotices", summary = "The notices to persons and how far they have come")
    public Uni<PersonNoticeView.Listing> listPersonNotices(@PathParam("id") UUID id) {
        return personNotices.list(id).map(PersonNoticeView.Listing::of);
    }

    @POST
    @Path("/{id}/measures")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.OPERATOR})
    @Operation(operationId = "addIncidentMeasure", summary = "Add a measure with its owner and due date")
    @APIResponse(
            responseCode = "201",
            description = "Added",
            content = @Content(schema = @Schema(implementation = MeasureView.class)))
    public Uni<Response> addIncidentMeasure(@PathParam("id") UUID id, @Valid @NotNull MeasureDraft draft) {
        return measures.add(id, draft).map(m -> Response.created(URI.create("/v1/incidents/" + id + "/measures"))
                .entity(MeasureView.of(m))
                .build());
    }

    @POST
    @Path("/{id}/legal-hold")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(
            operationId = "holdIncidentHoldings",
            summary = "Place a legal hold on the holdings of every affected category in retention-service, recorded "
                    + "as a measure done now",
            description = "So that the purge erases none of what the investigation and the report need. Each hold "
                    + "is placed once per incident and category.")
    @APIResponse(
            responseCode = "201",
            description = "Held",
            content = @Content(schema = @Schema(implementation = MeasureView.class)))
    @APIResponse(
            responseCode = "503",
            description = "retention-service could not place the holds; nothing recorded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> holdIncidentHoldings(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(TenantContext.TENANT_HEADER) String tenantHeader) {
        return measures.holdAffected(id, new RetentionClient.Caller(authorization, tenantHeader))
                .map(m -> Response.created(URI.create("/v1/incidents/" + id + "/measures"))
                        .entity(MeasureView.of(m))
                        .build());
    }

    @POST
    @Path("/{id}/use-stop")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(
            operationId = "stopIncidentPersonsUse",
            summary = "Stop the use of every listed affected person's data in consent-service, recorded as a measure "
                    + "done now",
            description = "Each person is stopped for every purpose, once per incident and person; on the ground of "
                    + "APPI Art. 35(5) when the leak is reportable, voluntarily otherwise.")
    @APIResponse(
            responseCode = "201",
            description = "Stopped",
            content = @Content(schema = @Schema(implementation = MeasureView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The incident only counts its persons (persons-not-listed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "503",
            description = "consent-service could not stop the use; nothing recorded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> stopIncidentPersonsUse(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(TenantContext.TENANT_HEADER) String tenantHeader) {
        return measures.stopUseOfAffected(id, new RetentionClient.Caller(authorization, tenantHeader))
                .map(m -> Response.created(URI.create("/v1/incidents/" + id + "/measures"))
                        .entity(MeasureView.of(m))
                        .build());
    }

    @GET
    @Path("/{id}/measures")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.OPERATOR})
    @Operation(operationId = "listIncidentMeasures", summary = "The measures, by due date")
    public Uni<List<MeasureView>> listIncidentMeasures(@PathParam("id") UUID id) {
        return measures.list(id).map(ms -> ms.stream().map(MeasureView::of).toList());
    }

    @POST
    @Path("/{id}/measures/{measureId}/completion")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.OPERATOR})
    @Operation(operationId = "completeIncidentMeasure", summary = "Mark a measure done")
    public Uni<MeasureView> completeIncidentMeasure(@PathParam("id") UUID id, @PathParam("measureId") UUID measureId) {
        return measures.complete(id, measureId).map(MeasureView::of);
    }

    private IncidentView view(dev.mamori.incident.service.IncidentFile f) {
        return IncidentView.of(f, JapanTime.today(clock));
    }
}
