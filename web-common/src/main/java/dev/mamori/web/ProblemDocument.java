package dev.mamori.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A service's refusal as a front end's REST client receives it: the status and the RFC 9457 problem+json body (the
 * platform's one mapper writes it). A body that is not a problem document reads as an empty one: the status alone
 * then says what happened. Each front end's ServiceProblem takes from it what its pages show.
 */
public record ProblemDocument(int status, JsonNode body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The refusal a REST client threw; 502 when there was no answer to read. */
    public static ProblemDocument of(WebApplicationException e) {
        Response response = e.getResponse();
        if (response == null) {
            return new ProblemDocument(502, MissingNode.getInstance());
        }
        String body;
        try {
            body = response.readEntity(String.class);
        } catch (jakarta.ws.rs.ProcessingException | IllegalStateException unreadable) {
            // The answer's body was already read or cannot be read: the status alone still says what happened.
            body = null;
        }
        return read(response.getStatus(), body);
    }

    public static ProblemDocument read(int status, String body) {
        JsonNode problem = MissingNode.getInstance();
        if (body != null && !body.isBlank()) {
            try {
                problem = JSON.readTree(body);
            } catch (IOException | RuntimeException notAProblem) {
                // Not a problem document: the status alone says what happened.
            }
        }
        return new ProblemDocument(status, problem == null ? MissingNode.getInstance() : problem);
    }

    /** The problem type URI, or null. */
    public String type() {
        return body.path("type").asText(null);
    }

    /** The kind of problem: the type URI's last segment (e.g. "validation", "code-wrong"), or "". */
    public String kind() {
        String type = body.path("type").asText("");
        return type.substring(type.lastIndexOf('/') + 1);
    }

    /**
     * Each field error's message keyed by the field the service named, as {@code field} turns it into the front end's
     * name; two messages for one field are joined with "; ".
     */
    public Map<String, String> fieldErrors(UnaryOperator<String> field) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (JsonNode error : body.path("errors")) {
            fields.merge(
                    field.apply(error.path("field").asText("")),
                    error.path("message").asText(""),
                    (a, b) -> a + "; " + b);
        }
        return Map.copyOf(fields);
    }
}
