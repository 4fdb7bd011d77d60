package dev.mamori.request;

import static dev.mamori.request.Intakes.create;
import static dev.mamori.request.Intakes.newSubject;

import dev.mamori.testing.SecurityContract;
import dev.mamori.testing.TenantIsolation;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SecurityContractTest {

    @Test
    void everyOperationRefusesMissingTokensWrongRolesAndForeignTenantHeaders() {
        // 19 request operations (2 on identity documents) + 5 online-filing operations (1 the requester's upload) +
        // 3 result-delivery operations + 2 settings operations + the platform's 2 audit-log operations.
        SecurityContract.verify(31);
    }

    @Test
    void anotherTenantGetsNotFoundForEveryRequestOfTheFirst() {
        // Each write gets a body that passes validation, so the call reaches the lookup that must miss; the
        // owner's request is read before and after each write and must not have moved.
        TenantIsolation.table()
                .resource(
                        "/v1/requests/{id}",
                        () -> Map.of("id", create(TenantIsolation.OWNER, "DISCLOSURE", newSubject())))
                .body("POST", "/v1/requests/{id}/cancel", "{\"reason\": \"not mine\"}")
                .body(
                        "POST",
                        "/v1/requests/{id}/identity-verification",
                        "{\"method\": \"DOCUMENTS\", \"documents\": [{\"type\": \"DRIVERS_LICENSE\"}]}")
                .body("POST", "/v1/requests/{id}/decision", "{\"outcome\": \"APPROVED\"}")
                .body("POST", "/v1/requests/{id}/pause", "{\"reason\": \"本人確認書類の再提出を依頼中\"}")
                .body(
                        "POST",
                        "/v1/requests/{id}/extension",
                        "{\"additionalBusinessDays\": 5, \"reason\": \"調査に時間を要するため\"}")
                .body("POST", "/v1/requests/{id}/closure", "{\"reason\": \"対象がありませんでした\"}")
                .body("POST", "/v1/requests/{id}/result/notification", "{\"via\": \"POST\"}")
                .body("PUT", "/v1/requests/{id}/subject", "{\"subjectRef\": \"cust-not-mine\"}")
                // A copy of an identity document kept with a verification: another tenant's staff cannot read it.
                .resource("/v1/requests/{id}/identity-documents/{documentId}", SecurityContractTest::keptCopy)
                // A filing is the privacy center's for the tenant it names: another tenant's code and resend miss.
                .resource(
                        "/v1/online-filings/{filingId}",
                        () -> Map.of("filingId", Filings.file(TenantIsolation.OWNER, Filings.filing("DISCLOSURE"))))
                .body("POST", "/v1/online-filings/{filingId}/confirmation", "{\"code\": \"000000\"}")
                // A download link is the privacy center's for the tenant it names: another tenant's token misses.
                .resource(
                        "/v1/result-deliveries/{token}",
                        () -> Map.of("token", ResultDeliveryTest.deliveredToken(TenantIsolation.OWNER)))
                .body("POST", "/v1/result-deliveries/{token}/confirmation", "{\"code\": \"000000\"}")
                .verify(20);
    }

    /** A request of the owner verified with a copy of a passport, kept an hour (the test profile keeps 3 s). */
    private static Map<String, String> keptCopy() {
        String id = create(TenantIsolation.OWNER, "DISCLOSURE", newSubject());
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 'J', 'F', 'I', 'F'};
        Map<String, Object> copy = Map.of(
                "contentType", "image/jpeg", "base64", Base64.getEncoder().encodeToString(jpeg));
        Intakes.as(TenantIsolation.OWNER, "operator")
                .body(Map.of(
                        "method",
                        "DOCUMENTS",
                        "documents",
                        List.of(Map.of("type", "PASSPORT", "containsMyNumber", false, "copy", copy))))
                .post("/v1/requests/" + id + "/identity-verification")
                .then()
                .statusCode(200);
        Filings.sql(
                "UPDATE identity_document_copy SET delete_after = now() + interval '1 hour' WHERE request_id = ?",
                UUID.fromString(id));
        String documentId = Intakes.as(TenantIsolation.OWNER, "operator")
                .get("/v1/requests/" + id + "/identity-documents")
                .then()
                .statusCode(200)
                .extract()
                .path("[0].documentId");
        return Map.of("id", id, "documentId", documentId);
    }
}
