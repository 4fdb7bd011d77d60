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

    @Test
    void shouldDeflateALargeValueBeforeSealingItAndReadItBack() {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 2_000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"subjectRef\":\"cust-000123\",\"purpose\":\"call-center-support\","
                    + "\"decision\":\"GIVEN\",\"channel\":\"コールセンター（札幌）\",\"n\":").append(i).append('}');
        }
        String plaintext = json.append(']').toString();
        String sealed = cipher.encrypt(plaintext, "tenant-a/1/result.package");
        assertTrue(sealed.startsWith("k1:z:"), sealed.substring(0, 8));
        assertTrue(sealed.length() < plaintext.length() / 5, "compressed: " + sealed.length() + " of " + plaintext.length());
        assertEquals(plaintext, cipher.decrypt(sealed, "tenant-a/1/result.package"));
        // Bound to its place like any other value, and the mark cannot be dropped or added unnoticed.
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(sealed, "tenant-a/2/result.package"));
        assertThrows(IllegalStateException.class, () -> cipher.decrypt("k1:" + sealed.substring(5),
                "tenant-a/1/result.package"));
        String small = cipher.encrypt("taro@example.jp", "c");
        assertFalse(small.startsWith("k1:z:"), "short values are never compressed");
        assertThrows(IllegalStateException.class, () -> cipher.decrypt("k1:z:" + small.substring(3), "c"));
    }

    @Test
    void shouldStillReadALargeValueSealedBeforeValuesWereCompressed() throws Exception {
        // What encrypt wrote before deflating existed: the plain bytes under "mamori-request/v1/<context>".
        String plaintext = "x".repeat(FieldCipher.DEFLATE_FROM_BYTES * 2);
        byte[] nonce = new byte[12];
        javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        c.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(new byte[32], "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, nonce));
        c.updateAAD("mamori-request/v1/tenant-a/1/result".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] sealed = c.doFinal(plaintext.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] stored = java.nio.ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array();
        assertEquals(plaintext, cipher.decrypt("k1:" + Base64.getEncoder().encodeToString(stored), "tenant-a/1/result"));
    }
}
