package dev.mamori.console.rest;

import dev.mamori.console.client.ConsentApi;
import dev.mamori.console.client.RequestApi;
import dev.mamori.console.client.RequestRecordsApi;
import dev.mamori.console.client.RetentionApi;
import dev.mamori.console.client.ServiceProblem;
import dev.mamori.console.client.ThirdPartyApi;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * One person, found by their subject reference: consents and their history, the decision per purpose, use stops,
 * holdings with their deletion dates, provision and receipt records, and their requests. Each section is one
 * service's answer for the person's role; a section the role may not read says so. Recording a withdrawal or a use
 * stop sends what was entered; the service decides whether it stands (APPI Art. 35 for use stops).
 */
@Path("/people")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class PeopleController {

    /** The grounds consent-service accepts for a use stop (UseStopDraft.Ground, APPI Art. 35). */
    static final List<String> STOP_GROUNDS = List.of(
            "ART_35_1", "ART_35_5_NO_LONGER_NEEDED", "ART_35_5_LEAK", "ART_35_5_HARM_RISK", "VOLUNTARY", "ERASURE");

    static final Set<String> OPEN =
            Set.of("IDENTITY_UNVERIFIED", "AWAITING_REQUESTER", "PENDING_DECISION", "IN_PROGRESS");

    /** Everything the page shows about one person. */
    public record Person(
            String subjectRef,
            Part<ConsentApi.History> consents,
            Part<List<ConsentApi.Decision>> decisions,
            Part<PageOf<RetentionApi.Holding>> holdings,
            Part<PageOf<ThirdPartyApi.Provision>> provisions,
            Part<PageOf<ThirdPartyApi.Receipt>> receipts,
            Part<PageOf<RequestApi.Summary>> requests) {

        public List<RequestApi.Summary> openRequests() {
            return requests.ok()
                    ? requests.value().items().stream()
                            .filter(r -> OPEN.contains(r.status()))
                            .toList()
                    : List.of();
        }

        public List<RequestApi.Summary> pastRequests() {
            return requests.ok()
                    ? requests.value().items().stream()
                            .filter(r -> !OPEN.contains(r.status()))
                            .toList()
                    : List.of();
        }

        /** The purposes a use stop may name: those the person answered for and those in the catalogue. */
        public List<String> purposes() {
            java.util.LinkedHashSet<String> codes = new java.util.LinkedHashSet<>();
            if (consents.ok()) {
                consents.value().consents().forEach(c -> codes.add(c.purpose()));
            }
            if (decisions.ok()) {
                decisions.value().forEach(d -> codes.add(d.purpose()));
            }
            return List.copyOf(codes);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(String subjectRef);

        static native TemplateInstance person(
                Person person, RequestsController.Form form, List<String> grounds, String done);
    }

    private final ConsentApi consent;
    private final RequestRecordsApi requests;
    private final RetentionApi retention;
    private final ThirdPartyApi thirdparty;
    private final Staff staff;
    private final FormGuard guard;

    public PeopleController(
            @RestClient ConsentApi consent,
            @RestClient RequestRecordsApi requests,
            @RestClient RetentionApi retention,
            @RestClient ThirdPartyApi thirdparty,
            Staff staff,
            FormGuard guard) {
        this.consent = consent;
        this.requests = requests;
        this.retention = retention;
        this.thirdparty = thirdparty;
        this.staff = staff;
        this.guard = guard;
    }

    @GET
    public TemplateInstance search(@QueryParam("subjectRef") String subjectRef, @QueryParam("done") String done) {
        if (subjectRef == null || subjectRef.isBlank()) {
            return Templates.search("");
        }
        return page(subjectRef.strip(), RequestsController.Form.empty(""), done == null ? "" : done);
    }

    @POST
    @Path("/withdraw")
    public Object withdraw(MultivaluedMap<String, String> form) {
        guard.check(form.getFirst("_csrf"));
        if (!staff.canHandle()) {
            throw new Refused("error.role");
        }
        Map<String, String> values = FormValues.of(form);
        String subjectRef = values.getOrDefault("subjectRef", "");
        Map<String, Object> body = new LinkedHashMap<>();
        FormValues.put(body, "channel", values.get("channel"));
        FormValues.put(body, "reason", values.get("reason"));
        try {
            UUID id = UUID.fromString(values.getOrDefault("consentId", ""));
            consent.withdraw(id, FormValues.idempotencyKey(form.getFirst("_formId")), body);
            return seeOther(subjectRef, "withdrawn");
        } catch (IllegalArgumentException e) {
            throw new Refused("error.form");
        } catch (WebApplicationException e) {
            return page(
                    subjectRef,
                    new RequestsController.Form("withdraw-" + values.get("consentId"), values, ServiceProblem.of(e)),
                    "");
        }
    }

    @POST
    @Path("/use-stop")
    public Object stopUse(MultivaluedMap<String, String> form) {
        guard.check(form.getFirst("_csrf"));
        if (!staff.canDecide()) {
            // consent-service lets only a privacy officer (or the request workflow) stop use; this keeps the call
            // unmade.
            throw new Refused("error.role");
        }
        Map<String, String> values = FormValues.of(form);
        String subjectRef = values.getOrDefault("subjectRef", "");
        Map<String, Object> body = new LinkedHashMap<>();
        List<String> purposes = FormValues.all(form, "purposes");
        if (!purposes.isEmpty()) {
            body.put("purposes", purposes);
        }
        FormValues.put(body, "requestRef", values.get("requestRef"));
        FormValues.put(body, "ground", values.get("ground"));
        try {
            consent.stopUse(subjectRef, FormValues.idempotencyKey(form.getFirst("_formId")), body);
            return seeOther(subjectRef, "useStopped");
        } catch (WebApplicationException e) {
            return page(subjectRef, new RequestsController.Form("useStop", values, ServiceProblem.of(e)), "");
        }
    }

    private TemplateInstance page(String subjectRef, RequestsController.Form form, String done) {
        Part<ConsentApi.History> history = Part.read(() -> consent.history(subjectRef));
        Part<List<ConsentApi.Decision>> decisions = Part.read(() -> decisions(subjectRef, history));
        Person person = new Person(
                subjectRef,
                history,
                decisions,
                Part.read(() -> retention.holdings(subjectRef, 200)),
                Part.read(() -> thirdparty.provisions(subjectRef, 200)),
                Part.read(() -> thirdparty.receipts(subjectRef, 200)),
                Part.read(() -> requests.ofSubject(subjectRef, 0, 200)));
        return Templates.person(person, form, STOP_GROUNDS, done);
    }

    /**
     * The service's decision for each purpose the person answered for and each in the catalogue: whether the person's
     * data may be used for it now, and why.
     */
    private List<ConsentApi.Decision> decisions(String subjectRef, Part<ConsentApi.History> history) {
        java.util.LinkedHashSet<String> codes = new java.util.LinkedHashSet<>();
        if (history.ok()) {
            history.value().consents().forEach(c -> codes.add(c.purpose()));
        }
        consent.purposes(0, 100).items().forEach(p -> codes.add(p.code()));
        List<ConsentApi.Decision> decisions = new ArrayList<>();
        for (String code : codes) {
            decisions.add(consent.decide(subjectRef, code));
        }
        return decisions;
    }

    private static Response seeOther(String subjectRef, String done) {
        return Response.seeOther(UriBuilder.fromPath("/people")
                        .queryParam("subjectRef", subjectRef)
                        .queryParam("done", done)
                        .build())
                .build();
    }
}
