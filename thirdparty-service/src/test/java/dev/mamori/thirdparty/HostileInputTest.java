package dev.mamori.thirdparty;

import static dev.mamori.thirdparty.ProvisionResourceTest.provision;
import static dev.mamori.thirdparty.ProvisionResourceTest.subject;
import static dev.mamori.thirdparty.ProvisionResourceTest.with;
import static dev.mamori.thirdparty.ThirdPartyResourceTest.as;
import static dev.mamori.thirdparty.ThirdPartyResourceTest.corporation;
import static dev.mamori.thirdparty.ThirdPartyResourceTest.register;
import static dev.mamori.thirdparty.ThirdPartyResourceTest.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.mamori.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Text no honest caller sends (NUL, lone surrogates, over-long values, wrongly typed parameters) gets a 4xx
 * problem+json naming what is wrong on every main endpoint, never a 5xx, and nothing is stored.
 */
@QuarkusTest
class HostileInputTest {

    private static final String TENANT = "tenant-h";
    private static final String PROBLEM = "application/problem+json";

    private static ValidatableResponse refused(ValidatableResponse response, int status, String field) {
        return response.statusCode(status).contentType(PROBLEM).body("errors.field", hasItem(field));
    }

    @Test
    void shouldRefuseHostileBodyTextNamingTheField() {
        String name = unique("株式会社ホスタイル");
        String body = corporation(name);
        for (Map.Entry<String, String> bad : Map.of(
                        "name", body.replace(name, name + "\\u0000"),
                        "address", body.replace("新宿三井ビルディング51F", "\\ud800"),
                        "representative", body.replace("正木 慎二", "x".repeat(10_000)))
                .entrySet()) {
            refused(
                    as(TENANT, "privacy-officer")
                            .body(bad.getValue())
                            .post("/v1/third-parties")
                            .then(),
                    400,
                    bad.getKey());
        }
        // The same through the main POST endpoints' free text and lists.
        String recipient = register(TENANT, corporation(unique("株式会社ジョブオファー")));
        String s = subject();
        Map<String, Object> good = provision(recipient, "referral", s);
        refused(
                as(TENANT, "client-system")
                        .body(with(good, "subjectRefs", List.of("a\u0000b")))
                        .post("/v1/provisions")
                        .then(),
                400,
                "subjectRefs[0]");
        refused(
                as(TENANT, "client-system")
                        .body(with(good, "dataItems", List.of("name\u0000")))
                        .post("/v1/provisions")
                        .then(),
                400,
                "dataItems[0]");
        refused(
                as(TENANT, "client-system")
                        .body(with(good, "purpose", "p".repeat(10_000)))
                        .post("/v1/provisions/checks")
                        .then(),
                400,
                "purpose");
        refused(
                as(TENANT, "client-system")
                        .body(with(good, "subjectRefs", List.of("x".repeat(129))))
                        .post("/v1/provisions/checks")
                        .then(),
                400,
                "subjectRefs[0]");
        // sensitiveCategories: [null] — a null inside a list is refused by the platform's strict JSON.
        refused(
                as(TENANT, "client-system")
                        .body("""
                {"recipientId": "%s", "subjectRefs": ["%s"], "dataItems": ["name"], "method": "EACH",
                 "sensitiveCategories": [null]}""".formatted(recipient, s))
                        .post("/v1/provisions")
                        .then(),
                400,
                "sensitiveCategories[0]");
        refused(
                as(TENANT, "client-system")
                        .body(with(good, "subjectRefs", "not-a-list"))
                        .post("/v1/provisions")
                        .then(),
                400,
                "subjectRefs");
        refused(
                as(TENANT, "client-system")
                        .body(with(good, "recipientId", "zzz"))
                        .post("/v1/provisions")
                        .then(),
                400,
                "recipientId");
        refused(
                as(TENANT, "client-system")
                        .body(with(good, "method", 1))
                        .post("/v1/provisions")
                        .then(),
                400,
                "method");
        refused(
                given().auth()
                        .oauth2(TestTokens.service("request-service"))
                        .header("X-Mamori-Tenant", TENANT)
                        .contentType(ContentType.JSON)
                        .body("{\"ground\": \"ART_35_3\", \"requestRef\": \"dsr\\u0000\"}")
                        .post("/v1/subjects/" + s + "/provision-stops")
                        .then(),
                400,
                "requestRef");
        refused(
                as(TENANT, "client-system")
                        .body("""
                {"providerId": "%s", "subjectRefs": ["%s"], "dataItems": ["name"], "basis": "CONSENT",
                 "consentConfirmed": true, "method": "EACH", "acquisitionCircumstances": "\\u0000"}""".formatted(recipient, s))
                        .post("/v1/receipts")
                        .then(),
                400,
                "acquisitionCircumstances");
        refused(
                as(TENANT, "privacy-officer")
                        .body("{\"title\": \"" + "t".repeat(5000) + "\\u0000\"}")
                        .post("/v1/joint-use-schemes")
                        .then(),
                400,
                "title");
        // A member is a tenant id as sent: not one with spaces around it, nor anything else.
        for (String member : List.of(" tenant-b", "tenant-b ", "Tenant-B", "tenant_b", "t".repeat(64))) {
            refused(
                    as(TENANT, "privacy-officer")
                            .body(JointUseSchemeResourceTest.scheme(
                                    unique("Scheme"), "[\"" + member + "\"]", "[\"p\"]", "2025-04-01", "2025-03-01"))
                            .post("/v1/joint-use-schemes")
                            .then(),
                    400,
                    "members[0]");
        }

        // Nothing of it was stored, and the audit chain still verifies.
        as(TENANT, "auditor")
                .get("/v1/third-parties?limit=500")
                .then()
                .statusCode(200)
                .body("items.name", not(hasItem(startsWith("株式会社ホスタイル"))));
        as(TENANT, "operator")
                .get("/v1/subjects/" + s + "/provisions")
                .then()
                .statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
        as(TENANT, "operator")
                .get("/v1/subjects/" + s + "/provision-stops")
                .then()
                .statusCode(200)
                .body("$", org.hamcrest.Matchers.empty());
        as(TENANT, "auditor")
                .get("/v1/audit-events/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(true));
    }

    @Test
    void shouldRefuseHostileQueryAndPathValuesNamingTheParameter() {
        List<String> lists = List.of(
                "/v1/third-parties",
                "/v1/contractors",
                "/v1/joint-use-schemes",
                "/v1/opt-out-filings",
                "/v1/record-deletions",
                "/v1/subjects/cust-1/provisions",
                "/v1/subjects/cust-1/receipts");
        for (String list : lists) {
            for (String query : List.of(
                    "limit=abc", "limit=1%00", "limit=99999999999999999999", "offset=-1", "offset=1.5", "limit=0")) {
                refused(
                        as(TENANT, "privacy-officer")
                                .urlEncodingEnabled(false)
                                .get(list + "?" + query)
                                .then(),
                        400,
                        query.substring(0, query.indexOf('=')));
            }
        }
        // NUL and over-long values in a path.
        for (String path : List.of(
                "/v1/subjects/a%00b/provisions",
                "/v1/subjects/a%00/receipts", "/v1/subjects/" + "x".repeat(129) + "/provision-stops")) {
            refused(as(TENANT, "operator").urlEncodingEnabled(false).get(path).then(), 400, "subjectRef");
        }
        for (String path : List.of(
                "/v1/third-parties/not-a-uuid",
                "/v1/provisions/1%00",
                "/v1/receipts/" + "9".repeat(3000),
                "/v1/contractors/%00",
                "/v1/joint-use-schemes/x",
                "/v1/opt-out-filings/x")) {
            refused(as(TENANT, "auditor").urlEncodingEnabled(false).get(path).then(), 400, "id");
        }
        // A path far too long for any value: refused before anything runs, still as problem+json.
        as(TENANT, "auditor")
                .urlEncodingEnabled(false)
                .get("/v1/subjects/" + "x".repeat(20_000) + "/provisions")
                .then()
                .statusCode(greaterThanOrEqualTo(400))
                .statusCode(lessThan(500))
                .contentType(PROBLEM);
        char[] many = new char[3000];
        Arrays.fill(many, 'a');
        as(TENANT, "auditor")
                .urlEncodingEnabled(false)
                .get("/v1/third-parties?limit=" + new String(many))
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("limit"));
    }
}
