package dev.mamori.request;

import static dev.mamori.request.Intakes.ADDRESS;
import static dev.mamori.request.Intakes.EMAIL;
import static dev.mamori.request.Intakes.NAME;
import static dev.mamori.request.Intakes.PHONE;
import static dev.mamori.request.Intakes.agent;
import static dev.mamori.request.Intakes.as;
import static dev.mamori.request.Intakes.create;
import static dev.mamori.request.Intakes.intake;
import static dev.mamori.request.Intakes.newSubject;
import static dev.mamori.request.Intakes.requester;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.testing.PostgresTestResource;
import dev.mamori.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PersonalDataProtectionTest {

    private static final String CLAIM = "登録住所が転居前の大阪市北区梅田1-1-1のままです";
    private static final String EVIDENCE = "戸籍謄本（親子関係）と親権者の運転免許証";

    private static Map<String, Object> correctionByParent(String subject) {
        Map<String, Object> body = intake("CORRECTION", subject);
        body.put("requester", requester("STATUTORY_AGENT"));
        body.put("agent", agent("PARENTAL_AUTHORITY", EVIDENCE));
        return body;
    }

    @Test
    void shouldShowThePrivacyOfficerEverythingTheRequestSays() {
        String id = create("tenant-a", correctionByParent(newSubject()));
        as("tenant-a", "privacy-officer")
                .get("/v1/requests/" + id)
                .then()
                .statusCode(200)
                .body("personalDataView", equalTo("FULL"))
                .body("requester.name", equalTo(NAME))
                .body("requester.contact.email", equalTo(EMAIL))
                .body("requester.contact.phone", equalTo(PHONE))
                .body("requester.contact.postalAddress", equalTo(ADDRESS))
                .body("agent.evidenceDescription", equalTo(EVIDENCE))
                .body("correction.kind", equalTo("CORRECTION"))
                .body("correction.dataItem", equalTo("postal address"))
                .body("correction.claimedUntrue", equalTo(CLAIM))
                .body("correction.requestedContent", equalTo("東京都港区港南2-16-1"));
    }

    @Test
    void shouldShowOperatorsTheNameAndEvidenceButOnlyMaskedContactAndNoClaimContent() {
        String id = create("tenant-a", correctionByParent(newSubject()));
        as("tenant-a", "operator")
                .get("/v1/requests/" + id)
                .then()
                .statusCode(200)
                .body("personalDataView", equalTo("MASKED"))
                .body("requester.name", equalTo(NAME))
                .body("requester.contact.email", equalTo("t***@example.jp"))
                .body("requester.contact.phone", equalTo("***-****-5678"))
                .body("requester.contact.postalAddress", equalTo("***"))
                .body("agent.evidenceDescription", equalTo(EVIDENCE))
                .body("correction.dataItem", equalTo("postal address"))
                .body("correction.claimedUntrue", nullValue())
                .body("correction.requestedContent", nullValue())
                .body(not(containsString(EMAIL)))
                .body(not(containsString("梅田")));
    }

    @Test
    void shouldMaskContactForClientSystemsAuditorsAndServicesToo() {
        String id = create("tenant-a", correctionByParent(newSubject()));
        for (String role : List.of("client-system", "auditor")) {
            as("tenant-a", role)
                    .get("/v1/requests/" + id)
                    .then()
                    .statusCode(200)
                    .body("personalDataView", equalTo("MASKED"))
                    .body("requester.contact.email", equalTo("t***@example.jp"))
                    .body(not(containsString(EMAIL)))
                    .body(not(containsString(PHONE)));
        }
        RestAssured.given()
                .auth()
                .oauth2(TestTokens.service("retention-service"))
                .header("X-Mamori-Tenant", "tenant-a")
                .accept(ContentType.JSON)
                .get("/v1/requests/" + id)
                .then()
                .statusCode(200)
                .body("personalDataView", equalTo("MASKED"))
                .body(not(containsString(EMAIL)));
    }

    @Test
    void shouldKeepNoPersonalDataInPlainTextAnywhereInTheDatabase() throws SQLException {
        String subject = newSubject();
        Map<String, Object> body = correctionByParent(subject);
        String id = as("tenant-a", "operator")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body)
                .post("/v1/requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("tenant-a", "privacy-officer")
                .get("/v1/requests/" + id)
                .then()
                .statusCode(200)
                .body("requester.contact.email", equalTo(EMAIL));

        // Reading the log seals the request's audit lines into the chain, where they are looked for below.
        as("tenant-a", "auditor").get("/v1/audit-events/verification").then().statusCode(200);
        List<String> stored = new ArrayList<>();
        try (Connection c = PostgresTestResource.connect()) {
            stored.addAll(rows(c, "SELECT * FROM data_subject_request WHERE id = ?", UUID.fromString(id)));
            stored.addAll(rows(c, "SELECT * FROM request_event WHERE request_id = ?", UUID.fromString(id)));
            stored.addAll(rows(c, "SELECT * FROM audit_event WHERE subject_ref = ?", subject));
            stored.addAll(rows(c, "SELECT * FROM idempotency_record WHERE body LIKE ?", "%" + id + "%"));

            try (PreparedStatement s = c.prepareStatement("SELECT requester_contact_cipher, requester_name_cipher, "
                    + "agent_evidence_cipher, correction_cipher FROM data_subject_request WHERE id = ?")) {
                s.setObject(1, UUID.fromString(id));
                try (ResultSet rs = s.executeQuery()) {
                    assertTrue(rs.next());
                    for (int i = 1; i <= 4; i++) {
                        assertTrue(rs.getString(i).startsWith("dev:"), "column " + i + " is a dev-key ciphertext");
                    }
                }
            }
        }
        String all = String.join("\n", stored);
        assertTrue(all.contains(subject), "the rows were found");
        assertTrue(all.contains("postal address"), "the correction's data item label stays searchable");
        for (String secret : List.of(
                EMAIL, "taro.yamada", PHONE, "1234-5678", ADDRESS, "港南", NAME, "山田", CLAIM, "梅田", EVIDENCE, "戸籍")) {
            assertFalse(all.contains(secret), "plain text '" + secret + "' is stored");
        }
    }

    @Test
    void shouldNotDecryptACiphertextMovedToAnotherRequest() throws SQLException {
        String victim = create("tenant-a", "DISCLOSURE", newSubject());
        Map<String, Object> other = intake("DISCLOSURE", newSubject());
        @SuppressWarnings("unchecked")
        Map<String, Object> contact =
                (Map<String, Object>) ((Map<String, Object>) other.get("requester")).get("contact");
        contact.put("email", "someone.else@example.com");
        String target = create("tenant-a", other);
        try (Connection c = PostgresTestResource.connect();
                PreparedStatement s = c.prepareStatement("UPDATE data_subject_request SET requester_contact_cipher = "
                        + "(SELECT requester_contact_cipher FROM data_subject_request WHERE id = ?) WHERE id = ?")) {
            s.setObject(1, UUID.fromString(victim));
            s.setObject(2, UUID.fromString(target));
            s.executeUpdate();
        }
        // The copied ciphertext is bound to the victim's request: it fails rather than show the victim's contact.
        as("tenant-a", "privacy-officer")
                .get("/v1/requests/" + target)
                .then()
                .statusCode(500)
                .contentType("application/problem+json")
                .body(not(containsString(EMAIL)));
    }

    @Test
    void shouldListRequestsWithoutTheRequestersPersonalData() {
        String subject = newSubject();
        create("tenant-a", correctionByParent(subject));
        as("tenant-a", "privacy-officer")
                .queryParam("subjectRef", subject)
                .get("/v1/requests")
                .then()
                .statusCode(200)
                .body("items[0].requesterRelation", equalTo("STATUTORY_AGENT"))
                .body("items[0].requester", nullValue())
                .body(not(containsString("example.jp")))
                .body(not(containsString("山田")));
    }

    private static List<String> rows(Connection c, String sql, Object param) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, param);
            try (ResultSet rs = s.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= columns; i++) {
                        row.append(rs.getMetaData().getColumnName(i))
                                .append('=')
                                .append(rs.getString(i))
                                .append(' ');
                    }
                    rows.add(row.toString());
                }
            }
        }
        assertFalse(rows.isEmpty(), "no rows for " + sql);
        return rows;
    }
}
