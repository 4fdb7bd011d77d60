package dev.mamori.thirdparty;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ThirdPartyResourceTest {

    static RequestSpecification as(String tenant, String role) {
        return given().auth().oauth2(TestTokens.forTenant(tenant, role)).contentType(ContentType.JSON);
    }

    /** A corporation in Japan that receives data with the principals' consent (Art. 27(1)). */
    static String corporation(String name) {
        return """
                {"name": "%s", "address": "東京都新宿区西新宿2-1-1 新宿三井ビルディング51F",
                 "representative": "正木 慎二", "kind": "CORPORATION", "legalBasis": "CONSENT"}""".formatted(name);
    }

    static String party(String name, String kind, String country, String legalBasis, String crossBorderBasis) {
        return """
                {"name": "%s", "address": "1 Example Street", "representative": "Jane Doe", "kind": "%s",
                 "country": "%s", "legalBasis": "%s"%s}""".formatted(
                        name,
                        kind,
                        country,
                        legalBasis,
                        crossBorderBasis == null ? "" : ", \"crossBorderBasis\": \"" + crossBorderBasis + "\"");
    }

    static String register(String tenant, String body) {
        return as(tenant, "privacy-officer")
                .body(body)
                .post("/v1/third-parties")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void shouldRegisterACorporationInJapanAndReadItBack() {
        String name = unique("株式会社ジョブマッチ");
        String id = as("tenant-a", "privacy-officer")
                .body(corporation(name))
                .post("/v1/third-parties")
                .then()
                .statusCode(201)
                .header("Location", containsString("/v1/third-parties/"))
                .body("name", equalTo(name))
                .body("representative", equalTo("正木 慎二"))
                .body("kind", equalTo("CORPORATION"))
                .body("country", equalTo("JP"))
                .body("legalBasis", equalTo("CONSENT"))
                .body("crossBorderBasis", nullValue())
                .body("provisionRecordsRequired", equalTo(true))
                .body("createdBy", equalTo("service-account-tenant-a-privacy-officer"))
                .extract()
                .path("id");

        as("tenant-a", "operator")
                .get("/v1/third-parties/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo(name))
                .body("address", containsString("西新宿"));
        as("tenant-a", "auditor")
                .get("/v1/third-parties?limit=500")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    void shouldRequireTheRepresentativeOfACorporationButNotOfAnIndividual() {
        as("tenant-a", "privacy-officer")
                .body(corporation(unique("No Rep")).replace("\"representative\": \"正木 慎二\",", ""))
                .post("/v1/third-parties")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/representative-required"))
                .body("errors[0].field", equalTo("representative"));
        as("tenant-a", "privacy-officer")
                .body(party(unique("Agency"), "PUBLIC_AGENCY", "JP", "LAW_27_1_4", null)
                        .replace("\"representative\": \"Jane Doe\",", "\"representative\": \"  \","))
                .post("/v1/third-parties")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("representative"));
        as("tenant-a", "privacy-officer")
                .body("""
                        {"name": "山田 太郎", "address": "大阪府大阪市北区1-1", "kind": "INDIVIDUAL", "legalBasis": "CONSENT"}""")
                .post("/v1/third-parties")
                .then()
                .statusCode(201)
                .body("representative", nullValue())
                .body("kind", equalTo("INDIVIDUAL"));
    }

    @Test
    void shouldNameEveryInvalidFieldAndWriteNothing() {
        String name = unique("Invalid");
        as("tenant-a", "privacy-officer")
                .body("{\"name\": \"" + name + "\", \"country\": \"jp\"}")
                .post("/v1/third-parties")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/validation"))
                .body("errors.field", hasItem("address"))
                .body("errors.field", hasItem("kind"))
                .body("errors.field", hasItem("legalBasis"))
                .body("errors.field", hasItem("country"))
                .body("errors.field", not(hasItem("name")));
        as("tenant-a", "privacy-officer")
                .body(party(name, "CORPORATION", "XX", "CONSENT", null))
                .post("/v1/third-parties")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("country"));
        as("tenant-a", "privacy-officer")
                .body(party(name, "CORPORATION", "JP", "LAW_27_1_8", null))
                .post("/v1/third-parties")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("legalBasis"))
                .body("errors[0].message", containsString("LAW_27_1_7"));
        as("tenant-a", "privacy-officer")
                .body(party(name, "PARTNERSHIP", "JP", "CONSENT", null))
                .post("/v1/third-parties")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        as("tenant-a", "privacy-officer")
                .body("{\"name\": ")
                .post("/v1/third-parties")
                .then()
                .statusCode(400)
                .body("type", equalTo("https://mamori.dev/problems/malformed-body"));
        as("tenant-a", "privacy-officer")
                .get("/v1/third-parties?limit=100000")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        as("tenant-a", "privacy-officer")
                .get("/v1/third-parties?limit=500")
                .then()
                .statusCode(200)
                .body("items.name", not(hasItem(name)));
    }

    @Test
    void shouldAcceptEverySevenArt27ExceptionAndTheCasesThatAreNotAThirdParty() {
        for (String basis : new String[] {
            "LAW_27_1_1", "LAW_27_1_2", "LAW_27_1_3", "LAW_27_1_4", "LAW_27_1_5", "LAW_27_1_6", "LAW_27_1_7"
        }) {
            as("tenant-a", "privacy-officer")
                    .body(party(unique("Exception"), "CORPORATION", "JP", basis, null))
                    .post("/v1/third-parties")
                    .then()
                    .statusCode(201)
                    .body("legalBasis", equalTo(basis))
                    .body("provisionRecordsRequired", equalTo(false));
        }
        for (String basis : new String[] {"ENTRUSTMENT", "BUSINESS_SUCCESSION", "JOINT_USE"}) {
            as("tenant-a", "privacy-officer")
                    .body(party(unique("Not a third party"), "CORPORATION", "JP", basis, null))
                    .post("/v1/third-parties")
                    .then()
                    .statusCode(201)
                    .body("provisionRecordsRequired", equalTo(false));
        }
        as("tenant-a", "privacy-officer")
                .body(party(unique("Opt-out"), "CORPORATION", "JP", "OPT_OUT", null))
                .post("/v1/third-parties")
                .then()
                .statusCode(201)
                .body("provisionRecordsRequired", equalTo(true));
        as("tenant-a", "privacy-officer")
                .body(party(unique("City office"), "PUBLIC_AGENCY", "JP", "CONSENT", null))
                .post("/v1/third-parties")
                .then()
                .statusCode(201)
                .body("provisionRecordsRequired", equalTo(false));
    }

    @Test
    void shouldRefuseAForeignPartyWithoutACrossBorderBasis() {
        String name = unique("US Analytics Inc.");
        as("tenant-a", "privacy-officer")
                .body(party(name, "CORPORATION", "US", "CONSENT", null))
                .post("/v1/third-parties")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/cross-border-basis-required"))
                .body("errors[0].field", equalTo("crossBorderBasis"));
        // Entrustment does not remove the need for an Art. 28 basis.
        as("tenant-a", "privacy-officer")
                .body(party(name, "CORPORATION", "US", "ENTRUSTMENT", null))
                .post("/v1/third-parties")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("crossBorderBasis"));
        as("tenant-a", "privacy-officer")
                .get("/v1/third-parties?limit=500")
                .then()
                .statusCode(200)
                .body("items.name", not(hasItem(name)));

        as("tenant-a", "privacy-officer")
                .body(party(name, "CORPORATION", "US", "CONSENT", "CONSENT_WITH_INFORMATION"))
                .post("/v1/third-parties")
                .then()
                .statusCode(201)
                .body("crossBorderBasis", equalTo("CONSENT_WITH_INFORMATION"));
        // A foreign entrustee relying on Art. 28(1) consent still needs provision records (Art. 29(1) proviso).
        as("tenant-a", "privacy-officer")
                .body(party(unique("US BPO"), "CORPORATION", "US", "ENTRUSTMENT", "CONSENT_WITH_INFORMATION"))
                .post("/v1/third-parties")
                .then()
                .statusCode(201)
                .body("provisionRecordsRequired", equalTo(true));
        as("tenant-a", "privacy-officer")
                .body(party(unique("SG Cloud Pte."), "CORPORATION", "SG", "ENTRUSTMENT", "EQUIVALENT_MEASURES"))
                .post("/v1/third-parties")
                .then()
                .statusCode(201)
                .body("provisionRecordsRequired", equalTo(false));
        // An Art. 27(1) exception needs no Art. 28 consent either.
        as("tenant-a", "privacy-officer")
                .body(party(unique("US court"), "PUBLIC_AGENCY", "US", "LAW_27_1_1", null))
                .post("/v1/third-parties")
                .then()
                .statusCode(201)
                .body("crossBorderBasis", nullValue());
    }

    @Test
    void shouldTreatEuEeaAndUkPartiesAsInAnAdequateCountryAndNoOtherCountry() {
        for (String country : new String[] {"DE", "FR", "NO", "IS", "LI", "GB"}) {
            as("tenant-a", "privacy-officer")
                    .body(party(unique("European"), "CORPORATION", country, "CONSENT", null))
                    .post("/v1/third-parties")
                    .then()
                    .statusCode(201)
                    .body("country", equalTo(country))
                    .body("crossBorderBasis", equalTo("ADEQUATE_COUNTRY"));
        }
        as("tenant-a", "privacy-officer")
                .body(party(unique("Swiss"), "CORPORATION", "CH", "CONSENT", "ADEQUATE_COUNTRY"))
                .post("/v1/third-parties")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/country-not-adequate"))
                .body("errors[0].field", equalTo("crossBorderBasis"));
        as("tenant-a", "privacy-officer")
                .body(party(unique("US"), "CORPORATION", "US", "CONSENT", "ADEQUATE_COUNTRY"))
                .post("/v1/third-parties")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("crossBorderBasis"));
        // "UK" is not an ISO 3166-1 code: the United Kingdom is GB.
        as("tenant-a", "privacy-officer")
                .body(party(unique("UK"), "CORPORATION", "UK", "CONSENT", null))
                .post("/v1/third-parties")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("country"));
    }

    @Test
    void shouldRefuseACrossBorderBasisForAPartyInJapanAndOptOutWhereArt28ConsentIsNeeded() {
        as("tenant-a", "privacy-officer")
                .body(party(unique("Domestic"), "CORPORATION", "JP", "CONSENT", "EQUIVALENT_MEASURES"))
                .post("/v1/third-parties")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/cross-border-basis-not-applicable"))
                .body("errors[0].field", equalTo("crossBorderBasis"));
        as("tenant-a", "privacy-officer")
                .body(party(unique("US list broker"), "CORPORATION", "US", "OPT_OUT", "CONSENT_WITH_INFORMATION"))
                .post("/v1/third-parties")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/opt-out-not-available-abroad"))
                .body("errors[0].field", equalTo("legalBasis"));
    }

    @Test
    void shouldNeverShowOneTenantsThirdPartiesToAnother() {
        String name = unique("Tenant A only");
        String id = register("tenant-a", corporation(name));

        as("tenant-b", "privacy-officer")
                .get("/v1/third-parties/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/not-found"));
        as("tenant-b", "privacy-officer")
                .get("/v1/third-parties?limit=500")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(id)))
                .body("items.name", not(hasItem(name)));
        given().auth()
                .oauth2(TestTokens.service("request-service"))
                .header("X-Mamori-Tenant", "tenant-b")
                .get("/v1/third-parties/" + id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.service("request-service"))
                .header("X-Mamori-Tenant", "tenant-a")
                .get("/v1/third-parties/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo(name));
    }

    @Test
    void shouldPageThroughTheListByName() {
        // tenant-d is used only here, so the pages hold exactly these parties.
        for (String name : new String[] {"C社", "A社", "B社"}) {
            register("tenant-d", corporation(name));
        }
        as("tenant-d", "operator")
                .get("/v1/third-parties?limit=2")
                .then()
                .statusCode(200)
                .body("items.name", contains("A社", "B社"))
                .body("next", equalTo("2"));
        as("tenant-d", "operator")
                .get("/v1/third-parties?limit=2&offset=2")
                .then()
                .statusCode(200)
                .body("items.name", contains("C社"))
                .body("next", nullValue());
    }

    @Test
    void shouldReplayARetriedRegistrationWithTheSameIdempotencyKey() {
        String name = unique("Retried");
        String key = UUID.randomUUID().toString();
        String first = as("tenant-a", "privacy-officer")
                .header("Idempotency-Key", key)
                .body(corporation(name))
                .post("/v1/third-parties")
                .then()
                .statusCode(201)
                .extract()
                .asString();
        String id = JsonPath.from(first).getString("id");
        as("tenant-a", "privacy-officer")
                .header("Idempotency-Key", key)
                .body(corporation(name))
                .post("/v1/third-parties")
                .then()
                .statusCode(201)
                .header("Location", containsString(id))
                .header("Idempotent-Replayed", equalTo("true"))
                .body(equalTo(first));
        as("tenant-a", "privacy-officer")
                .header("Idempotency-Key", key)
                .body(corporation(unique("Other")))
                .post("/v1/third-parties")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/idempotency-key-reused"));
        as("tenant-a", "privacy-officer")
                .get("/v1/third-parties?limit=500")
                .then()
                .body("items.findAll { it.name == '" + name + "' }.size()", equalTo(1));
        // The same key in another tenant is another key.
        as("tenant-b", "privacy-officer")
                .header("Idempotency-Key", key)
                .body(corporation(name))
                .post("/v1/third-parties")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", equalTo(null));
    }

    @Test
    void shouldAuditTheRegistrationForTheTenantsAuditorOnly() {
        String id = register("tenant-a", corporation(unique("Audited")));
        var events = AuditTrail.events("tenant-a", null, "THIRD_PARTY_REGISTERED", id);
        assertEquals(1, events.size());
        assertEquals("third-party", events.get(0).get("resourceType"));
        assertEquals("tenant-a-privacy-officer", events.get(0).get("actorClient"));
        assertEquals("SUCCESS", events.get(0).get("outcome"));
        assertTrue(AuditTrail.events("tenant-b", null, "THIRD_PARTY_REGISTERED", id)
                .isEmpty());
    }
}
