package dev.mamori.incident.client;

import dev.mamori.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Stops the use of a person's data in consent-service, so that its decisions answer USE_STOPPED. consent-service
 * down or refusing is a 503 problem, and the incident records nothing.
 */
@ApplicationScoped
public class ConsentClient {

    private final ConsentApi api;

    public ConsentClient(@RestClient ConsentApi api) {
        this.api = api;
    }

    /** Stops every purpose for the person, once per key: a retry with the same key answers the same stops. */
    public Uni<List<UseStop>> stopAll(
            RetentionClient.Caller caller, String idempotencyKey, String subjectRef, String requestRef, String ground) {
        return api.stop(
                        caller.authorization(),
                        caller.tenantHeader(),
                        idempotencyKey,
                        subjectRef,
                        new UseStop.Request(List.of(), requestRef, ground))
                .onFailure(e -> !(e instanceof ProblemException))
                .transform(ConsentClient::unavailable);
    }

    private static ProblemException unavailable(Throwable cause) {
        String why = cause instanceof WebApplicationException w
                ? "consent-service answered " + w.getResponse().getStatus()
                : "consent-service could not be reached";
        return new ProblemException(
                503,
                "consent-unavailable",
                "The use could not be stopped",
                why + "; nothing was recorded in the incident, try again",
                List.of());
    }
}
