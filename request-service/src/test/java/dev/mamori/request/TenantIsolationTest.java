package dev.mamori.request;

import static dev.mamori.request.Intakes.as;
import static dev.mamori.request.Intakes.create;
import static dev.mamori.request.Intakes.idsFor;
import static dev.mamori.request.Intakes.newSubject;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mamori.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TenantIsolationTest {

    @Test
    void shouldNeverLetAnotherTenantReadCancelOrListARequest() {
        String subject = newSubject();
        String id = create("tenant-a", "DISCLOSURE", subject);

        for (String role : List.of("client-system", "operator", "privacy-officer", "auditor")) {
            as("tenant-b", role)
                    .get("/v1/requests/" + id)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://mamori.dev/problems/not-found"));
            as("tenant-b", role).get("/v1/requests/" + id + "/events").then().statusCode(404);
            as("tenant-b", role)
                    .queryParam("subjectRef", subject)
                    .get("/v1/requests")
                    .then()
                    .statusCode(200)
                    .body("items", hasSize(0));
        }
        as("tenant-b", "operator")
                .queryParam("limit", 500)
                .get("/v1/requests")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(id)));
        for (String role : List.of("operator", "client-system")) {
            as("tenant-b", role)
                    .body(Map.of("reason", "not mine"))
                    .post("/v1/requests/" + id + "/cancel")
                    .then()
                    .statusCode(404);
        }

        as("tenant-a", "operator")
                .get("/v1/requests/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("IDENTITY_UNVERIFIED"));
        as("tenant-a", "operator").get("/v1/requests/" + id + "/events").then().body("items", hasSize(1));
        as("tenant-b", "auditor")
                .queryParam("subjectRef", subject)
                .get("/v1/audit-events")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void shouldServeAServiceOnlyTheTenantItNames() {
        String id = create("tenant-a", "ERASURE", newSubject());
        RestAssured.given()
                .auth()
                .oauth2(TestTokens.service("thirdparty-service"))
                .header("X-Mamori-Tenant", "tenant-b")
                .accept(ContentType.JSON)
                .get("/v1/requests/" + id)
                .then()
                .statusCode(404);
        RestAssured.given()
                .auth()
                .oauth2(TestTokens.service("thirdparty-service"))
                .header("X-Mamori-Tenant", "tenant-a")
                .accept(ContentType.JSON)
                .get("/v1/requests/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
        RestAssured.given()
                .auth()
                .oauth2(TestTokens.service("thirdparty-service"))
                .accept(ContentType.JSON)
                .get("/v1/requests/" + id)
                .then()
                .statusCode(403)
                .body("type", equalTo("https://mamori.dev/problems/tenant-missing"));
    }

    @Test
    void shouldCheckDuplicatesWithinATenantOnly() {
        String subject = newSubject();
        String a = create("tenant-a", "DISCLOSURE", subject);
        String b = create("tenant-b", "DISCLOSURE", subject);
        assertEquals(List.of(a), idsFor("tenant-a", subject));
        assertEquals(List.of(b), idsFor("tenant-b", subject));
        as("tenant-b", "operator")
                .queryParam("limit", 500)
                .get("/v1/requests")
                .then()
                .body("items.id", not(hasItem(a)));
        as("tenant-a", "auditor")
                .queryParam("subjectRef", subject)
                .get("/v1/audit-events")
                .then()
                .body("items.tenantId", everyItem(equalTo("tenant-a")))
                .body("items.resourceId", not(hasItem(b)));
    }
}
