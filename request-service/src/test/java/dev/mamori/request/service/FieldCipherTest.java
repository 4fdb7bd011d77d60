package dev.mamori.request.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.LaunchMode;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private final FieldCipher cipher = new FieldCipher(KEY, "k1", LaunchMode.TEST);

    @Test
    void shouldRoundTripWithAFreshNonceEachTime() {
        String a = cipher.encrypt("taro@example.jp", "tenant-a/1/contact");
        String b = cipher.encrypt("taro@example.jp", "tenant-a/1/contact");
        assertTrue(a.startsWith("k1:"));
        assertFalse(a.contains("taro"));
        assertNotEquals(a, b);
        assertEquals("taro@example.jp", cipher.decrypt(a, "tenant-a/1/contact"));
    }

    @Test
    void shouldRefuseACiphertextReadInAnotherPlaceOrAltered() {
        String sealed = cipher.encrypt("山田 太郎", "tenant-a/1/name");
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(sealed, "tenant-a/2/name"));
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(sealed, "tenant-b/1/name"));
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        String altered = "k1:" + Base64.getEncoder().encodeToString(raw);
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(altered, "tenant-a/1/name"));
    }

    @Test
    void shouldRefuseAnUnknownKeyIdAndAnotherKey() {
        String sealed = cipher.encrypt("x", "c");
        assertThrows(IllegalStateException.class, () -> cipher.decrypt("k0" + sealed.substring(2), "c"));
        byte[] other = new byte[32];
        other[0] = 1;
        FieldCipher another = new FieldCipher(Base64.getEncoder().encodeToString(other), "k1", LaunchMode.TEST);
        assertThrows(IllegalStateException.class, () -> another.decrypt(sealed, "c"));
    }

    @Test
    void shouldRefuseAShortKeyAndTheDevTestKeyInProduction() {
        assertThrows(IllegalStateException.class,
                () -> new FieldCipher(Base64.getEncoder().encodeToString(new byte[16]), "k1", LaunchMode.NORMAL));
        assertThrows(IllegalStateException.class, () -> new FieldCipher("not base64!", "k1", LaunchMode.NORMAL));
        assertThrows(IllegalStateException.class,
                () -> new FieldCipher(FieldCipher.DEV_TEST_KEY, "dev", LaunchMode.NORMAL));
        new FieldCipher(FieldCipher.DEV_TEST_KEY, "dev", LaunchMode.TEST);
    }
}
