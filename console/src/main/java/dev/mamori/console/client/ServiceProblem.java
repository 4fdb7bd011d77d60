package dev.mamori.console.client;

import dev.mamori.web.ProblemDocument;
import jakarta.ws.rs.WebApplicationException;
import java.util.Map;

/**
 * A service's refusal as the console shows it: the problem+json type, its detail, and each field error keyed by the
 * field the service named, so a form can put the message next to its field.
 */
public record ServiceProblem(int status, String type, String detail, Map<String, String> fieldErrors) {

    /** The kind of problem: the last segment of its type URI (e.g. "validation", "tenant-header-forbidden"). */
    public String kind() {
        return type == null ? "" : type.substring(type.lastIndexOf('/') + 1);
    }

    public static ServiceProblem of(WebApplicationException e) {
        ProblemDocument problem = ProblemDocument.of(e);
        var body = problem.body();
        return new ServiceProblem(
                problem.status(),
                problem.type(),
                body.path("detail").asText(body.path("title").asText(e.getMessage())),
                // The service names nested fields by their path (e.g. "decideRequest.decision.reason"): the
                // console's form fields are named by the last segment.
                problem.fieldErrors(field -> field.substring(field.lastIndexOf('.') + 1)));
    }
}
