package dev.mamori.console.rest;

import dev.mamori.console.client.ThirdPartyApi;
import dev.mamori.web.PageOf;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Third parties (thirdparty-service): a person's provision and receipt records (APPI Arts. 29, 30; the service lists
 * them per person only), joint-use schemes (members of the group read the responsible company's schemes), and
 * contractors under Art. 25 supervision with their certifications expiring and audits falling due.
 */
@Path("/third-parties")
@Produces(MediaType.TEXT_HTML)
public class ThirdPartiesController {

    static final int EXPIRING_DAYS = 60;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(
                String subjectRef,
                Part<PageOf<ThirdPartyApi.Provision>> provisions,
                Part<PageOf<ThirdPartyApi.Receipt>> receipts,
                Part<PageOf<ThirdPartyApi.Scheme>> schemes,
                Part<PageOf<ThirdPartyApi.Contractor>> contractors,
                Part<List<ThirdPartyApi.Expiring>> expiring,
                int expiringDays);
    }

    private final ThirdPartyApi thirdparty;

    public ThirdPartiesController(@RestClient ThirdPartyApi thirdparty) {
        this.thirdparty = thirdparty;
    }

    @GET
    public TemplateInstance overview(@QueryParam("subjectRef") String subjectRef) {
        String subject = subjectRef == null ? "" : subjectRef.strip();
        Part<PageOf<ThirdPartyApi.Provision>> provisions =
                subject.isEmpty() ? null : Part.read(() -> thirdparty.provisions(subject, 200));
        Part<PageOf<ThirdPartyApi.Receipt>> receipts =
                subject.isEmpty() ? null : Part.read(() -> thirdparty.receipts(subject, 200));
        return Templates.overview(
                subject,
                provisions,
                receipts,
                Part.read(() -> thirdparty.schemes(0, 200)),
                Part.read(() -> thirdparty.contractors(0, 200)),
                Part.read(() -> thirdparty.expiring(EXPIRING_DAYS)),
                EXPIRING_DAYS);
    }
}
