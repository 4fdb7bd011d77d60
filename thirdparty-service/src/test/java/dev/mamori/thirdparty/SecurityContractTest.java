package dev.mamori.thirdparty;

import dev.mamori.testing.SecurityContract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SecurityContractTest {

    @Test
    void everyOperationRefusesMissingTokensWrongRolesAndForeignTenantHeaders() {
        // Third parties, cross-border, receipts, provisions, records about a person and their stops, joint use,
        // contractors, opt-out filings, record retention, and the platform's audit log.
        SecurityContract.verify(38);
    }
}
