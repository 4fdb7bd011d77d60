package dev.mamori.console.rest;

import dev.mamori.console.client.AuditApi;
import dev.mamori.console.client.ServiceProblem;
import dev.mamori.console.client.StaffHeaders;
import dev.mamori.console.web.Refused;
import dev.mamori.console.web.Staff;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The audit area, for auditors: each service's verification of its tenant's hash chain (was any line edited,
 * removed or reordered?) and one service's log. The services do the check; the console only shows it.
 */
@Path("/audit")
@Produces(MediaType.TEXT_HTML)
public class AuditController {

    /** One service's answer: its chain check, or why it could not be read. */
    public record Check(String service, AuditApi.Verification verification, String problem) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(
                List<Check> checks, String service, List<String> services, List<AuditApi.Event> events);
    }

    private final Map<String, AuditApi> services = new LinkedHashMap<>();
    private final Staff staff;

    public AuditController(
            Staff staff,
            StaffHeaders headers,
            @ConfigProperty(name = "quarkus.rest-client.consent.url") URI consent,
            @ConfigProperty(name = "quarkus.rest-client.request.url") URI request,
            @ConfigProperty(name = "quarkus.rest-client.retention.url") URI retention,
            @ConfigProperty(name = "quarkus.rest-client.thirdparty.url") URI thirdparty) {
        this.staff = staff;
        Map<String, URI> urls = new LinkedHashMap<>();
        urls.put("consent-service", consent);
        urls.put("request-service", request);
        urls.put("retention-service", retention);
        urls.put("thirdparty-service", thirdparty);
        urls.forEach((name, url) -> services.put(
                name,
                QuarkusRestClientBuilder.newBuilder()
                        .baseUri(url)
                        .clientHeadersFactory(headers)
                        .build(AuditApi.class)));
    }

    @GET
    public TemplateInstance index(@QueryParam("service") String service) {
        if (!staff.isAuditor()) {
            throw new Refused("error.role");
        }
        String shown = service != null && services.containsKey(service) ? service : "request-service";
        List<Check> checks = new ArrayList<>();
        services.forEach((name, api) -> {
            try {
                checks.add(new Check(name, api.verify(), null));
            } catch (WebApplicationException | jakarta.ws.rs.ProcessingException e) {
                checks.add(new Check(
                        name,
                        null,
                        e instanceof WebApplicationException w
                                ? ServiceProblem.of(w).detail()
                                : e.getMessage()));
            }
        });
        List<AuditApi.Event> events = services.get(shown).events(0, 200).items();
        return Templates.index(checks, shown, List.copyOf(services.keySet()), events);
    }
}
