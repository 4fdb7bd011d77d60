package dev.mamori.retention;

import dev.mamori.testing.SecurityContract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SecurityContractTest {

    @Test
    void everyOperationRefusesMissingTokensWrongRolesAndForeignTenantHeaders() {
        // 5 ledger, 4 holdings and subject erasure, 6 contracts, 4 legal holds, 3 owning systems, 3 purge runs,
        // 4 erasure requests and confirmations, 3 certificates, and the platform's 2 audit-log operations.
        SecurityContract.verify(34);
    }
}
