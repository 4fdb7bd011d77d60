package dev.mamori.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mamori.console.client.ServiceProblem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

class ServiceProblemTest {

    @Test
    void fieldErrorsAreKeyedByTheFormFieldTheyBelongTo() {
        String body = """
                {"type": "https://mamori.dev/problems/validation", "title": "Request is not valid", "status": 400,
                 "detail": "refusalGround: required", "errors": [
                   {"field": "decideRequest.decision.refusalGround", "message": "required for REFUSED"},
                   {"field": "reason", "message": "must not be blank"}]}""";
        ServiceProblem problem = ServiceProblem.of(new WebApplicationException(Response.status(400)
                .type("application/problem+json")
                .entity(body)
                .build()));
        assertEquals(400, problem.status());
        assertEquals("validation", problem.kind());
        assertEquals("required for REFUSED", problem.fieldErrors().get("refusalGround"));
        assertEquals("must not be blank", problem.fieldErrors().get("reason"));
    }

    @Test
    void aBodyThatIsNoProblemStillGivesTheStatus() {
        ServiceProblem problem = ServiceProblem.of(new WebApplicationException(
                Response.status(503).entity("<html>").build()));
        assertEquals(503, problem.status());
        assertEquals("", problem.kind());
    }
}
