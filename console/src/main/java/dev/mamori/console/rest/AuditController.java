package dev.mamori.console.rest;

import dev.mamori.console.client.AuditApi;
import dev.mamori.console.client.ConsentApi;
import dev.mamori.console.client.RequestRecordsApi;
import dev.mamori.console.client.RetentionApi;
import dev.mamori.console.client.ServiceProblem;
import dev.mamori.console.client.ThirdPartyApi;
import dev.mamori.web.PageOf;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The audit area (auditors): each service's audit events with filters, and the hash-chain verification of all four
 * services in one view. Each service walks its own chain (platform AuditResource); the console only puts the answers
 * side by side, and one service that does not answer does not hide the others.
 */
@Path("/audit")
@Produces(MediaType.TEXT_HTML)
public class AuditController {

    static final int PAGE = 100;

    /** One service's chain: its answer, or why there is none. */
    public record Chain(String service, AuditApi.Verification verification, String problem) {
        public boolean intact() {
            return verification != null && verification.intact();
        }
    }

    public record Filter(String service, String subjectRef, long afterSeq) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance chains(List<Chain> chains, boolean allIntact);

        static native TemplateInstance events(
                Filter filter, List<String> services, List<AuditApi.Event> events, String next, String problem);
    }

    private final ConsentApi consent;
    private final RequestRecordsApi request;
    private final RetentionApi retention;
    private final ThirdPartyApi thirdparty;

    public AuditController(
            @RestClient ConsentApi consent,
            @RestClient RequestRecordsApi request,
            @RestClient RetentionApi retention,
            @RestClient ThirdPartyApi thirdparty) {
        this.consent = consent;
        this.request = request;
        this.retention = retention;
        this.thirdparty = thirdparty;
    }

    @GET
    public TemplateInstance chains() {
        List<Chain> chains = new ArrayList<>();
        chains.add(chain("consent-service", consent::verifyAudit));
        chains.add(chain("request-service", request::verifyAudit));
        chains.add(chain("retention-service", retention::verifyAudit));
        chains.add(chain("thirdparty-service", thirdparty::verifyAudit));
        return Templates.chains(chains, chains.stream().allMatch(Chain::intact));
    }

    @GET
    @Path("/events")
    public TemplateInstance events(
            @QueryParam("service") String service,
            @QueryParam("subjectRef") String subjectRef,
            @QueryParam("afterSeq") String afterSeq) {
        String s = service != null && AuditApi.SERVICES.contains(service) ? service : AuditApi.SERVICES.get(0);
        String subject = subjectRef == null || subjectRef.isBlank() ? null : subjectRef.strip();
        long after = afterSeq != null && afterSeq.matches("[0-9]{1,18}") ? Long.parseLong(afterSeq) : 0;
        Filter filter = new Filter(s, subject == null ? "" : subject, after);
        try {
            PageOf<AuditApi.Event> page =
                    switch (s) {
                        case "request-service" -> request.auditEvents(after, PAGE, subject);
                        case "retention-service" -> retention.auditEvents(after, PAGE, subject);
                        case "thirdparty-service" -> thirdparty.auditEvents(after, PAGE, subject);
                        default -> consent.auditEvents(after, PAGE, subject);
                    };
            return Templates.events(filter, AuditApi.SERVICES, page.items(), page.next(), "");
        } catch (WebApplicationException e) {
            // A refused filter (e.g. a malformed subject reference) is shown above the form, not as an error page.
            ServiceProblem problem = ServiceProblem.of(e);
            if (problem.status() >= 500 || problem.status() == 401 || problem.status() == 403) {
                throw e;
            }
            return Templates.events(filter, AuditApi.SERVICES, List.of(), null, problem.detail());
        }
    }

    private static Chain chain(String service, Supplier<AuditApi.Verification> verify) {
        try {
            return new Chain(service, verify.get(), null);
        } catch (WebApplicationException e) {
            ServiceProblem problem = ServiceProblem.of(e);
            return new Chain(
                    service, null, problem.status() + " " + (problem.detail() == null ? "" : problem.detail()));
        } catch (jakarta.ws.rs.ProcessingException e) {
            // The service is down or did not answer in time: said so in its row.
            return new Chain(service, null, "unreachable");
        }
    }
}
