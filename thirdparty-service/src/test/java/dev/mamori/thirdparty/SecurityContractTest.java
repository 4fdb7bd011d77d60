package dev.mamori.thirdparty;

import dev.mamori.testing.SecurityContract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SecurityContractTest {

    @Test
    void everyOperationRefusesMissingTokensWrongRolesAndForeignTenantHeaders() {
        // Third parties (3), receipts (2), records about a person (1), the platform's audit log (2).
        SecurityContract.verify(8);
    }
}
