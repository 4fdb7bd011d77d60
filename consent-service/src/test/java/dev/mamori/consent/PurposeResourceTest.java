package dev.mamori.consent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.mamori.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PurposeResourceTest {

    private static RequestSpecification as(String tenant, String role) {
        return given().auth().oauth2(TestTokens.forTenant(tenant, role)).contentType(ContentType.JSON);
    }

    private static String draft(String code) {
        return """
                {"code": "%s", "titleJa": "お問い合わせ対応", "titleEn": "Handling enquiries",
                 "descriptionJa": "お問い合わせに回答するため、氏名と電話番号を利用します。",
                 "dataItems": ["name", "phone"]}""".formatted(code);
    }

    private static String uniqueCode() {
        return "p-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void shouldPublishAPurposeAsVersionOne() {
        String code = uniqueCode();
        as("tenant-a", "privacy-officer")
                .body(draft(code))
                .post("/v1/purposes")
                .then()
                .statusCode(201)
                .header("Location", containsString("/v1/purposes/" + code))
                .body("code", equalTo(code))
                .body("currentVersion", equalTo(1))
                .body("current.changeType", equalTo("INITIAL"))
                .body("current.titleJa", equalTo("お問い合わせ対応"))
                .body("current.publishedBy", equalTo("service-account-tenant-a-privacy-officer"));

        as("tenant-a", "operator")
                .get("/v1/purposes/" + code)
                .then()
                .statusCode(200)
                .body("versions", hasSize(1));
    }

    @Test
    void shouldKeepEveryVersionAndMoveTheCurrentOne() {
        String code = uniqueCode();
        as("tenant-a", "privacy-officer")
                .body(draft(code))
                .post("/v1/purposes")
                .then()
                .statusCode(201);
        as("tenant-a", "privacy-officer")
                .body("""
                {"changeType": "UNRELATED", "titleJa": "マーケティング", "descriptionJa": "新商品のご案内に利用します。",
                 "dataItems": ["name", "email"]}""")
                .post("/v1/purposes/" + code + "/versions")
                .then()
                .statusCode(201)
                .body("currentVersion", equalTo(2))
                .body("current.changeType", equalTo("UNRELATED"));

        as("tenant-a", "client-system")
                .get("/v1/purposes/" + code)
                .then()
                .statusCode(200)
                .body("versions", hasSize(2))
                .body("versions[0].titleJa", equalTo("お問い合わせ対応"))
                .body("versions[1].dataItems", hasItem("email"))
                .body("current.version", equalTo(2));
    }

    @Test
    void shouldRefuseASecondPurposeWithTheSameCode() {
        String code = uniqueCode();
        as("tenant-a", "privacy-officer")
                .body(draft(code))
                .post("/v1/purposes")
                .then()
                .statusCode(201);
        as("tenant-a", "privacy-officer")
                .body(draft(code))
                .post("/v1/purposes")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/purpose-exists"));
    }

    @Test
    void shouldNameEveryInvalidFieldAndWriteNothing() {
        as("tenant-a", "privacy-officer")
                .body("{\"code\": \"Bad Code\", \"dataItems\": []}")
                .post("/v1/purposes")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/validation"))
                .body("errors.field", hasItem("code"))
                .body("errors.field", hasItem("titleJa"))
                .body("errors.field", hasItem("descriptionJa"))
                .body("errors.field", hasItem("dataItems"));
        as("tenant-a", "privacy-officer").get("/v1/purposes/Bad Code").then().statusCode(404);
    }

    @Test
    void shouldAnswerMalformedJsonWrongTypesAndUnknownEnumsWith400() {
        as("tenant-a", "privacy-officer")
                .body("{\"code\": ")
                .post("/v1/purposes")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/malformed-body"));
        as("tenant-a", "privacy-officer")
                .body(draft(uniqueCode())
                        .replace("\"dataItems\"", "\"sensitiveCategories\": [\"ASTROLOGY\"], \"dataItems\""))
                .post("/v1/purposes")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("sensitiveCategories[0]"))
                .body("errors[0].message", containsString("MEDICAL_HISTORY"));
        as("tenant-a", "privacy-officer")
                .body(draft(uniqueCode())
                        .replace("\"dataItems\"", "\"thirdPartyProvision\": \"perhaps\", \"dataItems\""))
                .post("/v1/purposes")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("thirdPartyProvision"));
        as("tenant-a", "privacy-officer")
                .body(draft(uniqueCode()).replace("\"dataItems\"", "\"colour\": \"red\", \"dataItems\""))
                .post("/v1/purposes")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("colour"));
        as("tenant-a", "privacy-officer")
                .get("/v1/purposes?limit=100000")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void shouldRequireRecipientsForThirdPartyProvisionAndArt28InformationForForeignRecipients() {
        as("tenant-a", "privacy-officer")
                .body(draft(uniqueCode()).replace("\"dataItems\"", "\"thirdPartyProvision\": true, \"dataItems\""))
                .post("/v1/purposes")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/recipients-required"))
                .body("errors[0].field", equalTo("recipientTypes"));
        as("tenant-a", "privacy-officer")
                .body(
                        draft(uniqueCode())
                                .replace(
                                        "\"dataItems\"",
                                        "\"thirdPartyProvision\": true, \"recipientTypes\": [\"GROUP_COMPANY\"], \"crossBorderCountries\": [\"US\"], \"dataItems\""))
                .post("/v1/purposes")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/cross-border-information-required"));
    }

    @Test
    void shouldRefuseAVersionWithoutAChangeTypeOrForAnUnknownPurpose() {
        String code = uniqueCode();
        as("tenant-a", "privacy-officer")
                .body(draft(code))
                .post("/v1/purposes")
                .then()
                .statusCode(201);
        as("tenant-a", "privacy-officer")
                .body(draft(code))
                .post("/v1/purposes/" + code + "/versions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("changeType"));
        as("tenant-a", "privacy-officer")
                .body(draft("nope").replace("\"code\": \"nope\",", "\"changeType\": \"RELATED\","))
                .post("/v1/purposes/nope/versions")
                .then()
                .statusCode(404)
                .body("type", equalTo("https://mamori.dev/problems/not-found"));
        as("tenant-a", "privacy-officer").get("/v1/purposes/" + code).then().body("currentVersion", equalTo(1));
    }

    @Test
    void shouldNeverShowOneTenantsPurposesToAnother() {
        String code = uniqueCode();
        as("tenant-a", "privacy-officer")
                .body(draft(code))
                .post("/v1/purposes")
                .then()
                .statusCode(201);

        as("tenant-b", "privacy-officer").get("/v1/purposes/" + code).then().statusCode(404);
        as("tenant-b", "privacy-officer")
                .get("/v1/purposes?limit=500")
                .then()
                .statusCode(200)
                .body("items.code", not(hasItem(code)));
        as("tenant-b", "privacy-officer")
                .body(draft(code).replace("\"code\": \"" + code + "\",", "\"changeType\": \"RELATED\","))
                .post("/v1/purposes/" + code + "/versions")
                .then()
                .statusCode(404);
        // The same code is free in another tenant: codes are tenant-scoped.
        as("tenant-b", "privacy-officer")
                .body(draft(code))
                .post("/v1/purposes")
                .then()
                .statusCode(201);
        as("tenant-a", "privacy-officer")
                .get("/v1/purposes/" + code)
                .then()
                .statusCode(200)
                .body("versions", hasSize(1));
    }

    @Test
    void shouldReplayARetriedCreateWithTheSameIdempotencyKey() {
        String code = uniqueCode();
        String key = UUID.randomUUID().toString();
        String first = as("tenant-a", "privacy-officer")
                .header("Idempotency-Key", key)
                .body(draft(code))
                .post("/v1/purposes")
                .then()
                .statusCode(201)
                .extract()
                .asString();
        as("tenant-a", "privacy-officer")
                .header("Idempotency-Key", key)
                .body(draft(code))
                .post("/v1/purposes")
                .then()
                .statusCode(201)
                .header("Location", containsString(code))
                .header("Idempotent-Replayed", equalTo("true"))
                .body(equalTo(first));
        as("tenant-a", "privacy-officer")
                .header("Idempotency-Key", key)
                .body(draft(uniqueCode()))
                .post("/v1/purposes")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/idempotency-key-reused"));
        // The same key in another tenant is another key.
        as("tenant-b", "privacy-officer")
                .header("Idempotency-Key", key)
                .body(draft(code))
                .post("/v1/purposes")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", equalTo(null));
    }

    @Test
    void shouldAnswer404AsProblemJsonForUnknownIds() {
        as("tenant-a", "operator")
                .get("/v1/purposes/does-not-exist")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", startsWith("https://mamori.dev/problems/"));
    }
}
