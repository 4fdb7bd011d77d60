package dev.mamori.consent;

import static dev.mamori.consent.ConsentFixtures.as;
import static dev.mamori.consent.ConsentFixtures.consentBody;
import static dev.mamori.consent.ConsentFixtures.decide;
import static dev.mamori.consent.ConsentFixtures.purpose;
import static dev.mamori.consent.ConsentFixtures.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.mamori.testing.PostgresTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * An import (the bulk write without the ORM: every consent in one statement, every audit line in one) keeps what the
 * ORM's import promised: exactly the rows sent, with their values; all or nothing, whether a consent is refused or
 * a statement fails inside the transaction; a retry with the same key writes nothing more and answers the same; the
 * audit lines are sealed into a chain that verifies; and the next decision sees the imported answers.
 */
@QuarkusTest
class ImportWriteTest {

    private static final String TENANT = "tenant-import";
    private static final int MANY = 5000;

    @Test
    void shouldStoreEveryImportedConsentWithItsValuesAuditEachAndWriteNothingMoreOnARetry() throws Exception {
        String purpose = purpose(TENANT, "\"sensitiveCategories\": [\"MEDICAL_HISTORY\"]");
        String prefix = unique("imp");
        OffsetDateTime captured = OffsetDateTime.of(2026, 4, 1, 10, 15, 30, 123_456_000, ZoneOffset.ofHours(9));
        String body = IntStream.range(0, MANY)
                .mapToObj(i -> draft(prefix, i, purpose, captured))
                .collect(Collectors.joining(",", "{\"consents\": [", "]}"));
        String key = UUID.randomUUID().toString();
        // Cached before: the people have not answered yet.
        decide(TENANT, prefix + "-2", purpose).body("allowed", equalTo(false));

        String first = as(TENANT, "client-system")
                .header("Idempotency-Key", key)
                .body(body)
                .post("/v1/consents/import")
                .then()
                .statusCode(201)
                .body("imported", equalTo(MANY))
                .extract()
                .asString();
        List<String> ids = io.restassured.path.json.JsonPath.from(first).getList("ids");
        assertEquals(MANY, new HashSet<>(ids).size());

        assertEquals(MANY, count("SELECT count(*) FROM consent WHERE tenant_id = ? AND subject_ref LIKE ?", prefix));
        Set<String> stored = new HashSet<>();
        try (Connection c = PostgresTestResource.connect();
                PreparedStatement s = c.prepareStatement(
                        "SELECT id FROM consent WHERE tenant_id = ? AND subject_ref LIKE ? ORDER BY seq")) {
            s.setString(1, TENANT);
            s.setString(2, prefix + "-%");
            try (ResultSet rs = s.executeQuery()) {
                int i = 0;
                while (rs.next()) {
                    String id = rs.getString(1);
                    stored.add(id);
                    // Stored in the order sent (seq follows the import).
                    assertEquals(ids.get(i++), id);
                }
            }
        }
        assertEquals(new HashSet<>(ids), stored);

        // A child with a parent, Japanese text, every optional field set.
        Row minor = row(prefix + "-0");
        assertEquals(ids.get(0), minor.get("id"));
        assertEquals(purpose, minor.get("purpose_code"));
        assertEquals("1", minor.get("purpose_version"));
        assertEquals("GIVEN", minor.get("decision"));
        assertEquals("PHONE", minor.get("method"));
        assertEquals("コールセンター 東京第二", minor.get("channel"));
        assertEquals("オペレーター-0", minor.get("operator_ref"));
        assertEquals("2026-04", minor.get("notice_version"));
        assertEquals("ja", minor.get("language"));
        assertEquals(
                captured.toInstant(),
                OffsetDateTime.parse(minor.get("captured_iso")).toInstant());
        assertEquals("Mozilla/5.0 (日本語)", minor.get("user_agent"));
        assertEquals("203.0.113.0", minor.get("anonymised_ip"));
        assertEquals("録音-0", minor.get("recording_ref"));
        assertEquals(
                captured.plusYears(1).toInstant(),
                OffsetDateTime.parse(minor.get("expires_iso")).toInstant());
        assertEquals("[\"MEDICAL_HISTORY\"]", minor.get("sensitive_categories"));
        assertEquals(LocalDate.of(2016, 5, 5).toString(), minor.get("subject_birth_date"));
        assertEquals("山田 花子", minor.get("guardian_name"));
        assertEquals("PARENT", minor.get("guardian_relation"));
        assertEquals("健康保険の資格確認書で続柄を確認", minor.get("guardian_verification"));
        org.junit.jupiter.api.Assertions.assertNotNull(minor.get("actor_subject"));

        // A refusal with every optional field left out: stored as null, no categories.
        Row plain = row(prefix + "-4999");
        assertEquals(ids.get(4999), plain.get("id"));
        assertEquals("REFUSED", plain.get("decision"));
        assertEquals("WEB_FORM", plain.get("method"));
        assertEquals("[]", plain.get("sensitive_categories"));
        for (String empty : List.of(
                "operator_ref",
                "user_agent",
                "anonymised_ip",
                "recording_ref",
                "expires_iso",
                "subject_birth_date",
                "guardian_name",
                "guardian_relation",
                "guardian_verification")) {
            assertNull(plain.get(empty), empty);
        }

        // The answers count at once: this replica dropped what it had cached.
        decide(TENANT, prefix + "-2", purpose).body("allowed", equalTo(true));

        // Every consent has its audit line, sealed into the chain, and the chain verifies.
        as(TENANT, "auditor")
                .get("/v1/audit-events/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(true));
        assertEquals(
                MANY,
                count(
                        "SELECT count(*) FROM audit_event WHERE tenant_id = ? AND subject_ref LIKE ? "
                                + "AND action = 'CONSENT_IMPORTED' AND resource_type = 'consent'",
                        prefix));
        assertEquals(0, count("SELECT count(*) FROM audit_pending WHERE tenant_id = ? AND subject_ref LIKE ?", prefix));
        assertEquals(
                MANY,
                count(
                        "SELECT count(*) FROM audit_event a JOIN consent c ON c.id::text = a.resource_id "
                                + "AND c.subject_ref = a.subject_ref WHERE a.tenant_id = ? AND a.subject_ref LIKE ?",
                        prefix));

        // The same call again: the same answer, replayed, and nothing more written.
        String again = as(TENANT, "client-system")
                .header("Idempotency-Key", key)
                .body(body)
                .post("/v1/consents/import")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .extract()
                .asString();
        assertEquals(first, again);
        assertEquals(MANY, count("SELECT count(*) FROM consent WHERE tenant_id = ? AND subject_ref LIKE ?", prefix));
        as(TENANT, "auditor").get("/v1/audit-events/verification").then().statusCode(200);
        assertEquals(
                MANY, count("SELECT count(*) FROM audit_event WHERE tenant_id = ? AND subject_ref LIKE ?", prefix));
    }

    @Test
    void shouldLeaveNoConsentNoAuditLineAndNoKeyWhenOneImportedConsentIsRefused() throws Exception {
        String purpose = purpose(TENANT, null);
        String prefix = unique("imp");
        String key = UUID.randomUUID().toString();
        String minorWithoutParent = consentBody(
                prefix + "-1",
                purpose,
                1,
                "GIVEN",
                "\"subjectBirthDate\": \"" + LocalDate.now().minusYears(10) + "\"");
        String body = "{\"consents\": [" + consentBody(prefix + "-0", purpose, 1, "GIVEN", null) + ","
                + minorWithoutParent + "," + consentBody(prefix + "-2", purpose, 1, "REFUSED", null) + "]}";
        as(TENANT, "client-system")
                .header("Idempotency-Key", key)
                .body(body)
                .post("/v1/consents/import")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/guardian-required"))
                .body("errors.field", equalTo(List.of("consents[1].guardian")));

        assertNothingWritten(prefix, key);
    }

    @Test
    void shouldLeaveNoConsentNoAuditLineAndNoKeyWhenAStatementFailsInsideTheTransaction() throws Exception {
        String purpose = purpose(TENANT, null);
        String prefix = unique("impfail");
        String key = UUID.randomUUID().toString();
        String body = IntStream.range(0, 50)
                .mapToObj(i -> consentBody(prefix + "-" + i, purpose, 1, "GIVEN", null))
                .collect(Collectors.joining(",", "{\"consents\": [", "]}"));
        // The audit lines go after the consents in the transaction: they fail once the rows are in.
        sql(
                "CREATE FUNCTION fail_import() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk gone'; END; $$ "
                        + "LANGUAGE plpgsql",
                "CREATE TRIGGER fail_import BEFORE INSERT ON audit_pending FOR EACH ROW "
                        + "WHEN (NEW.subject_ref LIKE '" + prefix + "-%') EXECUTE FUNCTION fail_import()");
        try {
            as(TENANT, "client-system")
                    .header("Idempotency-Key", key)
                    .body(body)
                    .post("/v1/consents/import")
                    .then()
                    .statusCode(500);
        } finally {
            sql("DROP TRIGGER fail_import ON audit_pending", "DROP FUNCTION fail_import()");
        }
        assertNothingWritten(prefix, key);

        // Nothing was claimed: the same call with the same key now imports.
        as(TENANT, "client-system")
                .header("Idempotency-Key", key)
                .body(body)
                .post("/v1/consents/import")
                .then()
                .statusCode(201)
                .body("imported", equalTo(50));
        assertEquals(50, count("SELECT count(*) FROM consent WHERE tenant_id = ? AND subject_ref LIKE ?", prefix));
    }

    private static void assertNothingWritten(String prefix, String key) throws SQLException {
        assertEquals(0, count("SELECT count(*) FROM consent WHERE tenant_id = ? AND subject_ref LIKE ?", prefix));
        as(TENANT, "auditor").get("/v1/audit-events/verification").then().statusCode(200);
        assertEquals(0, count("SELECT count(*) FROM audit_event WHERE tenant_id = ? AND subject_ref LIKE ?", prefix));
        assertEquals(0, count("SELECT count(*) FROM audit_pending WHERE tenant_id = ? AND subject_ref LIKE ?", prefix));
        try (Connection c = PostgresTestResource.connect();
                PreparedStatement s = c.prepareStatement(
                        "SELECT count(*) FROM idempotency_record WHERE tenant_id = ? AND idem_key = ?")) {
            s.setString(1, TENANT);
            s.setString(2, key);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getLong(1));
            }
        }
    }

    /**
     * Consent {@code i} of the big import: every fifth a child of nine with a parent and every optional field set
     * (Japanese text where a person would write it); the last a refusal with nothing optional.
     */
    private static String draft(String prefix, int i, String purpose, OffsetDateTime captured) {
        if (i == MANY - 1) {
            return """
                    {"subjectRef": "%s-%d", "purpose": "%s", "purposeVersion": 1, "decision": "REFUSED",
                     "method": "WEB_FORM", "evidence": {"channel": "https://example.jp/entry", "noticeVersion": "2026-04",
                     "language": "ja", "capturedAt": "%s"}}""".formatted(prefix, i, purpose, captured);
        }
        String child = i % 5 == 0 ? """
                , "subjectBirthDate": "2016-05-05", "guardian": {"name": "山田 花子", "relation": "PARENT",
                 "verification": "健康保険の資格確認書で続柄を確認"}""" : "";
        return """
                {"subjectRef": "%s-%d", "purpose": "%s", "purposeVersion": 1, "decision": "GIVEN", "method": "PHONE",
                 "evidence": {"channel": "コールセンター 東京第二", "noticeVersion": "2026-04", "language": "ja",
                              "capturedAt": "%s", "userAgent": "Mozilla/5.0 (日本語)", "ipAddress": "203.0.113.45",
                              "recordingRef": "録音-%d", "operatorRef": "オペレーター-%d"},
                 "expiresAt": "%s", "sensitiveCategories": ["MEDICAL_HISTORY"] %s}""".formatted(prefix, i, purpose, captured, i, i, captured.plusYears(1), child);
    }

    /** One stored consent's columns as text (timestamps as ISO instants), by subject. */
    private static Row row(String subject) throws SQLException {
        try (Connection c = PostgresTestResource.connect();
                PreparedStatement s = c.prepareStatement(
                        "SELECT id::text, purpose_code, purpose_version::text, "
                                + "decision, method, channel, operator_ref, notice_version, language, "
                                + "to_char(captured_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') AS captured_iso, "
                                + "user_agent, anonymised_ip, recording_ref, "
                                + "to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') AS expires_iso, "
                                + "sensitive_categories, subject_birth_date::text, guardian_name, guardian_relation, "
                                + "guardian_verification, actor_subject FROM consent WHERE tenant_id = ? AND subject_ref = ?")) {
            s.setString(1, TENANT);
            s.setString(2, subject);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("no consent stored for " + subject);
                }
                java.util.Map<String, String> columns = new java.util.HashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    columns.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
                }
                return new Row(columns);
            }
        }
    }

    private record Row(java.util.Map<String, String> columns) {
        String get(String column) {
            return columns.get(column);
        }
    }

    private static long count(String query, String prefix) throws SQLException {
        try (Connection c = PostgresTestResource.connect();
                PreparedStatement s = c.prepareStatement(query)) {
            s.setString(1, TENANT);
            s.setString(2, prefix + "-%");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void sql(String... statements) throws SQLException {
        try (Connection c = PostgresTestResource.connect();
                Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
