package dev.mamori.request.client;

import dev.mamori.request.service.RequestConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The company as the person's mails name it: the controller's name of the tenant's consent policy at consent-service
 * (the name the privacy center publishes, APPI Art. 32(1)(i)), cached per tenant. A mail is written in the
 * transaction of the change it reports, so this never fails: without an answer (consent-service down, slow, or no
 * name set) the tenant id stands in, and a miss is remembered only briefly.
 */
@ApplicationScoped
public class ControllerNames {

    static final Duration KEEP_MISS = Duration.ofMinutes(1);
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private static final Logger LOG = Logger.getLogger(ControllerNames.class);

    private record Cached(String name, long until) {}

    private final ConsentPolicyClient policies;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Duration keep;
    private final Duration keepMiss;

    public ControllerNames(@RestClient ConsentPolicyClient policies, RequestConfig config) {
        this.policies = policies;
        this.keep = config.controllerNameCache();
        this.keepMiss = keep.compareTo(KEEP_MISS) < 0 ? keep : KEEP_MISS;
    }

    /** The controller's name of {@code tenantId}, or the tenant id when consent-service does not say. */
    public Uni<String> of(String tenantId) {
        Cached hit = cache.get(tenantId);
        if (hit != null && hit.until() > System.nanoTime()) {
            return Uni.createFrom().item(hit.name());
        }
        return policies.policy(tenantId)
                .ifNoItem()
                .after(TIMEOUT)
                .fail()
                .map(policy -> remember(tenantId, policy == null ? null : policy.controllerName(), keep))
                .onFailure()
                .recoverWithItem(e -> {
                    LOG.warnf(
                            "No controller name for tenant %s from consent-service (%s); mails name the tenant id",
                            tenantId, e.toString());
                    return remember(tenantId, null, keepMiss);
                });
    }

    private String remember(String tenantId, String name, Duration keep) {
        String value = name == null || name.isBlank() ? tenantId : name.strip();
        cache.put(tenantId, new Cached(value, System.nanoTime() + keep.toNanos()));
        return value;
    }
}
