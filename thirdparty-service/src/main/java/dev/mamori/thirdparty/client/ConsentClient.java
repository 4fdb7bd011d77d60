package dev.mamori.thirdparty.client;

import dev.mamori.thirdparty.service.ThirdPartyConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Asks consent-service whether the principals consented to the provision (APPI Arts. 27(1), 28(1)). Each attempt has
 * a timeout and goes through the calling tenant's own circuit breaker ({@link TenantBreakers}), so that a failing
 * consent-service is not hammered and one tenant's failing calls never cut another tenant off; an attempt that failed
 * in a way that may pass (5xx, timeout, no connection) is retried twice. A 4xx other than a purpose's 404 is
 * consent-service refusing what the caller sent ({@link ConsentRejected}): not retried, not a breaker failure. A 404
 * for a purpose is an answer (unknown purpose). The caller's own token is forwarded, so consent-service answers for
 * the caller's tenant only.
 */
@ApplicationScoped
public class ConsentClient {

    /** The caller's credentials to forward: its Authorization header and, for a service token, its tenant header. */
    public record Caller(String authorization, String tenantHeader) {}

    private static final int RETRIES = 2;

    private final ConsentApi api;
    private final TenantBreakers breakers;
    private final Duration purposeTimeout;
    private final Duration decideTimeout;
    private final Duration retryDelay;

    public ConsentClient(@RestClient ConsentApi api, TenantBreakers breakers, ThirdPartyConfig config) {
        this.api = api;
        this.breakers = breakers;
        this.purposeTimeout = config.consent().purposeTimeout();
        this.decideTimeout = config.consent().decideTimeout();
        this.retryDelay = config.consent().retryDelay();
    }

    /** The purpose in force, or empty when consent-service does not know it; asked for (and counted against) a tenant. */
    public Uni<Optional<ConsentPurpose>> purpose(String tenantId, Caller caller, String code) {
        return guarded(tenantId, purposeTimeout, () -> api.purpose(caller.authorization(), caller.tenantHeader(), code)
                .map(Optional::ofNullable)
                .onFailure(WebApplicationException.class)
                .recoverWithUni(e -> {
                    int status = ((WebApplicationException) e).getResponse().getStatus();
                    if (status == 404) {
                        return Uni.createFrom().item(Optional.empty());
                    }
                    return Uni.createFrom().failure(status < 500 ? new ConsentRejected(status, null) : e);
                }));
    }

    /** Up to {@link ConsentDecisions#MAX_BATCH} decisions, in the order asked. */
    public Uni<List<ConsentDecisions.Decision>> decide(
            String tenantId, Caller caller, List<ConsentDecisions.Check> checks) {
        return guarded(tenantId, decideTimeout, () -> api.decide(
                        caller.authorization(), caller.tenantHeader(), new ConsentDecisions.Batch(checks))
                .map(ConsentDecisions::decisions)
                .onFailure(WebApplicationException.class)
                .transform(e -> {
                    int status = ((WebApplicationException) e).getResponse().getStatus();
                    return status < 500 ? new ConsentRejected(status, null) : e;
                }));
    }

    /** Each attempt: through the tenant's breaker, with a timeout; retried on failures that may pass. */
    private <T> Uni<T> guarded(String tenantId, Duration timeout, Supplier<Uni<T>> call) {
        return breakers.call(tenantId, () -> call.get()
                        .ifNoItem()
                        .after(timeout)
                        .failWith(() ->
                                new TimeoutException("consent-service took longer than " + timeout.toMillis() + " ms")))
                .onFailure(e -> !(e instanceof ConsentRejected) && !(e instanceof CircuitBreakerOpenException))
                .retry()
                .withBackOff(retryDelay, retryDelay.multipliedBy(4))
                .atMost(RETRIES);
    }
}
