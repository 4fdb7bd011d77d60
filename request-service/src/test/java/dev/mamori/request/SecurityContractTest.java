package dev.mamori.request;

import dev.mamori.testing.SecurityContract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SecurityContractTest {

    @Test
    void everyOperationRefusesMissingTokensWrongRolesAndForeignTenantHeaders() {
        // 14 request operations + 2 settings operations + the platform's 2 audit-log operations.
        SecurityContract.verify(18);
    }
}
