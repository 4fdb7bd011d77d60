package dev.mamori.consent;

import static dev.mamori.consent.ConsentFixtures.as;
import static dev.mamori.consent.ConsentFixtures.consent;
import static dev.mamori.consent.ConsentFixtures.consentBody;
import static dev.mamori.consent.ConsentFixtures.decide;
import static dev.mamori.consent.ConsentFixtures.purpose;
import static dev.mamori.consent.ConsentFixtures.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/**
 * What is stored is what was sent, or the call is refused: each case here once made a wrong legal record, stored
 * something else than was sent, broke the audit chain or answered 500.
 */
@QuarkusTest
class StrictInputTest {

    private static ValidatableResponse refused(ValidatableResponse response, String field) {
        return response.statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/validation"))
                .body("errors.field", hasItem(field));
    }

    private static void nothingStoredFor(String subject) {
        as("tenant-a", "privacy-officer")
                .get("/v1/subjects/" + subject + "/consents")
                .then()
                .statusCode(200)
                .body("consents", hasSize(0));
    }

    private static void auditChainIntact() {
        as("tenant-a", "auditor")
                .get("/v1/audit-events/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(true));
    }

    @Test
    void a_number_for_the_decision_records_nothing() {
        String purpose = purpose("tenant-a", null);
        String subject = unique("s");
        String body = consentBody(subject, purpose, 1, "GIVEN", null).replace("\"GIVEN\"", "0");
        refused(as("tenant-a", "client-system").body(body).post("/v1/consents").then(), "decision");
        nothingStoredFor(subject);
        decide("tenant-a", subject, purpose).body("reason", equalTo("NO_CONSENT"));
    }

    @Test
    void a_number_or_a_boolean_for_text_and_a_fraction_for_a_version_are_refused() {
        String purpose = purpose("tenant-a", null);
        String subject = unique("s");
        String body = consentBody(subject, purpose, 1, "GIVEN", null);
        refused(
                as("tenant-a", "client-system")
                        .body(body.replace("\"ja\"", "1"))
                        .post("/v1/consents")
                        .then(),
                "evidence.language");
        refused(
                as("tenant-a", "client-system")
                        .body(body.replace("\"2026-04\"", "true"))
                        .post("/v1/consents")
                        .then(),
                "evidence.noticeVersion");
        refused(
                as("tenant-a", "client-system")
                        .body(body.replace("\"purposeVersion\": 1", "\"purposeVersion\": 1.5"))
                        .post("/v1/consents")
                        .then(),
                "purposeVersion");
        refused(
                as("tenant-a", "client-system")
                        .body(body.replace(
                                "\"method\": \"WEB_FORM\"",
                                "\"method\": \"WEB_FORM\", \"sensitiveCategories\": [null]"))
                        .post("/v1/consents")
                        .then(),
                "sensitiveCategories[0]");
        nothingStoredFor(subject);
    }

    @Test
    void a_lone_surrogate_or_a_nul_is_refused_and_the_audit_chain_stays_intact() {
        String purpose = purpose("tenant-a", null);
        // JSON escapes, so the bytes on the wire carry exactly the lone surrogate and the NUL.
        for (String hostile : new String[] {"s-\\ud800", "s-\\u0000", "s-\\udfff-x"}) {
            refused(
                    as("tenant-a", "client-system")
                            .body(consentBody(hostile, purpose, 1, "GIVEN", null))
                            .post("/v1/consents")
                            .then(),
                    "subjectRef");
        }
        String body =
                consentBody(unique("s"), purpose, 1, "GIVEN", null).replace("\"Mozilla/5.0\"", "\"Mozilla\\ud83d\"");
        refused(as("tenant-a", "client-system").body(body).post("/v1/consents").then(), "evidence.userAgent");
        as("tenant-a", "client-system")
                .queryParam("subjectRef", "a\u0000b")
                .queryParam("purpose", purpose)
                .get("/v1/decisions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("subjectRef"));
        auditChainIntact();
    }

    @Test
    void capture_dates_must_have_happened_and_be_real_days() {
        String purpose = purpose("tenant-a", null);
        String subject = unique("s");
        as("tenant-a", "client-system")
                .body(consentBody(
                        subject, purpose, 1, "GIVEN", OffsetDateTime.now().plusDays(1), null))
                .post("/v1/consents")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/captured-in-future"));
        String body = consentBody(subject, purpose, 1, "GIVEN", null);
        refused(
                as("tenant-a", "client-system")
                        .body(body.replaceFirst(
                                "\"capturedAt\": \"[^\"]+\"", "\"capturedAt\": \"0001-01-01T00:00:00Z\""))
                        .post("/v1/consents")
                        .then(),
                "evidence.capturedAt");
        refused(
                as("tenant-a", "client-system")
                        .body(body.replace(
                                "\"method\": \"WEB_FORM\"",
                                "\"method\": \"WEB_FORM\", \"subjectBirthDate\": \"2001-02-30\""))
                        .post("/v1/consents")
                        .then(),
                "subjectBirthDate");
        refused(
                as("tenant-a", "client-system")
                        .body(body.replace(
                                "\"method\": \"WEB_FORM\"",
                                "\"method\": \"WEB_FORM\", \"subjectBirthDate\": \"1899-12-31\""))
                        .post("/v1/consents")
                        .then(),
                "subjectBirthDate");
        nothingStoredFor(subject);
    }

    @Test
    void japanese_refs_work_everywhere_and_uri_breaking_refs_are_refused() {
        String purpose = purpose("tenant-a", null);
        String subject = unique("顧客");
        consent("tenant-a", subject, purpose, 1, "GIVEN", null);
        decide("tenant-a", subject, purpose).body("allowed", equalTo(true));
        as("tenant-a", "privacy-officer")
                .get("/v1/subjects/" + subject + "/consents")
                .then()
                .statusCode(200)
                .body("consents", hasSize(1))
                .body("consents[0].subjectRef", equalTo(subject));
        for (String ref : new String[] {"a%b", "a{b", "a|b", "a^b", "a\\b"}) {
            refused(
                    as("tenant-a", "client-system")
                            .body(consentBody(ref.replace("\\", "\\\\"), purpose, 1, "GIVEN", null))
                            .post("/v1/consents")
                            .then(),
                    "subjectRef");
        }
    }

    @Test
    void a_wrongly_typed_query_parameter_is_a_400_naming_it() {
        as("tenant-a", "privacy-officer")
                .queryParam("limit", "abc")
                .get("/v1/purposes")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("limit"));
    }

    @Test
    void an_erased_person_is_never_usable_again() {
        String purpose = purpose("tenant-a", null);
        String other = purpose("tenant-a", null);
        String subject = unique("s");
        consent("tenant-a", subject, purpose, 1, "GIVEN", null);
        decide("tenant-a", subject, purpose).body("allowed", equalTo(true));
        as("tenant-a", "privacy-officer")
                .body("""
                {"purposes": ["%s"], "requestRef": "req-1", "ground": "ERASURE"}""".formatted(purpose))
                .post("/v1/subjects/" + subject + "/use-stops")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("purposes"));
        decide("tenant-a", subject, purpose).body("allowed", equalTo(true));
        as("tenant-a", "service")
                .header("X-Mamori-Tenant", "tenant-a")
                .body("""
                {"purposes": [], "requestRef": "req-1", "ground": "ERASURE"}""")
                .post("/v1/subjects/" + subject + "/use-stops")
                .then()
                .statusCode(201);
        decide("tenant-a", subject, purpose).body("allowed", equalTo(false)).body("reason", equalTo("ERASED"));
        decide("tenant-a", subject, other).body("allowed", equalTo(false)).body("reason", equalTo("ERASED"));
        // A consent recorded afterwards does not bring the erased data back into use.
        consent("tenant-a", subject, other, 1, "GIVEN", null);
        decide("tenant-a", subject, other).body("allowed", equalTo(false)).body("reason", equalTo("ERASED"));
        as("tenant-a", "client-system")
                .contentType("application/json")
                .body("""
                {"checks": [{"subjectRef": "%s", "purpose": "%s"}]}""".formatted(subject, purpose))
                .post("/v1/decisions/batch")
                .then()
                .statusCode(200)
                .body("decisions[0].reason", equalTo("ERASED"));
    }
}
