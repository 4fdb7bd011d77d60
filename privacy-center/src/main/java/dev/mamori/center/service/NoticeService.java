package dev.mamori.center.service;

import dev.mamori.center.client.ConsentApi;
import dev.mamori.center.client.RequestSettingsApi;
import dev.mamori.web.PageOf;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * What APPI Art. 32(1) (and Art. 21 for the purposes) says a business must keep where the person can know it,
 * assembled from what the suite holds: the controller from consent-service's tenant policy, the purposes in force
 * from consent-service, the fees from request-service's settings. Nothing here is typed twice.
 */
@ApplicationScoped
public class NoticeService {

    /** The suite's tenant ids (the platform's TenantChoice): anything else is not a page. */
    static final Pattern TENANT = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private static final int PAGE = 200;
    /** A bound on the purposes listed, so a page cannot loop; far above any company's real count. */
    private static final int MAX_PURPOSES = 2000;

    private final ConsentApi consent;
    private final RequestSettingsApi requests;

    public NoticeService(@RestClient ConsentApi consent, @RestClient RequestSettingsApi requests) {
        this.consent = consent;
        this.requests = requests;
    }

    /**
     * The public notice of {@code tenant}, or 404 when it has none: an id that is not a tenant's, or a company that
     * has not set its controller's name (without it the page could not say who handles the data, Art. 32(1)(i)).
     */
    public PublicNotice notice(String tenant) {
        if (tenant == null || !TENANT.matcher(tenant).matches()) {
            throw new NotFoundException();
        }
        ConsentApi.Policy policy = consent.policy(tenant);
        if (policy == null
                || policy.controllerName() == null
                || policy.controllerName().isBlank()) {
            throw new NotFoundException();
        }
        List<ConsentApi.Purpose> purposes = new ArrayList<>();
        for (int offset = 0; offset < MAX_PURPOSES; offset += PAGE) {
            PageOf<ConsentApi.Purpose> page = consent.purposes(tenant, offset, PAGE);
            purposes.addAll(page.items());
            if (page.items().size() < PAGE) {
                break;
            }
        }
        RequestSettingsApi.Settings settings = requests.settings(tenant);
        return new PublicNotice(tenant, policy, List.copyOf(purposes), settings);
    }

    /** Whether a service's refusal means "no such page" rather than a fault of the suite. */
    public static boolean notFound(WebApplicationException e) {
        return e.getResponse() != null && e.getResponse().getStatus() == 404;
    }
}
