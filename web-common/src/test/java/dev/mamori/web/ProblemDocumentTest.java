package dev.mamori.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Reading a problem body; the front ends' ServiceProblem tests read it from a REST client's exception. */
class ProblemDocumentTest {

    private static final String VALIDATION = """
            {"type": "https://mamori.dev/problems/validation", "title": "Request is not valid", "status": 400,
             "errors": [
               {"field": "decideRequest.decision.reason", "message": "must not be blank"},
               {"field": "decideRequest.decision.reason", "message": "size must be at most 2000"},
               {"field": "person.name", "message": "required"}]}""";

    @Test
    void shouldReadTheTypeAndItsKind() {
        ProblemDocument problem = ProblemDocument.read(400, VALIDATION);
        assertEquals(400, problem.status());
        assertEquals("https://mamori.dev/problems/validation", problem.type());
        assertEquals("validation", problem.kind());
    }

    @Test
    void shouldKeyFieldErrorsAsTheFrontEndNamesItsFieldsAndJoinTwoForOneField() {
        ProblemDocument problem = ProblemDocument.read(400, VALIDATION);
        assertEquals(
                Map.of(
                        "decideRequest.decision.reason", "must not be blank; size must be at most 2000",
                        "person.name", "required"),
                problem.fieldErrors(UnaryOperator.identity()));
        assertEquals(
                Map.of("reason", "must not be blank; size must be at most 2000", "name", "required"),
                problem.fieldErrors(field -> field.substring(field.lastIndexOf('.') + 1)));
    }

    @Test
    void shouldReadABodyThatIsNoProblemAsAnEmptyOne() {
        for (String body : new String[] {"<html>", "", null, "null"}) {
            ProblemDocument problem = ProblemDocument.read(503, body);
            assertEquals(503, problem.status());
            assertNull(problem.type());
            assertEquals("", problem.kind());
            assertEquals(Map.of(), problem.fieldErrors(UnaryOperator.identity()));
            assertEquals("fallback", problem.body().path("detail").asText("fallback"));
        }
    }
}
