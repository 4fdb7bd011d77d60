package dev.mamori.center.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.center.web.CenterConfig;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which post counts against which limit (the counting itself: RateLimiterTest). */
class AbuseLimitsTest {

    private static CenterConfig config(int perEmail, int perAddress, int codeTries, int lookups) {
        CenterConfig.Limits limits = new CenterConfig.Limits() {
            public int filingsPerEmail() {
                return perEmail;
            }

            public int filingsPerAddress() {
                return perAddress;
            }

            public Duration filingWindow() {
                return Duration.ofHours(1);
            }

            public int codeTriesPerAddress() {
                return codeTries;
            }

            public Duration codeWindow() {
                return Duration.ofMinutes(10);
            }

            public int lookupsPerAddress() {
                return lookups;
            }

            public Duration lookupWindow() {
                return Duration.ofMinutes(10);
            }

            public int deliveryCodesPerLink() {
                return 2;
            }

            public int codeTriesPerLink() {
                return 2;
            }

            public int downloadsPerAddress() {
                return 2;
            }

            public Duration downloadWindow() {
                return Duration.ofMinutes(10);
            }

            public int uploadsPerAddress() {
                return 100;
            }

            public int uploadsPerReceipt() {
                return 2;
            }

            public int maxKeys() {
                return 1000;
            }
        };
        return new CenterConfig() {
            public Optional<String> formKey() {
                return Optional.empty();
            }

            public Duration formTtl() {
                return Duration.ofHours(2);
            }

            public boolean secureCookies() {
                return false;
            }

            public Limits limits() {
                return limits;
            }

            public Uploads uploads() {
                return () -> 2_097_152;
            }
        };
    }

    @Test
    void shouldCountFilingsPerEmailAddressWhateverItsCaseAndFromAnyClient() {
        AbuseLimits limits = new AbuseLimits(config(2, 100, 100, 100));
        limits.filing("192.0.2.1", "Taro@Example.jp", "/back");
        limits.filing("192.0.2.2", " taro@example.jp ", "/back");
        AbuseLimits.TooMany refused =
                assertThrows(AbuseLimits.TooMany.class, () -> limits.filing("192.0.2.3", "TARO@example.jp", "/back"));
        assertEquals(429, refused.status());
        assertEquals("error.too-many", refused.messageKey());
        assertEquals("/back", refused.back());
        assertTrue(refused.retryAfter().compareTo(Duration.ZERO) > 0);
        assertDoesNotThrow(() -> limits.filing("192.0.2.3", "hanako@example.jp", "/back"));
    }

    @Test
    void shouldCountFilingsAndFreshCodesTogetherPerClientAddress() {
        AbuseLimits limits = new AbuseLimits(config(100, 2, 100, 100));
        limits.filing("192.0.2.1", "a@example.jp", "/back");
        limits.freshCode("192.0.2.1", "/back");
        assertThrows(AbuseLimits.TooMany.class, () -> limits.filing("192.0.2.1", "b@example.jp", "/back"));
        assertThrows(AbuseLimits.TooMany.class, () -> limits.freshCode("192.0.2.1", "/back"));
        assertDoesNotThrow(() -> limits.freshCode("192.0.2.9", "/back"));
    }

    @Test
    void shouldCountCodeTriesAndLookUpsEachOnTheirOwn() {
        AbuseLimits limits = new AbuseLimits(config(100, 100, 1, 1));
        limits.codeTry("192.0.2.1", "/back");
        assertThrows(AbuseLimits.TooMany.class, () -> limits.codeTry("192.0.2.1", "/back"));
        limits.lookup("192.0.2.1", "/back");
        assertThrows(AbuseLimits.TooMany.class, () -> limits.lookup("192.0.2.1", "/back"));
        assertDoesNotThrow(() -> limits.filing("192.0.2.1", "a@example.jp", "/back"));
    }

    @Test
    void shouldCountADeliveryLinksCodesAndTriesForTheLinkFromAnyClient() {
        AbuseLimits limits = new AbuseLimits(config(100, 100, 100, 100));
        String link = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        limits.deliveryCode("192.0.2.1", link, "/back");
        limits.deliveryCode("192.0.2.2", link, "/back");
        assertThrows(AbuseLimits.TooMany.class, () -> limits.deliveryCode("192.0.2.3", link, "/back"));
        assertDoesNotThrow(() -> limits.deliveryCode("192.0.2.3", link.replace('A', 'B'), "/back"));
        limits.deliveryCodeTry("192.0.2.1", link, "/back");
        limits.deliveryCodeTry("192.0.2.2", link, "/back");
        assertThrows(AbuseLimits.TooMany.class, () -> limits.deliveryCodeTry("192.0.2.3", link, "/back"));
    }

    @Test
    void shouldCountUploadsPerReceiptWhateverItsCaseAndDownloadsPerAddress() {
        AbuseLimits limits = new AbuseLimits(config(100, 100, 100, 100));
        limits.upload("192.0.2.1", "R-AB12-CD34", "/back");
        limits.upload("192.0.2.2", "r-ab12-cd34", "/back");
        assertThrows(AbuseLimits.TooMany.class, () -> limits.upload("192.0.2.3", "R-AB12-CD34", "/back"));
        assertDoesNotThrow(() -> limits.upload("192.0.2.3", "R-ZZ12-CD34", "/back"));
        limits.download("192.0.2.1", "/back");
        limits.download("192.0.2.1", "/back");
        assertThrows(AbuseLimits.TooMany.class, () -> limits.download("192.0.2.1", "/back"));
        assertDoesNotThrow(() -> limits.download("192.0.2.2", "/back"));
    }
}
