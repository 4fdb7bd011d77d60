package dev.mamori.console.rest;

import dev.mamori.console.client.ServiceProblem;
import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.function.Supplier;

/**
 * One section of a page that gathers several services' answers: the answer, or why there is none (the person's role
 * may not read it, the service did not answer). A refused section is shown as such; the rest of the page stays.
 */
@TemplateData
public record Part<T>(T value, int status, String problem) {

    public static <T> Part<T> read(Supplier<T> call) {
        try {
            return new Part<>(call.get(), 200, null);
        } catch (WebApplicationException e) {
            ServiceProblem problem = ServiceProblem.of(e);
            return new Part<>(null, problem.status(), problem.detail() == null ? "" : problem.detail());
        } catch (ProcessingException e) {
            return new Part<>(null, 502, "unreachable");
        }
    }

    public boolean ok() {
        return value != null;
    }

    /** The service refused the person's role (403): the page says so rather than showing an error. */
    public boolean forbidden() {
        return status == 403;
    }
}
