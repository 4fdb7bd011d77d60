package dev.mamori.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private static final String ZERO_KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = key(1);
    private final FieldCipher cipher = cipher(Map.of("k1", ZERO_KEY), "k1");

    private static String key(int first) {
        byte[] raw = new byte[32];
        raw[0] = (byte) first;
        return Base64.getEncoder().encodeToString(raw);
    }

    private static FieldCipher cipher(Map<String, String> keys, String current) {
        return new FieldCipher(
                Optional.of("mamori-request"), Optional.ofNullable(current), keys, false, Optional.empty());
    }

    private static FieldCipher production(Map<String, String> keys, String current, String databasePassword) {
        return new FieldCipher(
                Optional.of("mamori-request"),
                Optional.ofNullable(current),
                keys,
                true,
                Optional.ofNullable(databasePassword));
    }

    @Test
    void shouldRoundTripWithAFreshNonceEachTime() {
        String a = cipher.encrypt("taro@example.jp", "tenant-a/1/contact");
        String b = cipher.encrypt("taro@example.jp", "tenant-a/1/contact");
        assertTrue(a.startsWith("k1:"));
        assertFalse(a.contains("taro"));
        assertNotEquals(a, b);
        assertEquals("taro@example.jp", cipher.decrypt(a, "tenant-a/1/contact"));
        assertEquals(null, cipher.encrypt(null, "c"));
        assertEquals(null, cipher.decrypt(null, "c"));
    }

    @Test
    void shouldSealAndOpenFromManyThreadsAtOnceAndAfterAFailedOpen() throws Exception {
        // Each thread keeps its own cipher: threads sealing and opening at once must each get their own values
        // back, and a value that failed to open (a wrong context) must not spoil the next one on that thread.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> all = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                all.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        String plain = "person-" + thread + "-" + i + "@example.jp";
                        String sealed = cipher.encrypt(plain, "tenant-a/" + i + "/contact");
                        if (i % 100 == 0) {
                            assertThrows(
                                    IllegalStateException.class, () -> cipher.decrypt(sealed, "tenant-b/0/contact"));
                        }
                        if (!plain.equals(cipher.decrypt(sealed, "tenant-a/" + i + "/contact"))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (java.util.concurrent.Future<Boolean> f : all) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldRefuseACiphertextReadWithOtherAssociatedDataOrAltered() {
        String sealed = cipher.encrypt("山田 太郎", "tenant-a/1/name");
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(sealed, "tenant-a/2/name"));
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(sealed, "tenant-b/1/name"));
        FieldCipher otherService = new FieldCipher(
                Optional.of("mamori-retention"), Optional.of("k1"), Map.of("k1", ZERO_KEY), false, Optional.empty());
        assertThrows(
                IllegalStateException.class,
                () -> otherService.decrypt(sealed, "tenant-a/1/name"),
                "the same key in another service's domain does not open it");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        String altered = "k1:" + Base64.getEncoder().encodeToString(raw);
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(altered, "tenant-a/1/name"));
        assertThrows(IllegalStateException.class, () -> cipher.decrypt("k1:AAAA", "tenant-a/1/name"));
    }

    @Test
    void shouldRefuseAnUnknownKeyIdAndAnotherKey() {
        String sealed = cipher.encrypt("x", "c");
        IllegalStateException unknown =
                assertThrows(IllegalStateException.class, () -> cipher.decrypt("k0" + sealed.substring(2), "c"));
        assertTrue(unknown.getMessage().contains("mamori.cipher.keys.k0"), unknown.getMessage());
        FieldCipher another = cipher(Map.of("k1", OTHER_KEY), "k1");
        assertThrows(IllegalStateException.class, () -> another.decrypt(sealed, "c"));
    }

    @Test
    void shouldSealWithTheCurrentKeyAndOpenWithAnyConfiguredOne() {
        String old = cipher.encrypt("taro@example.jp", "tenant-a/1/contact");
        FieldCipher rotated = cipher(Map.of("k1", ZERO_KEY, "k2", OTHER_KEY), "k2");
        assertEquals("k2", rotated.currentKey());
        String fresh = rotated.encrypt("hanako@example.jp", "tenant-a/2/contact");
        assertTrue(fresh.startsWith("k2:"), fresh);
        assertEquals(
                "taro@example.jp", rotated.decrypt(old, "tenant-a/1/contact"), "values under the old key still open");
        assertEquals("hanako@example.jp", rotated.decrypt(fresh, "tenant-a/2/contact"));
        assertThrows(
                IllegalStateException.class,
                () -> cipher.decrypt(fresh, "tenant-a/2/contact"),
                "a replica without the new key cannot read it");
    }

    @Test
    void shouldRefuseTheBuiltInDevelopmentKeyInProductionWithAClearMessage() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> production(Map.of("k1", FieldCipher.DEV_KEY), "k1", "db-secret"));
        assertTrue(e.getMessage().contains("mamori.cipher.keys.k1 is the development key"), e.getMessage());
        // Production has no built-in key at all: naming it is refused too.
        e = assertThrows(IllegalStateException.class, () -> production(Map.of("k1", ZERO_KEY), "dev", "db-secret"));
        assertTrue(e.getMessage().contains("mamori.cipher.keys.dev is not set"), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> production(Map.of(), null, "db-secret"));
        assertTrue(e.getMessage().contains("mamori.cipher.current-key is not set"), e.getMessage());
        // Development and tests use it by default, and the values it sealed stay readable there.
        FieldCipher dev = cipher(Map.of(), null);
        assertEquals(FieldCipher.DEV_KEY_ID, dev.currentKey());
        assertTrue(dev.encrypt("x", "c").startsWith("dev:"));
        production(Map.of("k1", OTHER_KEY), "k1", "db-secret");
    }

    @Test
    void shouldRefuseAKeyDerivedFromTheDatabasePasswordInProduction() throws Exception {
        String password = "mamori";
        String derived = Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256")
                        .digest(("mamori-retention-secret-box:" + password).getBytes(StandardCharsets.UTF_8)));
        String hashed = Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8)));
        String thirtyTwo = "0123456789abcdef0123456789abcdef";
        String itself = Base64.getEncoder().encodeToString(thirtyTwo.getBytes(StandardCharsets.UTF_8));
        for (var refused : Map.of(derived, password, hashed, password, itself, thirtyTwo, OTHER_KEY, OTHER_KEY)
                .entrySet()) {
            IllegalStateException e = assertThrows(
                    IllegalStateException.class,
                    () -> production(Map.of("k1", refused.getKey()), "k1", refused.getValue()));
            assertTrue(e.getMessage().contains("derived from the database password"), e.getMessage());
        }
        cipher(Map.of("k1", derived), "k1"); // development may keep what it had
    }

    @Test
    void shouldRefuseMalformedKeysAndIncompleteSettings() {
        assertThrows(IllegalStateException.class, () -> cipher(Map.of("k1", key(0).substring(0, 22)), "k1"));
        assertThrows(
                IllegalStateException.class,
                () -> cipher(Map.of("k1", Base64.getEncoder().encodeToString(new byte[16])), "k1"));
        assertThrows(IllegalStateException.class, () -> cipher(Map.of("k1", "not base64!"), "k1"));
        assertThrows(IllegalStateException.class, () -> cipher(Map.of("k:1", ZERO_KEY), "k:1"));
        assertThrows(IllegalStateException.class, () -> cipher(Map.of("k1", ZERO_KEY), "k2"));
        assertThrows(
                IllegalStateException.class,
                () -> new FieldCipher(
                        Optional.empty(), Optional.of("k1"), Map.of("k1", ZERO_KEY), false, Optional.empty()),
                "keys without a domain");
        FieldCipher none = new FieldCipher(Optional.empty(), Optional.empty(), Map.of(), true, Optional.empty());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> none.encrypt("x", "c"));
        assertTrue(e.getMessage().contains("mamori.cipher.domain"), e.getMessage());
    }

    @Test
    void shouldDeflateALargeValueBeforeSealingItAndReadItBack() {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 2_000; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"subjectRef\":\"cust-000123\",\"purpose\":\"call-center-support\","
                            + "\"decision\":\"GIVEN\",\"channel\":\"コールセンター（札幌）\",\"n\":")
                    .append(i)
                    .append('}');
        }
        String plaintext = json.append(']').toString();
        String sealed = cipher.encrypt(plaintext, "tenant-a/1/result.package");
        assertTrue(sealed.startsWith("k1:z:"), sealed.substring(0, 8));
        assertTrue(
                sealed.length() < plaintext.length() / 5,
                "compressed: " + sealed.length() + " of " + plaintext.length());
        assertEquals(plaintext, cipher.decrypt(sealed, "tenant-a/1/result.package"));
        // Bound to its place like any other value, and the mark cannot be dropped or added unnoticed.
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(sealed, "tenant-a/2/result.package"));
        assertThrows(
                IllegalStateException.class,
                () -> cipher.decrypt("k1:" + sealed.substring(5), "tenant-a/1/result.package"));
        String small = cipher.encrypt("taro@example.jp", "c");
        assertFalse(small.startsWith("k1:z:"), "short values are never compressed");
        assertThrows(IllegalStateException.class, () -> cipher.decrypt("k1:z:" + small.substring(3), "c"));
    }

    @Test
    void shouldStillReadWhatRequestServiceSealedBeforeTheCipherMovedToThePlatform() throws Exception {
        // request-service's own cipher wrote the plain bytes under "mamori-request/v1/<context>", key id first.
        String plaintext = "x".repeat(FieldCipher.DEFLATE_FROM_BYTES * 2);
        assertEquals(
                plaintext,
                cipher.decrypt("k1:" + seal(plaintext, "mamori-request/v1/tenant-a/1/result"), "tenant-a/1/result"));
    }

    @Test
    void shouldOpenAValueSealedWithoutAssociatedDataOnlyWhenAskedTo() throws Exception {
        // retention-service's earlier box stored owning systems' secrets as v1:<base64>, with no associated data.
        String legacy = seal("s3cr3t", null);
        assertEquals("s3cr3t", cipher.decryptUnbound("k1", legacy));
        assertThrows(
                IllegalStateException.class, () -> cipher.decrypt("k1:" + legacy, "tenant-a/1/owning-system.secret"));
        assertThrows(IllegalStateException.class, () -> cipher.decryptUnbound("k9", legacy));
        String bound = cipher.encrypt("s3cr3t", "c").substring(3);
        assertThrows(
                IllegalStateException.class,
                () -> cipher.decryptUnbound("k1", bound),
                "a value sealed with associated data never opens without it");
    }

    @Test
    void shouldRotateThroughEnvironmentVariablesOverAServicesPackagedSettings() {
        // As request-service's application.properties has it, packaged: k1 from its Secret, k1 current.
        PropertiesConfigSource properties = new PropertiesConfigSource(
                Map.of(
                        "mamori.cipher.domain", "mamori-request",
                        "%prod.mamori.cipher.current-key", "k1",
                        "%prod.mamori.cipher.keys.k1", "${MAMORI_REQUEST_CONTACT_KEY}"),
                "application.properties",
                250);
        // The rotation the deployment guide describes: a second key and the current-key, both from the Secret.
        EnvConfigSource environment = new EnvConfigSource(
                Map.of(
                        "MAMORI_REQUEST_CONTACT_KEY",
                        ZERO_KEY,
                        "MAMORI_CIPHER_KEYS_K2",
                        OTHER_KEY,
                        "MAMORI_CIPHER_CURRENT_KEY",
                        "k2"),
                300);
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withProfile("prod")
                .withMapping(CipherConfig.class)
                .addDefaultInterceptors()
                .withSources(properties, environment)
                .build();
        CipherConfig mapped = config.getConfigMapping(CipherConfig.class);
        assertEquals(Optional.of("k2"), mapped.currentKey());
        assertEquals(Map.of("k1", ZERO_KEY, "k2", OTHER_KEY), Map.copyOf(mapped.keys()));
        FieldCipher rotated =
                new FieldCipher(mapped.domain(), mapped.currentKey(), mapped.keys(), true, Optional.empty());
        assertTrue(rotated.encrypt("x", "c").startsWith("k2:"));
        assertEquals("x", rotated.decrypt(cipher.encrypt("x", "c"), "c"));
    }

    private static String seal(String plaintext, String aad) throws Exception {
        byte[] nonce = new byte[12];
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[32], "AES"), new GCMParameterSpec(128, nonce));
        if (aad != null) {
            c.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
        }
        byte[] sealed = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder()
                .encodeToString(ByteBuffer.allocate(12 + sealed.length)
                        .put(nonce)
                        .put(sealed)
                        .array());
    }
}
