package dev.mamori.consent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.mamori.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Background work crosses services with a service token that names the tenant it acts for. */
@QuarkusTest
class TenantHeaderTest {

    @Test
    void shouldLetAServiceTokenActForTheTenantItNamesAndForNoOther() {
        given().auth()
                .oauth2(TestTokens.forTenant("tenant-a", "privacy-officer"))
                .contentType(ContentType.JSON)
                .body("""
                        {"code": "header-check", "titleJa": "配送", "descriptionJa": "商品の配送に利用します。", "dataItems": ["address"]}
                        """)
                .post("/v1/purposes")
                .then()
                .statusCode(201);

        given().auth()
                .oauth2(TestTokens.service("request-service"))
                .header("X-Mamori-Tenant", "tenant-a")
                .get("/v1/purposes/header-check")
                .then()
                .statusCode(200)
                .body("code", equalTo("header-check"));
        given().auth()
                .oauth2(TestTokens.service("request-service"))
                .header("X-Mamori-Tenant", "tenant-b")
                .get("/v1/purposes/header-check")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.service("request-service"))
                .header("X-Mamori-Tenant", "tenant-b")
                .get("/v1/purposes?limit=500")
                .then()
                .statusCode(200)
                .body("items.code", not(hasItem("header-check")));
    }

    @Test
    void shouldRefuseAServiceTokenThatNamesNoTenant() {
        given().auth()
                .oauth2(TestTokens.service("request-service"))
                .get("/v1/purposes")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/tenant-missing"));
    }

    @Test
    void shouldRefuseAMalformedTenantHeader() {
        given().auth()
                .oauth2(TestTokens.service("request-service"))
                .header("X-Mamori-Tenant", "Robert'); DROP")
                .get("/v1/purposes")
                .then()
                .statusCode(400)
                .body("type", equalTo("https://mamori.dev/problems/invalid-tenant-header"));
    }

    @Test
    void shouldNotLetAServiceTokenDoWhatItsRoleDoesNotAllowEvenForANamedTenant() {
        given().auth()
                .oauth2(TestTokens.service("request-service"))
                .header("X-Mamori-Tenant", "tenant-b")
                .contentType(ContentType.JSON)
                .body("""
                        {"code": "svc-written", "titleJa": "配送", "descriptionJa": "商品の配送に利用します。", "dataItems": ["address"]}
                        """)
                .post("/v1/purposes")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.forTenant("tenant-b", "auditor"))
                .get("/v1/audit-events?limit=500")
                .then()
                .statusCode(200)
                .body("items.resourceId", everyItem(not(equalTo("svc-written@1"))));
    }

    @Test
    void shouldLetTheServiceTokenOfThePrivacyCenterReadTheControllerItPublishesButNotChangeIt() {
        given().auth()
                .oauth2(TestTokens.forTenant("tenant-pc", "privacy-officer"))
                .contentType(ContentType.JSON)
                .body("""
                        {"guardianAgeThreshold": 16, "controllerName": "株式会社ピーシー",
                         "controllerRepresentative": "代表取締役 山田 太郎"}""")
                .put("/v1/consent-policy")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(TestTokens.service("privacy-center"))
                .header("X-Mamori-Tenant", "tenant-pc")
                .get("/v1/consent-policy")
                .then()
                .statusCode(200)
                .body("controllerName", equalTo("株式会社ピーシー"))
                .body("controllerRepresentative", equalTo("代表取締役 山田 太郎"));
        given().auth()
                .oauth2(TestTokens.service("privacy-center"))
                .header("X-Mamori-Tenant", "tenant-pc")
                .contentType(ContentType.JSON)
                .body("{\"guardianAgeThreshold\": 13, \"controllerName\": \"偽\"}")
                .put("/v1/consent-policy")
                .then()
                .statusCode(403);
    }
}
