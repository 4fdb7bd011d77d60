package dev.mamori.consent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.mamori.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The constant decision bench/run compares the use decision with: absent from an ordinary build, so a deployed
 * service neither serves nor publishes it; in a bench build, guarded exactly like the decision. The bench build needs
 * its own build-time configuration and therefore its own Quarkus build and start ({@link BenchResourceEnabledTest}
 * below).
 */
@QuarkusTest
class BenchResourceTest {

    @Test
    void shouldNotPublishTheBenchmarkInTheOpenApiDocument() {
        given().get("/q/openapi")
                .then()
                .statusCode(200)
                .body(not(containsString("/v1/bench")))
                .body(not(containsString("Benchmark")));
    }

    @Test
    void shouldAnswerNotFoundAsProblemWhenNotBuiltForBenchmarking() {
        given().auth()
                .oauth2(TestTokens.forTenant("tenant-a", "client-system"))
                .get("/v1/bench/constant")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/not-found"));
    }

    @Test
    void shouldStillRefuseCallersWithoutATokenWhenNotBuiltForBenchmarking() {
        given().get("/v1/bench/constant").then().statusCode(401).contentType("application/problem+json");
    }
}

/**
 * Built with {@code mamori.bench=true} and run with {@code mamori.bench.enabled=true}, as bench/run does: a
 * decision-shaped constant, behind the decision's own roles.
 */
@QuarkusTest
@TestProfile(BenchResourceEnabledTest.Enabled.class)
class BenchResourceEnabledTest {

    public static final class Enabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mamori.bench", "true", "mamori.bench.enabled", "true");
        }
    }

    @Test
    void shouldStillNotPublishTheBenchmarkInTheOpenApiDocument() {
        given().get("/q/openapi").then().statusCode(200).body(not(containsString("/v1/bench")));
    }

    @Test
    void shouldAnswerAConstantDecisionToEveryRoleThatMayAskForDecisions() {
        for (String role : new String[] {"client-system", "operator", "privacy-officer"}) {
            given().auth()
                    .oauth2(TestTokens.forTenant("tenant-a", role))
                    .get("/v1/bench/constant")
                    .then()
                    .statusCode(200)
                    .contentType("application/json")
                    .body("allowed", equalTo(true))
                    .body("reason", equalTo("CONSENT_GIVEN"))
                    .body("purposeVersion", equalTo(1))
                    .body("subjectRef", equalTo("cust-000001"));
        }
    }

    @Test
    void shouldRefuseTheSameCallersTheDecisionRefuses() {
        given().get("/v1/bench/constant").then().statusCode(401).contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.forged("tenant-a", "client-system"))
                .get("/v1/bench/constant")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TestTokens.forTenant("tenant-a", "auditor"))
                .get("/v1/bench/constant")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.forTenant("tenant-a", "client-system"))
                .header("X-Mamori-Tenant", "tenant-b")
                .get("/v1/bench/constant")
                .then()
                .statusCode(403)
                .body("type", equalTo("https://mamori.dev/problems/tenant-header-forbidden"));
    }

    @Test
    void shouldAnswerAConsentLikeTheWriteButWriteNothing() {
        String subject = "bench-floor-" + java.util.UUID.randomUUID();
        given().auth()
                .oauth2(TestTokens.forTenant("tenant-a", "client-system"))
                .contentType("application/json")
                .body(ConsentFixtures.consentBody(subject, "no-such-purpose", 1, "GIVEN", null))
                .post("/v1/bench/consent")
                .then()
                .statusCode(201)
                .contentType("application/json")
                .body("subjectRef", equalTo(subject))
                .body("purpose", equalTo("no-such-purpose"))
                .body("status", equalTo("GIVEN"));
        // Nothing was written: the person has no consent.
        given().auth()
                .oauth2(TestTokens.forTenant("tenant-a", "privacy-officer"))
                .get("/v1/subjects/" + subject + "/consents")
                .then()
                .statusCode(200)
                .body("consents", org.hamcrest.Matchers.empty());
    }

    @Test
    void shouldRefuseABadConsentBodyAsTheWriteDoes() {
        given().auth()
                .oauth2(TestTokens.forTenant("tenant-a", "client-system"))
                .contentType("application/json")
                .body("{\"subjectRef\": 7}")
                .post("/v1/bench/consent")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.forTenant("tenant-a", "auditor"))
                .contentType("application/json")
                .body(ConsentFixtures.consentBody("s", "p", 1, "GIVEN", null))
                .post("/v1/bench/consent")
                .then()
                .statusCode(403);
    }

    @Test
    void shouldRefuseAServiceTokenThatNamesNoTenantLikeTheDecisionDoes() {
        given().auth()
                .oauth2(TestTokens.service("request-service"))
                .get("/v1/bench/constant")
                .then()
                .statusCode(403)
                .body("type", equalTo("https://mamori.dev/problems/tenant-missing"));
    }
}
