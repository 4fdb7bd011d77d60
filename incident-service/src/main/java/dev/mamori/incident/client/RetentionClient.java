package dev.mamori.incident.client;

import dev.mamori.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Reads the ledger and counts holdings in retention-service for an incident's scope. A category the ledger does not
 * know is an answer (empty); retention-service down or refusing is a 503 problem, and nothing is recorded.
 */
@ApplicationScoped
public class RetentionClient {

    /** The caller's credentials to forward: its Authorization header and, for a service token, its tenant header. */
    public record Caller(String authorization, String tenantHeader) {}

    private final RetentionApi api;

    public RetentionClient(@RestClient RetentionApi api) {
        this.api = api;
    }

    public Uni<Optional<LedgerCategory>> category(Caller caller, String code) {
        return api.category(caller.authorization(), caller.tenantHeader(), code)
                .map(Optional::ofNullable)
                .onFailure(WebApplicationException.class)
                .recoverWithUni(e -> ((WebApplicationException) e).getResponse().getStatus() == 404
                        ? Uni.createFrom().item(Optional.empty())
                        : Uni.createFrom().failure(unavailable(e)))
                .onFailure(e -> !(e instanceof ProblemException))
                .transform(RetentionClient::unavailable);
    }

    /** Holdings (and distinct persons) of the categories, optionally only in the named systems and period. */
    public Uni<HoldingCount> count(
            Caller caller,
            List<String> categories,
            List<String> owningSystems,
            OffsetDateTime collectedFrom,
            OffsetDateTime collectedTo) {
        return api.count(
                        caller.authorization(),
                        caller.tenantHeader(),
                        categories,
                        owningSystems,
                        collectedFrom == null ? null : collectedFrom.toString(),
                        collectedTo == null ? null : collectedTo.toString())
                .onFailure(e -> !(e instanceof ProblemException))
                .transform(RetentionClient::unavailable);
    }

    /**
     * Places a legal hold on the tenant's holdings of a category (retention-service then purges none of them),
     * once per key: a retry with the same key answers the same hold.
     */
    public Uni<LegalHold> hold(Caller caller, String idempotencyKey, String categoryCode, String reason) {
        return api.hold(
                        caller.authorization(),
                        caller.tenantHeader(),
                        idempotencyKey,
                        new LegalHold.Request(categoryCode, reason))
                .onFailure(e -> !(e instanceof ProblemException))
                .transform(RetentionClient::unavailable);
    }

    private static ProblemException unavailable(Throwable cause) {
        String why = cause instanceof WebApplicationException w
                ? "retention-service answered " + w.getResponse().getStatus()
                : "retention-service could not be reached";
        return new ProblemException(
                503,
                "retention-unavailable",
                "The ledger could not be read",
                why + "; nothing was recorded, try again",
                List.of());
    }
}
