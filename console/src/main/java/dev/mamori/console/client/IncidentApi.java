package dev.mamori.console.client;

import dev.mamori.web.PageOf;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * incident-service's public API (/v1/incidents): leaks and the like, their triage (APPI Art. 26(1), PPC Rule 7),
 * the report clocks (Rule 8), reports, the notice to the client company, notices to persons and measures.
 */
@RegisterRestClient(configKey = "incident")
@RegisterClientHeaders(StaffHeaders.class)
@Path("/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
public interface IncidentApi {

    @GET
    PageOf<Incident> list(@QueryParam("offset") int offset, @QueryParam("limit") int limit);

    @GET
    @Path("/due")
    List<Due> due(@QueryParam("withinDays") Integer withinDays);

    @GET
    @Path("/{id}")
    Incident get(@PathParam("id") UUID id);

    @GET
    @Path("/{id}/measures")
    List<Measure> measures(@PathParam("id") UUID id);

    /** Places a legal hold on the affected categories' holdings in retention-service (privacy officer). */
    @POST
    @Path("/{id}/legal-hold")
    Measure hold(@PathParam("id") UUID id);

    /** Stops the use of the listed affected persons' data in consent-service (privacy officer). */
    @POST
    @Path("/{id}/use-stop")
    Measure stopUse(@PathParam("id") UUID id);

    /** The printable report draft (PPC Rule 8(1) items), a whole page of incident-service's. */
    @GET
    @Path("/{id}/report-draft")
    @Produces(MediaType.TEXT_HTML)
    String reportDraftHtml(@PathParam("id") UUID id, @QueryParam("format") String format);

    record Incident(
            UUID id,
            String nature,
            String kind,
            String title,
            String summary,
            OffsetDateTime occurredAt,
            OffsetDateTime discoveredAt,
            LocalDate knownOn,
            String handler,
            String status,
            String dataOwner,
            String clientTenantId,
            Persons persons,
            boolean reportable,
            List<String> cases,
            Triage triage,
            boolean ppcReportRequired,
            LocalDate preliminaryReportDueOn,
            LocalDate finalReportDueOn,
            Long preliminaryDaysLeft,
            Long finalDaysLeft,
            List<Report> reports,
            ClientNotice clientNotice,
            PersonProgress personNotices) {}

    record Persons(int count, boolean estimated, String basis, List<String> subjectRefs) {}

    record Triage(boolean byRules, List<Reason> reasons, Boolean overrideReportable, String overrideReason) {}

    record Reason(String ja, String en) {}

    record Report(String stage, String receptionNumber, OffsetDateTime submittedAt, String submittedBy) {}

    record ClientNotice(
            OffsetDateTime notifiedAt,
            String notifiedBy,
            OffsetDateTime acknowledgedAt,
            String acknowledgedBy,
            String exemption,
            boolean timely) {}

    record PersonProgress(int affected, long delivered, long undeliverable) {}

    record Due(UUID incidentId, String title, String stage, LocalDate dueOn, long daysLeft, boolean overdue) {}

    record Measure(
            UUID id,
            String kind,
            String action,
            String owner,
            LocalDate dueOn,
            OffsetDateTime doneAt,
            OffsetDateTime recordedAt,
            String recordedBy) {}
}
