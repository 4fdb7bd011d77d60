package dev.mamori.platform.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.platform.problem.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenantChoiceTest {

    private static final List<String> BPO = List.of("tenant-a", "tenant-b");

    @Test
    void aPersonWithOneTenantActsForIt() {
        assertEquals("tenant-a", TenantChoice.resolve(null, false, "tenant-a", List.of()));
    }

    @Test
    void aPersonWithOneTenantMayNotNameAnother() {
        assertRefused(
                "tenant-header-forbidden", 403, () -> TenantChoice.resolve("tenant-b", false, "tenant-a", List.of()));
        assertFalse(TenantChoice.headerAllowed("tenant-b", false, List.of()));
    }

    @Test
    void aPersonServingSeveralTenantsNamesOneOfThem() {
        assertEquals("tenant-b", TenantChoice.resolve("tenant-b", false, null, BPO));
        assertEquals("tenant-a", TenantChoice.resolve("tenant-a", false, null, BPO));
        assertTrue(TenantChoice.headerAllowed("tenant-b", false, BPO));
    }

    @Test
    void aPersonServingSeveralTenantsMayNotNameAnyOther() {
        assertRefused("tenant-header-forbidden", 403, () -> TenantChoice.resolve("tenant-c", false, null, BPO));
        assertFalse(TenantChoice.headerAllowed("tenant-c", false, BPO));
        assertTrue(TenantChoice.headerRefusal(BPO).contains("tenant-a"));
    }

    @Test
    void aPersonServingSeveralTenantsMustChoose() {
        assertRefused("tenant-choice-required", 403, () -> TenantChoice.resolve(null, false, null, BPO));
    }

    @Test
    void aListOfOneNeedsNoChoice() {
        assertEquals("tenant-b", TenantChoice.resolve(null, false, null, List.of("tenant-b")));
    }

    @Test
    void aServiceNamesAnyTenantAndMustNameOne() {
        assertEquals("tenant-c", TenantChoice.resolve("tenant-c", true, null, List.of()));
        assertRefused("tenant-missing", 403, () -> TenantChoice.resolve(null, true, null, List.of()));
    }

    @Test
    void aMalformedTenantIdIsRefused() {
        assertRefused("invalid-tenant-header", 400, () -> TenantChoice.resolve("Tenant A", true, null, List.of()));
    }

    @Test
    void aTokenWithoutTenantIsRefused() {
        assertRefused("tenant-missing", 403, () -> TenantChoice.resolve(null, false, null, List.of()));
    }

    @Test
    void listClaimsAreReadAsTextWithoutBlanksOrRepeats() {
        assertEquals(BPO, TenantContext.texts(List.of("tenant-a", " ", "tenant-b", "tenant-a")));
        assertEquals(List.of("tenant-a"), TenantContext.texts("tenant-a"));
        assertEquals(List.of(), TenantContext.texts(null));
    }

    private static void assertRefused(String kind, int status, Runnable call) {
        ProblemException e = assertThrows(ProblemException.class, call::run);
        assertEquals(status, e.status());
        assertEquals(kind, e.kind());
    }
}
