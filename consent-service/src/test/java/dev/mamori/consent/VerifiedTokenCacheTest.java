package dev.mamori.consent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mamori.platform.tenant.VerifiedTokenCache;
import dev.mamori.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A verified token is remembered so its signature is not checked again on every call; what the token allows must
 * not change by being remembered: the same tenant, the same roles, and nothing after it expires.
 */
@QuarkusTest
class VerifiedTokenCacheTest {

    @Inject
    VerifiedTokenCache cache;

    @Test
    void shouldAnswerARememberedTokenWithItsOwnTenantAndRolesOnly() {
        String officer = TestTokens.sign("tenant-cache-a", null, "tenant-cache-a-privacy-officer", "privacy-officer");
        long before = cache.size();
        given().auth()
                .oauth2(officer)
                .contentType(ContentType.JSON)
                .body("""
                        {"code": "cache-check", "titleJa": "配送", "descriptionJa": "商品の配送に利用します。", "dataItems": ["address"]}
                        """)
                .post("/v1/purposes")
                .then()
                .statusCode(201);
        assertEquals(before + 1, cache.size(), "the verified token is remembered");
        // Answered from the cache from here on: still tenant-cache-a's own data.
        for (int i = 0; i < 3; i++) {
            given().auth()
                    .oauth2(officer)
                    .get("/v1/purposes/cache-check")
                    .then()
                    .statusCode(200)
                    .body("code", equalTo("cache-check"));
        }
        assertEquals(before + 1, cache.size(), "one entry per token, however often it is used");

        String otherTenant =
                TestTokens.sign("tenant-cache-b", null, "tenant-cache-b-privacy-officer", "privacy-officer");
        for (int i = 0; i < 2; i++) {
            given().auth()
                    .oauth2(otherTenant)
                    .get("/v1/purposes/cache-check")
                    .then()
                    .statusCode(404);
            given().auth()
                    .oauth2(otherTenant)
                    .get("/v1/purposes?limit=500")
                    .then()
                    .statusCode(200)
                    .body("items.code", not(hasItem("cache-check")));
        }

        String auditor = TestTokens.sign("tenant-cache-a", null, "tenant-cache-a-auditor", "auditor");
        for (int i = 0; i < 2; i++) {
            given().auth()
                    .oauth2(auditor)
                    .get("/v1/audit-events?limit=5")
                    .then()
                    .statusCode(200);
            given().auth()
                    .oauth2(auditor)
                    .contentType(ContentType.JSON)
                    .body("""
                            {"code": "auditor-writes", "titleJa": "配送", "descriptionJa": "商品の配送に利用します。", "dataItems": ["address"]}
                            """)
                    .post("/v1/purposes")
                    .then()
                    .statusCode(403);
        }
    }

    @Test
    void shouldRefuseARememberedTokenOnceItHasExpired() throws InterruptedException {
        String shortLived = TestTokens.expiringIn(3, "tenant-cache-a", "client-system");
        long expiresAt = System.currentTimeMillis() + 3_000;
        given().auth().oauth2(shortLived).get("/v1/purposes").then().statusCode(200);
        given().auth().oauth2(shortLived).get("/v1/purposes").then().statusCode(200);
        Thread.sleep(Math.max(0, expiresAt - System.currentTimeMillis()) + 1_500);
        given().auth().oauth2(shortLived).get("/v1/purposes").then().statusCode(401);
    }

    @Test
    void shouldNotAcceptAnAlteredCopyOfARememberedToken() {
        String genuine = TestTokens.forTenant("tenant-cache-a", "client-system");
        given().auth().oauth2(genuine).get("/v1/purposes").then().statusCode(200);
        String altered = genuine.substring(0, genuine.lastIndexOf('.') + 1) + "AAAA"
                + genuine.substring(genuine.lastIndexOf('.') + 5);
        given().auth().oauth2(altered).get("/v1/purposes").then().statusCode(401);
        given().auth().oauth2(genuine).get("/v1/purposes").then().statusCode(200);
    }
}
