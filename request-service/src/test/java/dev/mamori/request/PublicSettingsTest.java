package dev.mamori.request;

import static dev.mamori.request.Intakes.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.mamori.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The privacy center publishes the fees (APPI Art. 32(1)(iii), Art. 38) with its own service token. */
@QuarkusTest
class PublicSettingsTest {

    @Test
    void shouldLetAServiceTokenReadTheTenantsFeesButNotSetThem() {
        String tenant = "tenant-public-fees";
        as(tenant, "privacy-officer")
                .body(Map.of("businessDaysToDue", 10, "disclosureFeeJpy", 1000))
                .put("/v1/request-settings")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(TestTokens.service("privacy-center"))
                .header("X-Mamori-Tenant", tenant)
                .get("/v1/request-settings")
                .then()
                .statusCode(200)
                .body("disclosureFeeJpy", equalTo(1000));
        given().auth()
                .oauth2(TestTokens.service("privacy-center"))
                .header("X-Mamori-Tenant", tenant)
                .contentType(ContentType.JSON)
                .body(Map.of("businessDaysToDue", 10, "disclosureFeeJpy", 0))
                .put("/v1/request-settings")
                .then()
                .statusCode(403);
    }
}
