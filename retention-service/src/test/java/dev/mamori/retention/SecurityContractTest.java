package dev.mamori.retention;

import dev.mamori.testing.SecurityContract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SecurityContractTest {

    @Test
    void everyOperationRefusesMissingTokensWrongRolesAndForeignTenantHeaders() {
        // 4 ledger + 3 holdings operations, and the platform's 2 audit-log operations.
        SecurityContract.verify(9);
    }
}
