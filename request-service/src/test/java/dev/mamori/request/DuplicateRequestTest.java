package dev.mamori.request;

import static dev.mamori.request.Intakes.as;
import static dev.mamori.request.Intakes.create;
import static dev.mamori.request.Intakes.idsFor;
import static dev.mamori.request.Intakes.intake;
import static dev.mamori.request.Intakes.newSubject;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DuplicateRequestTest {

    @Test
    void shouldRefuseASecondOpenRequestOfTheSamePersonAndTypeNamingTheFirst() {
        String subject = newSubject();
        String first = create("tenant-a", "DISCLOSURE", subject);

        Map<String, Object> again = intake("DISCLOSURE", subject);
        again.put("deliveryMethod", "PAPER");
        as("tenant-a", "client-system")
                .body(again)
                .post("/v1/requests")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/duplicate-request"))
                .body("detail", containsString(first));
        assertEquals(List.of(first), idsFor("tenant-a", subject));
    }

    @Test
    void shouldTakeAnotherTypeForTheSamePersonAndTheSameTypeOnceTheFirstIsClosed() {
        String subject = newSubject();
        String first = create("tenant-a", "ERASURE", subject);
        create("tenant-a", "DISCLOSURE", subject);

        as("tenant-a", "operator")
                .body(Map.of("reason", "The person withdrew the request"))
                .post("/v1/requests/" + first + "/cancel")
                .then()
                .statusCode(200);
        create("tenant-a", "ERASURE", subject);
        assertEquals(3, idsFor("tenant-a", subject).size());
    }

    @Test
    void shouldLetOnlyOneOfConcurrentDuplicateIntakesThrough() throws Exception {
        String subject = newSubject();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> {
                    var response = as("tenant-a", "operator")
                            .body(intake("USE_STOP", subject))
                            .post("/v1/requests")
                            .then()
                            .extract();
                    return response.statusCode() == 201
                            ? "created"
                            : response.statusCode() + " " + response.path("type");
                });
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(calls)) {
                outcomes.add(f.get());
            }
            // Each loser is told which request is open, not just that some conflict happened.
            assertEquals(1, outcomes.stream().filter("created"::equals).count(), "outcomes " + outcomes);
            assertEquals(
                    3,
                    outcomes.stream()
                            .filter("409 https://mamori.dev/problems/duplicate-request"::equals)
                            .count(),
                    "outcomes " + outcomes);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, idsFor("tenant-a", subject).size());
    }
}
