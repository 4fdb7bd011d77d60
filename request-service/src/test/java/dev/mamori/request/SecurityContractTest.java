package dev.mamori.request;

import static dev.mamori.request.Intakes.create;
import static dev.mamori.request.Intakes.newSubject;

import dev.mamori.testing.SecurityContract;
import dev.mamori.testing.TenantIsolation;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SecurityContractTest {

    @Test
    void everyOperationRefusesMissingTokensWrongRolesAndForeignTenantHeaders() {
        // 17 request operations + 4 online-filing operations + 3 result-delivery operations + 2 settings operations +
        // the platform's 2 audit-log
        // operations.
        SecurityContract.verify(28);
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
                .verify(18);
    }
}
