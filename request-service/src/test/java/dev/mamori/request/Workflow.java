package dev.mamori.request;

import static dev.mamori.request.Intakes.as;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Steps of a request's life after intake, so the tests read as what they check. */
final class Workflow {

    private Workflow() {}

    static Map<String, Object> photoId() {
        Map<String, Object> license = new LinkedHashMap<>();
        license.put("type", "DRIVERS_LICENSE");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("method", "DOCUMENTS");
        body.put("documents", List.of(license));
        return body;
    }

    static void verified(String tenant, String id) {
        as(tenant, "operator")
                .body(photoId())
                .post("/v1/requests/" + id + "/identity-verification")
                .then()
                .statusCode(200);
    }

    static Map<String, Object> decision(String outcome) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", outcome);
        return body;
    }

    static void approved(String tenant, String id) {
        as(tenant, "privacy-officer")
                .body(decision("APPROVED"))
                .post("/v1/requests/" + id + "/decision")
                .then()
                .statusCode(200);
    }

    static JsonPath request(String tenant, String id) {
        return as(tenant, "operator")
                .get("/v1/requests/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Polls the request until {@code condition} holds (the outbox works in the background). */
    static JsonPath awaitRequest(String tenant, String id, Duration timeout, Predicate<JsonPath> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonPath last = null;
        while (System.nanoTime() < deadline) {
            last = request(tenant, id);
            if (condition.test(last)) {
                return last;
            }
            sleep(100);
        }
        fail("request " + id + " did not reach the expected state in " + timeout + "; last: "
                + (last == null ? null : last.prettify()));
        return last;
    }

    static JsonPath awaitStatus(String tenant, String id, String status) {
        return awaitRequest(tenant, id, Duration.ofSeconds(20), r -> status.equals(r.getString("status")));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
