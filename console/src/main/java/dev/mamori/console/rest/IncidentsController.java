package dev.mamori.console.rest;

import dev.mamori.console.client.IncidentApi;
import dev.mamori.console.client.ServiceProblem;
import dev.mamori.console.web.FormGuard;
import dev.mamori.console.web.Refused;
import dev.mamori.console.web.Staff;
import dev.mamori.web.PageOf;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class IncidentsController {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(
                Part<List<IncidentApi.Due>> due, Part<PageOf<IncidentApi.Incident>> incidents);

        static native TemplateInstance detail(
                UUID id,
                Part<IncidentApi.Incident> incident,
                Part<List<IncidentApi.Measure>> measures,
                ServiceProblem problem,
                String done);
    }

    private final IncidentApi incidents;
    private final Staff staff;
    private final FormGuard guard;

    public IncidentsController(@RestClient IncidentApi incidents, Staff staff, FormGuard guard) {
        this.incidents = incidents;
        this.staff = staff;
        this.guard = guard;
    }

    @GET
    public TemplateInstance list() {
        return Templates.list(Part.read(() -> incidents.due(null)), Part.read(() -> incidents.list(0, 200)));
    }

    @GET
    @Path("/{id}")
    public TemplateInstance detail(@PathParam("id") UUID id, @QueryParam("done") String done) {
        return detailPage(id, null, "legalHold".equals(done) || "useStop".equals(done) ? done : "");
    }

    @POST
    @Path("/{id}/legal-hold")
    public Object hold(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        return act(id, "legalHold", form, () -> incidents.hold(id));
    }

    @POST
    @Path("/{id}/use-stop")
    public Object stopUse(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        return act(id, "useStop", form, () -> incidents.stopUse(id));
    }

    /** The service's printable draft as it is; a refusal or a missing incident shows the console's error page. */
    @GET
    @Path("/{id}/report-draft")
    public Response reportDraft(@PathParam("id") UUID id) {
        return Response.ok(incidents.reportDraftHtml(id, "html"), "text/html; charset=UTF-8")
                .build();
    }

    private Object act(UUID id, String done, MultivaluedMap<String, String> form, Runnable call) {
        guard.check(form.getFirst("_csrf"));
        if (!staff.canDecide()) {
            // incident-service lets only a privacy officer hold data or stop its use; this keeps the call unmade.
            throw new Refused("error.role");
        }
        try {
            call.run();
            // Post/redirect/get: reloading the page shows the incident, never sends the action again.
            return Response.seeOther(URI.create("/incidents/" + id + "?done=" + done))
                    .build();
        } catch (WebApplicationException e) {
            return detailPage(id, ServiceProblem.of(e), "");
        }
    }

    private TemplateInstance detailPage(UUID id, ServiceProblem problem, String done) {
        return Templates.detail(
                id, Part.read(() -> incidents.get(id)), Part.read(() -> incidents.measures(id)), problem, done);
    }
}
