package dev.mamori.request;

import static dev.mamori.request.Intakes.agent;
import static dev.mamori.request.Intakes.as;
import static dev.mamori.request.Intakes.create;
import static dev.mamori.request.Intakes.intake;
import static dev.mamori.request.Intakes.newSubject;
import static dev.mamori.request.Intakes.requester;
import static dev.mamori.request.Workflow.photoId;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.testing.PostgresTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdentityVerificationTest {

    /** A JPEG by its first bytes (SOI, APP0), then the picture of a driver's license. */
    private static final String COPY = Base64.getEncoder()
            .encodeToString(("\u00ff\u00d8\u00ff\u00e0 JPEG of a driver's license")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

    private static Map<String, Object> document(String type, Object... more) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("type", type);
        for (int i = 0; i < more.length; i += 2) {
            d.put((String) more[i], more[i + 1]);
        }
        return d;
    }

    private static Map<String, Object> documents(Map<String, Object>... docs) {
        return new LinkedHashMap<>(Map.of("method", "DOCUMENTS", "documents", List.of(docs)));
    }

    @Test
    void shouldAcceptOnePhotoIdentityDocumentAndRecordWhoVerifiedAndWhen() {
        String id = create("tenant-a", "DISCLOSURE", newSubject());
        as("tenant-a", "operator")
                .body(photoId())
                .post("/v1/requests/" + id + "/identity-verification")
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING_DECISION"))
                .body("identityVerification.method", equalTo("DOCUMENTS"))
                .body("identityVerification.documentTypes", equalTo(List.of("DRIVERS_LICENSE")))
                .body("identityVerification.verifiedBy", equalTo("service-account-tenant-a-operator"))
                .body("identityVerification.verifiedAt", notNullValue());
        as("tenant-a", "auditor")
                .get("/v1/requests/" + id + "/events")
                .then()
                .body("items.kind", equalTo(List.of("RECEIVED", "IDENTITY_VERIFIED")))
                .body("items[1].detail", equalTo("DOCUMENTS: DRIVERS_LICENSE"));
    }

    @Test
    void shouldAcceptTwoDifferentNonPhotoDocumentsButNotOne() {
        String id = create("tenant-a", "DISCLOSURE", newSubject());
        as("tenant-a", "operator")
                .body(documents(document("PENSION_BOOK")))
                .post("/v1/requests/" + id + "/identity-verification")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/insufficient-identity-documents"))
                .body("errors.field", hasItem("documents"));
        as("tenant-a", "operator")
                .body(documents(document("PENSION_BOOK"), document("PENSION_BOOK")))
                .post("/v1/requests/" + id + "/identity-verification")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/insufficient-identity-documents"));
        as("tenant-a", "operator")
                .body(documents(
                        document("PENSION_BOOK"),
                        document("HEALTH_INSURANCE_QUALIFICATION_CERTIFICATE", "insurerNumberMasked", true)))
                .post("/v1/requests/" + id + "/identity-verification")
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING_DECISION"));
    }

    @Test
    void shouldRefuseTheBackOfAMyNumberCardAndStoreNothing() throws SQLException {
        String id = create("tenant-a", "DISCLOSURE", newSubject());
        Map<String, Object> back =
                document("MY_NUMBER_CARD", "side", "BACK", "copy", Map.of("contentType", "image/jpeg", "base64", COPY));
        as("tenant-a", "operator")
                .body(documents(back))
                .post("/v1/requests/" + id + "/identity-verification")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/my-number-not-accepted"))
                .body("errors.field", hasItem("documents[0].side"));
        as("tenant-a", "operator")
                .body(documents(document("RESIDENT_RECORD_COPY", "containsMyNumber", true), document("PASSPORT")))
                .post("/v1/requests/" + id + "/identity-verification")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/my-number-not-accepted"))
                .body("errors.field", hasItem("documents[0].containsMyNumber"));

        as("tenant-a", "operator")
                .get("/v1/requests/" + id)
                .then()
                .body("status", equalTo("IDENTITY_UNVERIFIED"))
                .body("identityVerification", equalTo(null));
        as("tenant-a", "operator").get("/v1/requests/" + id + "/events").then().body("items", hasSize(1));
        assertEquals(0, copiesInDatabase(id));

        as("tenant-a", "operator")
                .body(documents(document("MY_NUMBER_CARD", "side", "FRONT")))
                .post("/v1/requests/" + id + "/identity-verification")
                .then()
                .statusCode(200);
    }

    @Test
    void shouldRequireInsuranceNumbersToBeDeclaredMaskedAndRefuseExpiredInsuranceCards() {
        String id = create("tenant-a", "DISCLOSURE", newSubject());
        as("tenant-a", "operator")
                .body(documents(document("HEALTH_INSURANCE_QUALIFICATION_CERTIFICATE"), document("PENSION_BOOK")))
                .post("/v1/requests/" + id + "/identity-verification")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/insurance-number-not-masked"))
                .body("errors.field", hasItem("documents[0].insurerNumberMasked"));
        as("tenant-a", "operator")
                .body(documents(
                        document("HEALTH_INSURANCE_CARD", "insurerNumberMasked", true), document("PENSION_BOOK")))
                .post("/v1/requests/" + id + "/identity-verification")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/document-no-longer-valid"));
        as("tenant-a", "operator").get("/v1/requests/" + id).then().body("status", equalTo("IDENTITY_UNVERIFIED"));
    }

    @Test
    void shouldAcceptACallBackToTheRegisteredNumber() {
        String id = create("tenant-a", "ERASURE", newSubject());
        as("tenant-a", "operator")
                .body(Map.of(
                        "method",
                        "CALLBACK_TO_REGISTERED_NUMBER",
                        "callback",
                        Map.of(
                                "registeredIn",
                                "client CRM",
                                "calledAt",
                                "2026-04-01T10:00:00+09:00",
                                "numberLast4",
                                "5678")))
                .post("/v1/requests/" + id + "/identity-verification")
                .then()
                .statusCode(200)
                .body("identityVerification.method", equalTo("CALLBACK_TO_REGISTERED_NUMBER"))
                .body("identityVerification.note", containsString("the number registered in client CRM (…5678)"));
        as("tenant-a", "operator")
                .body(Map.of("method", "CALLBACK_TO_REGISTERED_NUMBER"))
                .post("/v1/requests/" + create("tenant-a", "ERASURE", newSubject()) + "/identity-verification")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("callback"));
    }

    @Test
    void shouldRefuseASecondVerificationAndAnotherTenantsRequest() {
        String id = create("tenant-a", "DISCLOSURE", newSubject());
        Workflow.verified("tenant-a", id);
        as("tenant-a", "operator")
                .body(photoId())
                .post("/v1/requests/" + id + "/identity-verification")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://mamori.dev/problems/identity-already-verified"));
        String other = create("tenant-a", "DISCLOSURE", newSubject());
        as("tenant-b", "operator")
                .body(photoId())
                .post("/v1/requests/" + other + "/identity-verification")
                .then()
                .statusCode(404)
                .body("type", equalTo("https://mamori.dev/problems/not-found"));
        as("tenant-a", "operator").get("/v1/requests/" + other).then().body("status", equalTo("IDENTITY_UNVERIFIED"));
        as("tenant-a", "client-system")
                .body(photoId())
                .post("/v1/requests/" + other + "/identity-verification")
                .then()
                .statusCode(403);
    }

    @Test
    void shouldKeepCopiesEncryptedOnlyBrieflyAndThenOnlyTheFact() throws SQLException {
        String subject = newSubject();
        String id = create("tenant-a", "DISCLOSURE", subject);
        as("tenant-a", "operator")
                .body(documents(document(
                        "PASSPORT",
                        "containsMyNumber",
                        false,
                        "copy",
                        Map.of("contentType", "image/jpeg", "base64", COPY))))
                .post("/v1/requests/" + id + "/identity-verification")
                .then()
                .statusCode(200)
                .body("identityVerification.copiesHeld", equalTo(1));
        try (Connection c = PostgresTestResource.connect();
                PreparedStatement s =
                        c.prepareStatement("SELECT content_cipher FROM identity_document_copy WHERE request_id = ?")) {
            s.setObject(1, UUID.fromString(id));
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                assertFalse(rs.getString(1).contains(COPY), "the copy is stored encrypted");
            }
        }
        // The test profile keeps copies for 3 seconds and purges every second.
        Workflow.awaitRequest(
                "tenant-a", id, Duration.ofSeconds(15), r -> r.getInt("identityVerification.copiesHeld") == 0);
        assertEquals(0, copiesInDatabase(id));
        as("tenant-a", "operator")
                .get("/v1/requests/" + id)
                .then()
                .body("identityVerification.documentTypes", equalTo(List.of("PASSPORT")))
                .body("identityVerification.verifiedBy", equalTo("service-account-tenant-a-operator"));
        as("tenant-a", "auditor")
                .queryParam("subjectRef", subject)
                .get("/v1/audit-events")
                .then()
                .body("items.action", hasItem("IDENTITY_COPY_DELETED"));
    }

    @Test
    void shouldRequireEveryUploadedCopyToDeclareWhetherItShowsAMyNumberAndRefuseOneThatDoes() throws SQLException {
        String id = create("tenant-a", "DISCLOSURE", newSubject());
        Map<String, Object> copy = Map.of("contentType", "image/jpeg", "base64", COPY);
        as("tenant-a", "operator")
                .body(documents(document("PASSPORT", "copy", copy)))
                .post("/v1/requests/" + id + "/identity-verification")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/my-number-declaration-required"))
                .body("errors.field", hasItem("documents[0].containsMyNumber"));
        as("tenant-a", "operator")
                .body(documents(document("PASSPORT", "containsMyNumber", true, "copy", copy)))
                .post("/v1/requests/" + id + "/identity-verification")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/my-number-not-accepted"))
                .body("errors.field", hasItem("documents[0].containsMyNumber"));
        assertEquals(0, copiesInDatabase(id));
        as("tenant-a", "operator").get("/v1/requests/" + id).then().body("status", equalTo("IDENTITY_UNVERIFIED"));
        // Without a copy nothing is stored, so the declaration stays optional.
        as("tenant-a", "operator")
                .body(documents(document("PASSPORT")))
                .post("/v1/requests/" + id + "/identity-verification")
                .then()
                .statusCode(200);
    }

    @Test
    void shouldRefuseAFreeTextThatCarriesATwelveDigitNumber() {
        String id = create("tenant-a", "DISCLOSURE", newSubject());
        for (String note : List.of("番号 123456789012 を確認", "1234 5678 9012", "1234-5678-9012", "１２３４－５６７８－９０１２")) {
            Map<String, Object> body = documents(document("PASSPORT"));
            body.put("note", note);
            as("tenant-a", "operator")
                    .body(body)
                    .post("/v1/requests/" + id + "/identity-verification")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://mamori.dev/problems/my-number-not-accepted"))
                    .body("errors.field", hasItem("note"));
        }
        as("tenant-a", "operator")
                .body(Map.of(
                        "method",
                        "CALLBACK_TO_REGISTERED_NUMBER",
                        "callback",
                        Map.of("registeredIn", "CRM 1234 5678 9012", "calledAt", "2026-04-01T10:00:00+09:00")))
                .post("/v1/requests/" + id + "/identity-verification")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/my-number-not-accepted"))
                .body("errors.field", hasItem("callback.registeredIn"));
        as("tenant-a", "operator")
                .get("/v1/requests/" + id)
                .then()
                .body("status", equalTo("IDENTITY_UNVERIFIED"))
                .body("identityVerification", equalTo(null));
        // Other numbers are not My Numbers: a phone number (11 digits) or a 13-digit corporate number pass.
        Map<String, Object> body = documents(document("PASSPORT"));
        body.put("note", "折返し 090-1234-5678、法人番号 1234567890123");
        as("tenant-a", "operator")
                .body(body)
                .post("/v1/requests/" + id + "/identity-verification")
                .then()
                .statusCode(200)
                .body("identityVerification.note", containsString("090-1234-5678"));
    }

    @Test
    void shouldRecordWhoseIdentityEachDocumentProvesAndRequireTheAgentsOwnForAnAgentsRequest() {
        Map<String, Object> intake = intake("DISCLOSURE", newSubject());
        intake.put("requester", requester("APPOINTED_AGENT"));
        intake.put("agent", agent("POWER_OF_ATTORNEY", "委任状（実印）と印鑑登録証明書"));
        String id = create("tenant-a", intake);
        as("tenant-a", "operator")
                .body(documents(document("DRIVERS_LICENSE")))
                .post("/v1/requests/" + id + "/identity-verification")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/identity-holder-required"))
                .body("errors.field", hasItem("documents[0].provesIdentityOf"));
        as("tenant-a", "operator")
                .body(documents(document("DRIVERS_LICENSE", "provesIdentityOf", "PERSON")))
                .post("/v1/requests/" + id + "/identity-verification")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/agent-identity-required"))
                .body("errors.field", hasItem("documents"));
        as("tenant-a", "operator").get("/v1/requests/" + id).then().body("status", equalTo("IDENTITY_UNVERIFIED"));

        as("tenant-a", "operator")
                .body(documents(
                        document("PASSPORT", "provesIdentityOf", "AGENT"),
                        document("DRIVERS_LICENSE", "provesIdentityOf", "PERSON")))
                .post("/v1/requests/" + id + "/identity-verification")
                .then()
                .statusCode(200)
                .body("identityVerification.documentTypes", equalTo(List.of("PASSPORT", "DRIVERS_LICENSE")))
                .body("identityVerification.documentsProveIdentityOf", equalTo(List.of("AGENT", "PERSON")));
        as("tenant-a", "auditor")
                .get("/v1/requests/" + id + "/events")
                .then()
                .body("items[1].detail", equalTo("DOCUMENTS: PASSPORT (AGENT), DRIVERS_LICENSE (PERSON)"));

        // Without an agent, a document proves the person's identity; naming an agent is refused.
        String own = create("tenant-a", "DISCLOSURE", newSubject());
        as("tenant-a", "operator")
                .body(documents(document("PASSPORT", "provesIdentityOf", "AGENT")))
                .post("/v1/requests/" + own + "/identity-verification")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/agent-not-applicable"))
                .body("errors.field", hasItem("documents[0].provesIdentityOf"));
        as("tenant-a", "operator")
                .body(documents(document("PASSPORT")))
                .post("/v1/requests/" + own + "/identity-verification")
                .then()
                .statusCode(200)
                .body("identityVerification.documentsProveIdentityOf", equalTo(List.of("PERSON")));
    }

    static int copiesInDatabase(String id) throws SQLException {
        try (Connection c = PostgresTestResource.connect();
                PreparedStatement s =
                        c.prepareStatement("SELECT count(*) FROM identity_document_copy WHERE request_id = ?")) {
            s.setObject(1, UUID.fromString(id));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
