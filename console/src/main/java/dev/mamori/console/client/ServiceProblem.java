package dev.mamori.console.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service's refusal as the console shows it: the problem+json type, its detail, and each field error keyed by the
 * field the service named, so a form can put the message next to its field.
 */
public record ServiceProblem(int status, String type, String detail, Map<String, String> fieldErrors) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The kind of problem: the last segment of its type URI (e.g. "validation", "tenant-header-forbidden"). */
    public String kind() {
        return type == null ? "" : type.substring(type.lastIndexOf('/') + 1);
    }

    public static ServiceProblem of(WebApplicationException e) {
        Response response = e.getResponse();
        int status = response == null ? 502 : response.getStatus();
        String type = null;
        String detail = e.getMessage();
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            String body = response == null ? null : response.readEntity(String.class);
            if (body != null && !body.isBlank()) {
                JsonNode problem = JSON.readTree(body);
                type = problem.path("type").asText(null);
                detail = problem.path("detail").asText(problem.path("title").asText(detail));
                for (JsonNode error : problem.path("errors")) {
                    // The service names nested fields by their path (e.g. "decideRequest.decision.reason"): the
                    // console's form fields are named by the last segment.
                    String field = error.path("field").asText("");
                    fields.merge(
                            field.substring(field.lastIndexOf('.') + 1),
                            error.path("message").asText(""),
                            (a, b) -> a + "; " + b);
                }
            }
        } catch (RuntimeException | java.io.IOException unreadable) {
            // A body that is not a problem document: the status alone says what happened.
        }
        return new ServiceProblem(status, type, detail, Map.copyOf(fields));
    }
}
