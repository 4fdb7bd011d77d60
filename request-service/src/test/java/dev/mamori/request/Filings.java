package dev.mamori.request;

import static io.restassured.RestAssured.given;

import dev.mamori.request.service.OneTimeCode;
import dev.mamori.testing.PostgresTestResource;
import dev.mamori.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Builders for the privacy center's calls of online filings, so the tests read as what they check. */
final class Filings {

    static final String REQUESTER_EMAIL = "agent@example.jp";

    private Filings() {}

    /** A tenant of its own per test, so its audit log holds only what the test did. */
    static String newTenant() {
        return "tenant-filing-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The privacy center's service token, naming the page's tenant. */
    static RequestSpecification center(String tenant) {
        return given().auth()
                .oauth2(TestTokens.service("privacy-center"))
                .header("X-Mamori-Tenant", tenant)
                .contentType(ContentType.JSON);
    }

    /** A complete, valid filing of {@code type} by an appointed agent, with what the type needs. */
    static Map<String, Object> filing(String type) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("email", REQUESTER_EMAIL);
        contact.put("phone", "090-1111-2222");
        Map<String, Object> requester = new LinkedHashMap<>();
        requester.put("name", "山田 太郎");
        requester.put("relation", "APPOINTED_AGENT");
        requester.put("contact", contact);
        body.put("requester", requester);
        body.put("agent", new LinkedHashMap<>(Map.of("type", "POWER_OF_ATTORNEY", "evidenceDescription", "委任状")));
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("name", "山田 花子");
        person.put("email", "hanako@example.jp");
        person.put("phone", "080-3333-4444");
        person.put("customerNumber", "C-1234");
        body.put("person", person);
        switch (type) {
            case "DISCLOSURE", "PROVISION_RECORD_DISCLOSURE" -> body.put("deliveryMethod", "ELECTRONIC");
            case "USE_STOP", "ERASURE" -> body.put("ground", "ART_35_5_A");
            case "PROVISION_STOP" -> body.put("ground", "ART_35_3");
            case "CORRECTION" ->
                body.put(
                        "correction",
                        new LinkedHashMap<>(Map.of(
                                "kind", "CORRECTION",
                                "dataItem", "postal address",
                                "claimedUntrue", "登録住所が転居前のままです")));
            default -> {}
        }
        body.put("formConsent", true);
        body.put("language", "ja");
        return body;
    }

    /** A filing of {@code type} by the person themself. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> filingBySelf(String type) {
        Map<String, Object> body = filing(type);
        ((Map<String, Object>) body.get("requester")).put("relation", "SELF");
        body.remove("agent");
        return body;
    }

    /** Files {@code body} and answers the filing id. */
    static String file(String tenant, Map<String, Object> body) {
        return center(tenant)
                .body(body)
                .post("/v1/online-filings")
                .then()
                .statusCode(202)
                .extract()
                .path("filingId");
    }

    /**
     * The code of the filing. Only its hash is stored, so the test puts a code it knows in place of the mailed one
     * (the same as the requester reading the mail, for what the service checks).
     */
    static String codeOf(String filingId) {
        String code = "482913";
        try (Connection c = PostgresTestResource.connect();
                PreparedStatement read = c.prepareStatement("SELECT code_salt FROM online_filing WHERE id = ?")) {
            read.setObject(1, UUID.fromString(filingId));
            byte[] salt;
            try (ResultSet rs = read.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no filing " + filingId);
                }
                salt = rs.getBytes(1);
            }
            sql(
                    "UPDATE online_filing SET code_hash = ? WHERE id = ?",
                    OneTimeCode.hash(salt, code),
                    UUID.fromString(filingId));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return code;
    }

    static io.restassured.response.ValidatableResponse confirm(String tenant, String filingId, String code) {
        return center(tenant)
                .body(Map.of("code", code))
                .post("/v1/online-filings/" + filingId + "/confirmation")
                .then();
    }

    /** Files and confirms a filing of {@code type}; answers the confirmation's body. */
    static io.restassured.path.json.JsonPath filed(String tenant, String type) {
        return filed(tenant, filing(type));
    }

    static io.restassured.path.json.JsonPath filed(String tenant, Map<String, Object> body) {
        String filingId = file(tenant, body);
        return confirm(tenant, filingId, codeOf(filingId))
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    static void sql(String statement, Object... params) {
        try (Connection c = PostgresTestResource.connect();
                PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
