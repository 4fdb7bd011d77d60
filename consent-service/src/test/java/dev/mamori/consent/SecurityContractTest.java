package dev.mamori.consent;

import static dev.mamori.consent.ConsentFixtures.consent;
import static dev.mamori.consent.ConsentFixtures.purpose;
import static dev.mamori.consent.ConsentFixtures.unique;
import static io.restassured.RestAssured.given;

import dev.mamori.testing.SecurityContract;
import dev.mamori.testing.TenantIsolation;
import dev.mamori.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SecurityContractTest {

    private static final String OWNER = TenantIsolation.OWNER;

    @Test
    void everyOperationRefusesMissingTokensWrongRolesAndForeignTenantHeaders() {
        SecurityContract.verify(6);
    }

    @Test
    void anotherTenantGetsNotFoundForEveryResourceOfTheFirst() {
        TenantIsolation.table()
                .resource("/v1/purposes/{code}", () -> Map.of("code", purpose(OWNER, null)))
                .body("POST", "/v1/purposes/{code}/versions", """
                        {"changeType": "RELATED", "titleJa": "会員サービス", "descriptionJa": "改訂版の説明です。",
                         "dataItems": ["name", "phone"]}""")
                .resource(
                        "/v1/consents/{id}",
                        () -> Map.of("id", consent(OWNER, unique("s"), purpose(OWNER, null), 1, "GIVEN", null)))
                .body("POST", "/v1/consents/{id}/withdraw", "{\"channel\": \"phone\"}")
                .resource("/v1/use-stops/{id}", () -> Map.of("id", useStop(unique("s"))))
                .body("POST", "/v1/use-stops/{id}/lift", "{\"reason\": \"the person asked to resume\"}")
                // A subject ref is a name inside the caller's tenant: tenant-b asking for tenant-a's cust-1 sees
                // its own cust-1 (nobody) and none of tenant-a's consents.
                .ownNamespace("/v1/subjects/{subjectRef}", () -> {
                    String subject = unique("s");
                    String code = purpose(OWNER, null);
                    return Map.of(
                            "subjectRef",
                            subject,
                            "consentId",
                            consent(OWNER, subject, code, 1, "GIVEN", null),
                            "purpose",
                            code);
                })
                .body(
                        "POST",
                        "/v1/subjects/{subjectRef}/use-stops",
                        "{\"requestRef\": \"req-isolation\", \"ground\": \"ART_35_5_HARM_RISK\"}")
                .verify(9);
    }

    /** A use stop of the owner on all purposes, placed as request-service places it. */
    private static String useStop(String subject) {
        consent(OWNER, subject, purpose(OWNER, null), 1, "GIVEN", null);
        return given().auth()
                .oauth2(TestTokens.service("request-service"))
                .header("X-Mamori-Tenant", OWNER)
                .contentType("application/json")
                .body("{\"requestRef\": \"req-isolation\", \"ground\": \"ART_35_5_HARM_RISK\"}")
                .post("/v1/subjects/" + subject + "/use-stops")
                .then()
                .statusCode(201)
                .extract()
                .path("[0].id");
    }
}
