package dev.mamori.center.client;

import dev.mamori.web.ProblemDocument;
import jakarta.ws.rs.WebApplicationException;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A service's refusal as the privacy center reads it: the status, the problem type's last segment (e.g.
 * "code-wrong"), each field error keyed by the field path the service named (e.g. "requester.contact.email"), and
 * {@code attemptsLeft} when the service sends it.
 */
public record ServiceProblem(int status, String kind, Map<String, String> fieldErrors, Integer attemptsLeft) {

    public static ServiceProblem of(WebApplicationException e) {
        ProblemDocument problem = ProblemDocument.of(e);
        var attemptsLeft = problem.body().path("attemptsLeft");
        return new ServiceProblem(
                problem.status(),
                problem.kind(),
                problem.fieldErrors(UnaryOperator.identity()),
                attemptsLeft.canConvertToInt() ? attemptsLeft.asInt() : null);
    }

    /** A refusal of what the person sent (as opposed to the suite failing: 401/403/5xx, no answer). */
    public boolean isAboutTheInput() {
        return status == 400 || status == 409 || status == 422;
    }
}
