package dev.mamori.request;

import static dev.mamori.request.Filings.center;
import static dev.mamori.request.Filings.emailOf;
import static dev.mamori.request.Filings.filing;
import static dev.mamori.request.Filings.filingBySelf;
import static dev.mamori.request.Filings.mailedCode;
import static dev.mamori.request.Filings.newTenant;
import static dev.mamori.request.Intakes.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.testing.PostgresTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The requester uploads copies of identity documents with the token the confirmation of their filing gave; staff
 * list and download them. Copies are judged by their bytes, and a refused one leaves nothing behind.
 */
@QuarkusTest
class RequesterDocumentTest {

    private static final String PROBLEMS = "https://mamori.dev/problems/";
    private static final String TOKEN = "[A-Za-z0-9_-]{43}";

    static final byte[] JPEG = bytes(new int[] {0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10}, "JFIF photo of a license");
    static final byte[] PNG = bytes(new int[] {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, "\0\0\0\rIHDR scan");
    static final byte[] PDF =
            "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    /** A request filed online and confirmed: its id, receipt number and upload token. */
    record Filed(String tenant, String id, String receipt, String token) {}

    @Test
    void shouldKeepARequestersCopyJudgedByItsBytesAndLetStaffListAndDownloadIt() throws SQLException {
        Filed f = fileBySelf();
        JsonPath first = upload(f, document("DRIVERS_LICENSE", "license.jpg", JPEG))
                .statusCode(201)
                .body("documentId", notNullValue())
                .body("documentType", equalTo("DRIVERS_LICENSE"))
                .body("provesIdentityOf", equalTo("PERSON"))
                .body("contentType", equalTo("image/jpeg"))
                .body("bytes", equalTo(JPEG.length))
                .body("documentsLeft", equalTo(4))
                .extract()
                .jsonPath();
        assertTrue(OffsetDateTime.parse(first.getString("deleteAfter"))
                .isAfter(OffsetDateTime.now().minusSeconds(5)));
        // A PNG named .jpg is a PNG: the name says nothing.
        Map<String, Object> png = document("MY_NUMBER_CARD", "my-card.jpg", PNG);
        png.put("side", "FRONT");
        String pngId = upload(f, png)
                .statusCode(201)
                .body("contentType", equalTo("image/png"))
                .body("side", equalTo("FRONT"))
                .body("documentsLeft", equalTo(3))
                .extract()
                .path("documentId");
        keepCopies(f.id());

        as(f.tenant(), "operator")
                .get("/v1/requests/" + f.id() + "/identity-documents")
                .then()
                .statusCode(200)
                .body("size()", equalTo(2))
                .body("[0].documentId", equalTo(first.getString("documentId")))
                .body("[0].documentType", equalTo("DRIVERS_LICENSE"))
                .body("[0].fileName", equalTo("license.jpg"))
                .body("[0].submittedBy", equalTo("REQUESTER"))
                .body("[0].provesIdentityOf", equalTo("PERSON"))
                .body("[0].bytes", equalTo(JPEG.length))
                .body("[0].storedAt", notNullValue())
                .body("[0].deleteAfter", notNullValue())
                .body("[1].documentId", equalTo(pngId))
                .body("[1].contentType", equalTo("image/png"))
                .body("[1].side", equalTo("FRONT"));
        byte[] served = as(f.tenant(), "privacy-officer")
                .get("/v1/requests/" + f.id() + "/identity-documents/" + pngId + "/content")
                .then()
                .statusCode(200)
                .contentType("image/png")
                .header("Content-Disposition", equalTo("attachment; filename=\"identity-" + pngId + ".png\""))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Content-Security-Policy", equalTo("sandbox; default-src 'none'"))
                .header("Cache-Control", equalTo("no-store"))
                .extract()
                .asByteArray();
        assertArrayEquals(PNG, served);

        // Auditors read the audit log, not the copies; the privacy center cannot read them back either.
        as(f.tenant(), "auditor")
                .get("/v1/requests/" + f.id() + "/identity-documents")
                .then()
                .statusCode(403);
        as(f.tenant(), "auditor")
                .get("/v1/requests/" + f.id() + "/identity-documents/" + pngId + "/content")
                .then()
                .statusCode(403);
        as(f.tenant(), "client-system")
                .get("/v1/requests/" + f.id() + "/identity-documents")
                .then()
                .statusCode(403);
        // Another tenant's staff find no such request.
        as(newTenant(), "operator")
                .get("/v1/requests/" + f.id() + "/identity-documents/" + pngId + "/content")
                .then()
                .statusCode(404);

        as(f.tenant(), "operator")
                .get("/v1/requests/" + f.id() + "/events")
                .then()
                .body("items.kind", hasItem("IDENTITY_DOCUMENT_SUBMITTED"))
                .body(
                        "items.find { it.kind == 'IDENTITY_DOCUMENT_SUBMITTED' }.detail",
                        matchesPattern(
                                "uploaded by the requester: DRIVERS_LICENSE, image/jpeg, " + JPEG.length + " bytes"));
        List<String> actions = as(f.tenant(), "auditor")
                .get("/v1/audit-events")
                .then()
                .statusCode(200)
                .extract()
                .path("items.action");
        assertTrue(
                actions.containsAll(
                        List.of("IDENTITY_DOCUMENT_SUBMITTED", "IDENTITY_DOCUMENTS_LISTED", "IDENTITY_DOCUMENT_READ")),
                actions.toString());

        // Stored encrypted: neither the bytes, the file name nor the token are in the database in clear.
        String stored = query(
                "SELECT string_agg(content_cipher || coalesce(file_name_cipher, ''), '|') FROM identity_document_copy "
                        + "WHERE request_id = ?",
                f.id());
        assertFalse(stored.contains(Base64.getEncoder().encodeToString(JPEG)), stored);
        assertFalse(stored.contains("license.jpg"), stored);
        String grant = query("SELECT token_cipher FROM requester_upload WHERE request_id = ?", f.id());
        assertFalse(grant.contains(f.token()));

        // Once past its retention a copy is gone, for listing and download alike.
        Filings.sql(
                "UPDATE identity_document_copy SET delete_after = now() - interval '1 second' WHERE id = ?",
                UUID.fromString(pngId));
        as(f.tenant(), "operator")
                .get("/v1/requests/" + f.id() + "/identity-documents/" + pngId + "/content")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "document-not-found"));
        as(f.tenant(), "operator")
                .get("/v1/requests/" + f.id() + "/identity-documents")
                .then()
                .body("size()", equalTo(1));
    }

    @Test
    void shouldAnswerAReplayedConfirmationWithTheSameTokenWithoutStoringItInClear() {
        String tenant = newTenant();
        Map<String, Object> body = filingBySelf("DISCLOSURE");
        String filingId = Filings.file(tenant, body);
        String code = mailedCode(emailOf(body), 1);
        String token = confirm(tenant, filingId, code, "confirm-uploads")
                .statusCode(201)
                .body("uploadToken", matchesPattern(TOKEN))
                .extract()
                .path("uploadToken");
        confirm(tenant, filingId, code, "confirm-uploads")
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("uploadToken", equalTo(token));
        String answers =
                query("SELECT string_agg(coalesce(body, ''), '|') FROM idempotency_record WHERE tenant_id = ?", tenant);
        assertFalse(answers.contains(token), answers);
        assertTrue(answers.contains("receiptNumber"), answers);
    }

    @Test
    void shouldAnswerAWrongTokenAnUnknownReceiptAndAnotherTenantAlike() throws SQLException {
        Filed f = fileBySelf();
        Map<String, Object> wrongToken = document("PASSPORT", "p.jpg", JPEG);
        wrongToken.put("uploadToken", f.token().substring(1) + "A");
        Map<String, Object> unknown = document("PASSPORT", "p.jpg", JPEG);
        unknown.put("receiptNumber", "R-2222-2222");
        Map<String, Object> wrong = uploadRaw(f.tenant(), f, wrongToken);
        Map<String, Object> missing = uploadRaw(f.tenant(), f, unknown);
        Map<String, Object> foreign = uploadRaw(newTenant(), f, document("PASSPORT", "p.jpg", JPEG));
        assertEquals(PROBLEMS + "receipt-not-found", wrong.get("type"));
        assertEquals(missing, wrong);
        assertEquals(missing, foreign);
        assertEquals(0, copies(f.id()));
        // The wrong token for a known receipt is on record.
        as(f.tenant(), "auditor")
                .get("/v1/audit-events")
                .then()
                .body("items.action", hasItem("IDENTITY_DOCUMENT_UPLOAD_REFUSED"));
    }

    @Test
    void shouldRefuseACopyShowingAMyNumberAndStoreNothing() throws SQLException {
        Filed f = fileBySelf();
        Map<String, Object> shown = document("RESIDENT_RECORD_COPY", "juminhyo.pdf", PDF);
        shown.put("containsMyNumber", true);
        upload(f, shown)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "my-number-shown"))
                .body("errors.field", hasItem("containsMyNumber"));
        Map<String, Object> back = document("MY_NUMBER_CARD", "back.jpg", JPEG);
        back.put("side", "BACK");
        upload(f, back).statusCode(422).body("type", equalTo(PROBLEMS + "my-number-shown"));
        Map<String, Object> undeclared = document("PASSPORT", "p.jpg", JPEG);
        undeclared.remove("containsMyNumber");
        upload(f, undeclared).statusCode(400).body("errors.field", hasItem("containsMyNumber"));
        Map<String, Object> insurance = document("HEALTH_INSURANCE_QUALIFICATION_CERTIFICATE", "h.jpg", JPEG);
        upload(f, insurance).statusCode(422).body("type", equalTo(PROBLEMS + "insurance-number-not-masked"));
        assertEquals(0, copies(f.id()));
        // Nothing refused counted: five places are still left.
        upload(f, document("RESIDENT_RECORD_COPY", "juminhyo.pdf", PDF))
                .statusCode(201)
                .body("contentType", equalTo("application/pdf"))
                .body("documentsLeft", equalTo(4));
    }

    @Test
    void shouldRefuseContentThatIsNoImageOrPdfAndACopyTooLarge() throws SQLException {
        Filed f = fileBySelf();
        upload(f, document("PASSPORT", "passport.jpg", "<html><script>alert(1)</script></html>".getBytes()))
                .statusCode(422)
                .body("type", equalTo(PROBLEMS + "document-content-unsupported"))
                .body("errors.field", hasItem("base64"));
        upload(f, document("PASSPORT", "passport.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes()))
                .statusCode(422)
                .body("type", equalTo(PROBLEMS + "document-content-unsupported"));
        byte[] scripted = "%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n%%EOF"
                .getBytes(StandardCharsets.US_ASCII);
        upload(f, document("PASSPORT", "passport.pdf", scripted))
                .statusCode(422)
                .body("type", equalTo(PROBLEMS + "document-content-unsupported"));
        byte[] large = Arrays.copyOf(JPEG, 2_097_153);
        upload(f, document("PASSPORT", "passport.jpg", large))
                .statusCode(422)
                .body("type", equalTo(PROBLEMS + "copy-too-large"))
                .body("errors.field", hasItem("base64"));
        assertEquals(0, copies(f.id()));
    }

    @Test
    void shouldTakeAtMostFiveDocumentsPerRequest() {
        Filed f = fileBySelf();
        for (int left = 4; left >= 0; left--) {
            upload(f, document("PENSION_BOOK", "pension.png", PNG))
                    .statusCode(201)
                    .body("documentsLeft", equalTo(left));
        }
        upload(f, document("PENSION_BOOK", "pension.png", PNG))
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "document-limit"));
    }

    @Test
    void shouldRefuseUploadsOnceTheWindowHasClosedOrTheRequestHasEnded() {
        Filed late = fileBySelf();
        Filings.sql(
                "UPDATE requester_upload SET valid_until = now() - interval '1 second' WHERE request_id = ?",
                UUID.fromString(late.id()));
        upload(late, document("PASSPORT", "p.jpg", JPEG))
                .statusCode(410)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "upload-window-closed"));

        Filed cancelled = fileBySelf();
        as(cancelled.tenant(), "operator")
                .body(Map.of("reason", "The requester withdrew the request"))
                .post("/v1/requests/" + cancelled.id() + "/cancel")
                .then()
                .statusCode(200);
        upload(cancelled, document("PASSPORT", "p.jpg", JPEG))
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "request-closed"));
    }

    @Test
    void shouldSayWhoseIdentityEachCopyOfAnAgentsRequestProves() {
        String tenant = newTenant();
        Map<String, Object> body = filing("DISCLOSURE");
        JsonPath confirmed = Filings.filed(tenant, body);
        Filed f = new Filed(
                tenant,
                confirmed.getString("requestId"),
                confirmed.getString("receiptNumber"),
                confirmed.getString("uploadToken"));
        upload(f, document("DRIVERS_LICENSE", "agent.jpg", JPEG))
                .statusCode(422)
                .body("type", equalTo(PROBLEMS + "identity-holder-required"))
                .body("errors.field", hasItem("provesIdentityOf"));
        Map<String, Object> agents = document("DRIVERS_LICENSE", "agent.jpg", JPEG);
        agents.put("provesIdentityOf", "AGENT");
        upload(f, agents).statusCode(201).body("provesIdentityOf", equalTo("AGENT"));

        Filed self = fileBySelf();
        upload(self, agents).statusCode(422).body("type", equalTo(PROBLEMS + "agent-not-applicable"));
    }

    @Test
    void shouldRefuseAStaffCopyWhoseBytesContradictItsDeclaredType() {
        String tenant = newTenant();
        String id = Intakes.create(tenant, "DISCLOSURE", Intakes.newSubject());
        Map<String, Object> copy =
                Map.of("contentType", "image/png", "base64", Base64.getEncoder().encodeToString(JPEG));
        as(tenant, "operator")
                .body(Map.of(
                        "method",
                        "DOCUMENTS",
                        "documents",
                        List.of(Map.of("type", "PASSPORT", "containsMyNumber", false, "copy", copy))))
                .post("/v1/requests/" + id + "/identity-verification")
                .then()
                .statusCode(422)
                .body("type", equalTo(PROBLEMS + "document-content-unsupported"))
                .body("errors.field", hasItem("documents[0].copy.base64"));
        Map<String, Object> html = Map.of(
                "contentType",
                "image/jpeg",
                "base64",
                Base64.getEncoder().encodeToString("<html></html>".getBytes(StandardCharsets.US_ASCII)));
        as(tenant, "operator")
                .body(Map.of(
                        "method",
                        "DOCUMENTS",
                        "documents",
                        List.of(Map.of("type", "PASSPORT", "containsMyNumber", false, "copy", html))))
                .post("/v1/requests/" + id + "/identity-verification")
                .then()
                .statusCode(422)
                .body("type", equalTo(PROBLEMS + "document-content-unsupported"));
        Map<String, Object> jpeg = Map.of(
                "contentType", "image/jpeg", "base64", Base64.getEncoder().encodeToString(JPEG));
        as(tenant, "operator")
                .body(Map.of(
                        "method",
                        "DOCUMENTS",
                        "documents",
                        List.of(Map.of("type", "PASSPORT", "containsMyNumber", false, "copy", jpeg))))
                .post("/v1/requests/" + id + "/identity-verification")
                .then()
                .statusCode(200);
        keepCopies(id);
        as(tenant, "operator")
                .get("/v1/requests/" + id + "/identity-documents")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].submittedBy", equalTo("STAFF"))
                .body("[0].fileName", nullValue())
                .body("[0].provesIdentityOf", equalTo("PERSON"))
                .body("[0].contentType", equalTo("image/jpeg"))
                .body("[0].bytes", equalTo(JPEG.length));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static Filed fileBySelf() {
        String tenant = newTenant();
        JsonPath confirmed = Filings.filed(tenant, filingBySelf("DISCLOSURE"));
        String token = confirmed.getString("uploadToken");
        assertTrue(token.matches(TOKEN), token);
        return new Filed(tenant, confirmed.getString("requestId"), confirmed.getString("receiptNumber"), token);
    }

    private static ValidatableResponse confirm(String tenant, String filingId, String code, String key) {
        return center(tenant)
                .header("Idempotency-Key", key)
                .body(Map.of("code", code))
                .post("/v1/online-filings/" + filingId + "/confirmation")
                .then();
    }

    /** An upload of {@code content} (no My Number shown), without receipt and token yet. */
    private static Map<String, Object> document(String type, String fileName, byte[] content) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("documentType", type);
        d.put("containsMyNumber", false);
        d.put("fileName", fileName);
        d.put("base64", Base64.getEncoder().encodeToString(content));
        return d;
    }

    private static ValidatableResponse upload(Filed f, Map<String, Object> document) {
        Map<String, Object> body = new LinkedHashMap<>(document);
        body.putIfAbsent("receiptNumber", f.receipt());
        body.putIfAbsent("uploadToken", f.token());
        return center(f.tenant())
                .body(body)
                .post("/v1/online-filings/documents")
                .then();
    }

    private static Map<String, Object> uploadRaw(String tenant, Filed f, Map<String, Object> document) {
        Map<String, Object> body = new LinkedHashMap<>(document);
        body.putIfAbsent("receiptNumber", f.receipt());
        body.putIfAbsent("uploadToken", f.token());
        return center(tenant)
                .body(body)
                .post("/v1/online-filings/documents")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .extract()
                .jsonPath()
                .getMap("$");
    }

    /** The test profile deletes copies after 3 seconds: these are kept an hour, so the test reads them. */
    private static void keepCopies(String requestId) {
        Filings.sql(
                "UPDATE identity_document_copy SET delete_after = now() + interval '1 hour' WHERE request_id = ?",
                UUID.fromString(requestId));
    }

    private static long copies(String requestId) throws SQLException {
        return Long.parseLong(
                query("SELECT count(*)::text FROM identity_document_copy WHERE request_id = ?", requestId));
    }

    private static String query(String sql, Object param) {
        try (Connection c = PostgresTestResource.connect();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, param instanceof String p && p.length() == 36 ? UUID.fromString(p) : param);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                String value = rs.getString(1);
                return value == null ? "" : value;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(int[] head, String tail) {
        byte[] t = tail.getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[head.length + t.length];
        for (int i = 0; i < head.length; i++) {
            out[i] = (byte) head[i];
        }
        System.arraycopy(t, 0, out, head.length, t.length);
        return out;
    }
}
