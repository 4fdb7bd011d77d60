package dev.mamori.consent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.mamori.testing.RobustnessContract;
import dev.mamori.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * No input a caller can send gets a 5xx, and every refusal is problem+json: every operation of the OpenAPI document,
 * called validly and then with each input broken in turn (see {@link RobustnessContract}).
 */
@QuarkusTest
class RobustnessContractTest {

    @Test
    void noInputGetsAServerErrorAndEveryRefusalIsAProblem() {
        RobustnessContract.verify(6);
    }

    /** The media types, the method and the body type are judged only once the caller has shown a valid token. */
    @Test
    void aCallerWithoutAValidTokenGets401WhateverItAsksFor() {
        given().accept("text/csv")
                .get("/v1/purposes")
                .then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://mamori.dev/problems/unauthorized"));
        given().accept("text/csv")
                .auth()
                .oauth2(TestTokens.forged("tenant-a", "privacy-officer"))
                .get("/v1/purposes")
                .then()
                .statusCode(401)
                .body("type", equalTo("https://mamori.dev/problems/unauthorized"));
        given().contentType("application/json")
                .body("{}")
                .patch("/v1/purposes")
                .then()
                .statusCode(401)
                .body("type", equalTo("https://mamori.dev/problems/unauthorized"));
        given().contentType("text/plain")
                .body("x")
                .post("/v1/purposes")
                .then()
                .statusCode(401)
                .body("type", equalTo("https://mamori.dev/problems/unauthorized"));
    }

    @Test
    void aCallerWithATokenLearnsWhyTheCallDoesNotFit() {
        String token = TestTokens.forTenant("tenant-a", "privacy-officer");
        given().auth()
                .oauth2(token)
                .accept("text/csv")
                .get("/v1/purposes")
                .then()
                .statusCode(406)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://mamori.dev/problems/not-acceptable"));
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{}")
                .patch("/v1/purposes")
                .then()
                .statusCode(405)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://mamori.dev/problems/method-not-allowed"));
        given().auth()
                .oauth2(token)
                .contentType("text/plain")
                .body("x")
                .post("/v1/purposes")
                .then()
                .statusCode(415)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://mamori.dev/problems/unsupported-media-type"));
    }
}
