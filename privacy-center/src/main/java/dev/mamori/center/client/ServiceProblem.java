package dev.mamori.center.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service's refusal as the privacy center reads it: the status, the problem type's last segment (e.g.
 * "code-wrong"), each field error keyed by the field path the service named (e.g. "requester.contact.email"), and
 * {@code attemptsLeft} when the service sends it.
 */
public record ServiceProblem(int status, String kind, Map<String, String> fieldErrors, Integer attemptsLeft) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ServiceProblem of(WebApplicationException e) {
        Response response = e.getResponse();
        int status = response == null ? 502 : response.getStatus();
        String kind = "";
        Integer attemptsLeft = null;
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            String body = response == null ? null : response.readEntity(String.class);
            if (body != null && !body.isBlank()) {
                JsonNode problem = JSON.readTree(body);
                String type = problem.path("type").asText("");
                kind = type.substring(type.lastIndexOf('/') + 1);
                if (problem.path("attemptsLeft").canConvertToInt()) {
                    attemptsLeft = problem.path("attemptsLeft").asInt();
                }
                for (JsonNode error : problem.path("errors")) {
                    fields.merge(
                            error.path("field").asText(""),
                            error.path("message").asText(""),
                            (a, b) -> a + "; " + b);
                }
            }
        } catch (RuntimeException | java.io.IOException unreadable) {
            // Not a problem document: the status alone says what happened.
        }
        return new ServiceProblem(status, kind, Map.copyOf(fields), attemptsLeft);
    }

    /** A refusal of what the person sent (as opposed to the suite failing: 401/403/5xx, no answer). */
    public boolean isAboutTheInput() {
        return status == 400 || status == 409 || status == 422;
    }
}
