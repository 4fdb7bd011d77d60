package dev.mamori.request;

import static dev.mamori.request.Intakes.as;
import static dev.mamori.request.Intakes.idsFor;
import static dev.mamori.request.Intakes.intake;
import static dev.mamori.request.Intakes.newSubject;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotentIntakeTest {

    @Test
    void shouldReplayARetriedIntakeInsteadOfRefusingItAsADuplicate() {
        String subject = newSubject();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = intake("DISCLOSURE", subject);

        var first = as("tenant-a", "client-system")
                .header("Idempotency-Key", key)
                .body(body)
                .post("/v1/requests")
                .then()
                .statusCode(201)
                .extract();
        String id = first.path("id");
        as("tenant-a", "client-system")
                .header("Idempotency-Key", key)
                .body(body)
                .post("/v1/requests")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"))
                .header("Location", containsString("/v1/requests/" + id))
                .body(equalTo(first.asString()));
        assertEquals(List.of(id), idsFor("tenant-a", subject));
    }

    @Test
    void shouldRefuseAKeyReusedForAnotherRequest() {
        String key = UUID.randomUUID().toString();
        as("tenant-a", "client-system")
                .header("Idempotency-Key", key)
                .body(intake("ERASURE", newSubject()))
                .post("/v1/requests")
                .then()
                .statusCode(201);
        String other = newSubject();
        as("tenant-a", "client-system")
                .header("Idempotency-Key", key)
                .body(intake("ERASURE", other))
                .post("/v1/requests")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/idempotency-key-reused"));
        assertEquals(List.of(), idsFor("tenant-a", other));
    }

    @Test
    void shouldNotBurnTheKeyOfARefusedIntake() {
        String subject = newSubject();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = intake("USE_STOP", subject);
        body.remove("ground");
        as("tenant-a", "operator")
                .header("Idempotency-Key", key)
                .body(body)
                .post("/v1/requests")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/ground-required"));
        // The same key may be used for the same body once corrected: the refusal stored nothing, not even the key.
        as("tenant-a", "operator")
                .header("Idempotency-Key", key)
                .body(intake("USE_STOP", subject))
                .post("/v1/requests")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", equalTo(null));
    }

    @Test
    void shouldTreatTheSameKeyInAnotherTenantAsAnotherKey() {
        String subject = newSubject();
        String key = UUID.randomUUID().toString();
        String a = as("tenant-a", "client-system")
                .header("Idempotency-Key", key)
                .body(intake("DISCLOSURE", subject))
                .post("/v1/requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("tenant-b", "client-system")
                .header("Idempotency-Key", key)
                .body(intake("DISCLOSURE", subject))
                .post("/v1/requests")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", equalTo(null))
                .body("id", not(equalTo(a)));
    }

    @Test
    void shouldRefuseAMalformedKey() {
        as("tenant-a", "client-system")
                .header("Idempotency-Key", "has spaces")
                .body(intake("ERASURE", newSubject()))
                .post("/v1/requests")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }
}
