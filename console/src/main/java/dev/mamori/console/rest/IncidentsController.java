package dev.mamori.console.rest;

import dev.mamori.console.client.IncidentApi;
import dev.mamori.console.client.PageOf;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Incidents (incident-service): the reports to the PPC falling due (APPI Art. 26(1), PPC Rule 8), the list, and one
 * incident with its triage, clocks, reports, notices and measures; its report draft is printed through the console
 * so that the staff's browser never calls the service itself.
 */
@Path("/incidents")
@Produces(MediaType.TEXT_HTML)
public class IncidentsController {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(
                Part<List<IncidentApi.Due>> due, Part<PageOf<IncidentApi.Incident>> incidents);

        static native TemplateInstance detail(
                UUID id, Part<IncidentApi.Incident> incident, Part<List<IncidentApi.Measure>> measures);
    }

    private final IncidentApi incidents;

    public IncidentsController(@RestClient IncidentApi incidents) {
        this.incidents = incidents;
    }

    @GET
    public TemplateInstance list() {
        return Templates.list(Part.read(() -> incidents.due(null)), Part.read(() -> incidents.list(0, 200)));
    }

    @GET
    @Path("/{id}")
    public TemplateInstance detail(@PathParam("id") UUID id) {
        return Templates.detail(id, Part.read(() -> incidents.get(id)), Part.read(() -> incidents.measures(id)));
    }

    /** The service's printable draft as it is; a refusal or a missing incident shows the console's error page. */
    @GET
    @Path("/{id}/report-draft")
    public Response reportDraft(@PathParam("id") UUID id) {
        return Response.ok(incidents.reportDraftHtml(id, "html"), "text/html; charset=UTF-8")
                .build();
    }
}
