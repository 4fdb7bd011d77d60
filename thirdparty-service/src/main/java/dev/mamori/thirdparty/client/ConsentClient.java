package dev.mamori.thirdparty.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Asks consent-service whether the principals consented to the provision (APPI Arts. 27(1), 28(1)). Each call has
 * a timeout, is retried on failures that may pass (not on 4xx), and goes through a circuit breaker so that a
 * failing consent-service is not hammered. A 404 for a purpose is an answer (unknown purpose), not a failure.
 * The caller's own token is forwarded, so consent-service answers for the caller's tenant only.
 */
@ApplicationScoped
public class ConsentClient {

    /** The caller's credentials to forward: its Authorization header and, for a service token, its tenant header. */
    public record Caller(String authorization, String tenantHeader) {
    }

    private final ConsentApi api;

    public ConsentClient(@RestClient ConsentApi api) {
        this.api = api;
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, abortOn = ConsentRejected.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ConsentRejected.class)
    public Uni<Optional<ConsentPurpose>> purpose(Caller caller, String code) {
        return api.purpose(caller.authorization(), caller.tenantHeader(), code)
                .map(Optional::ofNullable)
                .onFailure(WebApplicationException.class).recoverWithUni(e -> {
                    int status = ((WebApplicationException) e).getResponse().getStatus();
                    if (status == 404) {
                        return Uni.createFrom().item(Optional.empty());
                    }
                    return Uni.createFrom().failure(status < 500 ? new ConsentRejected(status, null) : e);
                });
    }

    /** Up to {@link ConsentDecisions#MAX_BATCH} decisions, in the order asked. */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, abortOn = ConsentRejected.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ConsentRejected.class)
    public Uni<List<ConsentDecisions.Decision>> decide(Caller caller, List<ConsentDecisions.Check> checks) {
        return api.decide(caller.authorization(), caller.tenantHeader(), new ConsentDecisions.Batch(checks))
                .map(ConsentDecisions::decisions)
                .onFailure(WebApplicationException.class).transform(e -> {
                    int status = ((WebApplicationException) e).getResponse().getStatus();
                    return status < 500 ? new ConsentRejected(status, null) : e;
                });
    }
}
