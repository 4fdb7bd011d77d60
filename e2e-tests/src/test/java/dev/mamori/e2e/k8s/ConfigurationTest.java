package dev.mamori.e2e.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every setting a pod reads comes from the cluster: non-secret ones from the mamori-config ConfigMap, credentials
 * and keys from the service's own Secret. The development overlay generates throwaway values for all of them and
 * they fit together (the database users exist, the realm knows the client secret); the production overlay carries
 * no credential at all and k8s/README.md documents every Secret it expects.
 */
class ConfigurationTest {

    static final List<String> OVERLAYS = K8s.OVERLAYS;
    private static final Set<String> SHARED_SETTINGS = Set.of("DB_HOST", "DB_PORT", "OIDC_AUTH_SERVER_URL",
            "CONSENT_SERVICE_URL", "REQUEST_SERVICE_URL", "RETENTION_SERVICE_URL", "THIRDPARTY_SERVICE_URL");

    /** A reference from a container to a Secret or ConfigMap; key null means all of it (envFrom). */
    record Ref(String kind, String name, String key, K8s.Workload workload, String container) {
        @Override
        public String toString() {
            return workload + " " + container + " -> " + kind + " " + name + (key == null ? "" : " key " + key);
        }
    }

    static List<Ref> references(K8s.Overlay overlay) {
        List<Ref> refs = new ArrayList<>();
        for (K8s.Workload w : overlay.workloads()) {
            for (Container c : w.allContainers()) {
                for (EnvFromSource from : c.getEnvFrom()) {
                    if (from.getSecretRef() != null) {
                        refs.add(new Ref("Secret", from.getSecretRef().getName(), null, w, c.getName()));
                    }
                    if (from.getConfigMapRef() != null) {
                        refs.add(new Ref("ConfigMap", from.getConfigMapRef().getName(), null, w, c.getName()));
                    }
                }
                for (EnvVar env : c.getEnv()) {
                    if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                        var r = env.getValueFrom().getSecretKeyRef();
                        refs.add(new Ref("Secret", r.getName(), r.getKey(), w, c.getName()));
                    }
                    if (env.getValueFrom() != null && env.getValueFrom().getConfigMapKeyRef() != null) {
                        var r = env.getValueFrom().getConfigMapKeyRef();
                        refs.add(new Ref("ConfigMap", r.getName(), r.getKey(), w, c.getName()));
                    }
                }
            }
            for (Volume v : w.template().getSpec().getVolumes()) {
                if (v.getSecret() != null) {
                    refs.add(new Ref("Secret", v.getSecret().getSecretName(), null, w, "(volume " + v.getName() + ")"));
                }
                if (v.getConfigMap() != null) {
                    refs.add(new Ref("ConfigMap", v.getConfigMap().getName(), null, w, "(volume " + v.getName() + ")"));
                }
            }
        }
        return refs;
    }

    @Test
    void inDevelopmentEverySecretAndConfigMapAPodNeedsExistsWithTheKeysItReads() {
        K8s.Overlay dev = K8s.overlay("dev");
        for (Ref ref : references(dev)) {
            Map<String, String> data = ref.kind().equals("Secret")
                    ? dev.find(Secret.class, ref.name()).map(ConfigurationTest::decoded).orElse(null)
                    : dev.find(ConfigMap.class, ref.name()).map(ConfigMap::getData).orElse(null);
            assertNotNull(data, ref + ": no such " + ref.kind());
            if (ref.key() != null) {
                assertTrue(data.containsKey(ref.key()), ref + ": no such key");
            }
        }
    }

    @Test
    void developmentSecretsAreThrowawaysAndSayso() throws IOException {
        Set<String> realmSecrets = new TreeSet<>();
        realm().path("clients").forEach(c -> realmSecrets.add(c.path("secret").asText()));
        List<Secret> secrets = K8s.overlay("dev").all(Secret.class);
        assertFalse(secrets.isEmpty());
        for (Secret s : secrets) {
            assertEquals("true", s.getMetadata().getAnnotations().get("mamori.dev/throwaway"), s.getMetadata().getName());
            for (var e : decoded(s).entrySet()) {
                String key = e.getKey().toUpperCase(Locale.ROOT);
                boolean identifier = key.endsWith("_USER") || key.endsWith("USERNAME");
                boolean marked = e.getValue().contains("dev-only") || isBase64Of32BytesMarkedDev(e.getValue())
                        || realmSecrets.contains(e.getValue());
                assertTrue(identifier || marked, s.getMetadata().getName() + " " + e.getKey()
                        + " is not visibly a dev-only value (or the demo realm's own client secret)");
            }
        }
    }

    @Test
    void productionCarriesNoCredentialAndDocumentsEverySecretItNeeds() {
        K8s.Overlay prod = K8s.overlay("prod");
        for (Secret s : prod.all(Secret.class)) {
            assertTrue(s.getData().isEmpty() && s.getStringData().isEmpty(), "prod Secret " + s.getMetadata().getName() + " carries data");
        }
        String readme = K8s.read(K8s.ROOT.resolve("k8s/README.md"));
        Map<String, Set<String>> documented = documentedSecrets(readme);
        Set<String> secretsReferenced = new TreeSet<>();
        for (Ref ref : references(prod)) {
            if (ref.kind().equals("ConfigMap")) {
                assertTrue(prod.find(ConfigMap.class, ref.name()).isPresent(), ref + ": no such ConfigMap");
                continue;
            }
            secretsReferenced.add(ref.name());
            assertTrue(documented.containsKey(ref.name()), ref + " is not documented in k8s/README.md");
            if (ref.key() != null) {
                assertTrue(documented.get(ref.name()).contains(ref.key()), ref + ": key not documented in k8s/README.md");
            }
        }
        for (String service : K8s.SERVICES) {
            Set<String> keys = documented.get(service + "-secrets");
            assertNotNull(keys, service + "-secrets is not documented");
            assertTrue(keys.containsAll(List.of("DB_USER", "DB_PASSWORD")), service + "-secrets documents the database login");
            assertTrue(secretsReferenced.contains(service + "-secrets"), service + " reads its own Secret");
        }
    }

    @Test
    void developmentSecretsHoldEveryKeyTheDocumentationAsksOfProduction() {
        K8s.Overlay dev = K8s.overlay("dev");
        Map<String, Set<String>> documented = documentedSecrets(K8s.read(K8s.ROOT.resolve("k8s/README.md")));
        for (var e : documented.entrySet()) {
            Secret s = dev.findGenerated(Secret.class, e.getKey())
                    .orElseThrow(() -> new AssertionError("the dev overlay generates no " + e.getKey()));
            assertEquals(e.getValue(), decoded(s).keySet(), e.getKey() + ": dev and the documented production keys differ");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceReadsTheSharedSettingsFromOneConfigMapAndDoesNotShadowThem(String overlay) {
        K8s.Overlay o = K8s.overlay(overlay);
        for (K8s.Workload w : o.services()) {
            Container c = w.main();
            List<String> configMaps = c.getEnvFrom().stream().filter(f -> f.getConfigMapRef() != null)
                    .map(f -> f.getConfigMapRef().getName()).toList();
            assertEquals(1, configMaps.size(), w + " reads one ConfigMap");
            ConfigMap config = o.find(ConfigMap.class, configMaps.get(0)).orElseThrow();
            assertTrue(config.getMetadata().getName().startsWith("mamori-config"), config.getMetadata().getName());
            assertTrue(config.getData().keySet().containsAll(SHARED_SETTINGS), "mamori-config holds " + SHARED_SETTINGS);
            for (EnvVar env : c.getEnv()) {
                assertFalse(config.getData().containsKey(env.getName()), w + " sets " + env.getName()
                        + " itself, which silently overrides mamori-config (remove it from the service's quarkus.kubernetes.env.*)");
            }
            assertTrue(c.getEnv().stream().anyMatch(e -> e.getName().equals("DB_NAME") && e.getValue() != null), w + " names its database");
            assertTrue(c.getEnvFrom().stream().anyMatch(f -> f.getSecretRef() != null
                    && f.getSecretRef().getName().startsWith(w.name() + "-secrets")), w + " reads its own Secret");
            assertTrue(c.getEnvFrom().stream().filter(f -> f.getSecretRef() != null)
                    .allMatch(f -> f.getSecretRef().getName().startsWith(w.name() + "-")), w + " reads no other service's Secret");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyUrlOfAServiceInTheNamespaceUsesAPortThatServiceListensOn(String overlay) {
        K8s.Overlay o = K8s.overlay(overlay);
        Map<String, String> values = new HashMap<>();
        for (ConfigMap cm : o.all(ConfigMap.class)) {
            cm.getData().forEach((k, v) -> values.put("ConfigMap " + cm.getMetadata().getName() + " " + k, v));
        }
        for (K8s.Workload w : o.workloads()) {
            for (Container c : w.allContainers()) {
                c.getEnv().stream().filter(e -> e.getValue() != null)
                        .forEach(e -> values.put(w + " " + c.getName() + " env " + e.getName(), e.getValue()));
            }
        }
        int checked = 0;
        for (var e : values.entrySet()) {
            if (!e.getValue().matches("https?://[^\\s]+")) {
                continue;
            }
            URI uri = URI.create(e.getValue());
            Optional<Service> service = o.find(Service.class, uri.getHost());
            if (service.isEmpty()) {
                continue;
            }
            int port = uri.getPort() != -1 ? uri.getPort() : (uri.getScheme().equals("https") ? 443 : 80);
            assertTrue(service.get().getSpec().getPorts().stream().anyMatch(p -> p.getPort() == port),
                    e.getKey() + " = " + e.getValue() + ": Service " + uri.getHost() + " does not listen on port " + port);
            checked++;
        }
        assertTrue(checked >= K8s.SERVICES.size(), "the services' URLs were checked");
    }

    @Test
    void developmentValuesFitTogether() throws IOException {
        K8s.Overlay dev = K8s.overlay("dev");
        Map<String, String> config = dev.findGenerated(ConfigMap.class, "mamori-config").orElseThrow().getData();
        // The services' issuer is the one Keycloak puts in its tokens.
        Container keycloak = dev.workload("keycloak").main();
        String hostname = env(keycloak, "KC_HOSTNAME");
        assertEquals(hostname + "/realms/" + realm().path("realm").asText(), config.get("OIDC_AUTH_SERVER_URL"));
        assertTrue(keycloak.getArgs().containsAll(List.of("start-dev", "--import-realm")));
        // request-service's client secret is the one the realm gives its client.
        Map<String, String> request = decoded(dev.findGenerated(Secret.class, "request-service-secrets").orElseThrow());
        String realmSecret = null;
        for (JsonNode client : realm().path("clients")) {
            if (client.path("clientId").asText().equals("request-service")) {
                realmSecret = client.path("secret").asText();
            }
        }
        assertEquals(realmSecret, request.get("OIDC_CLIENT_SECRET"));
        // Encryption keys are base64 of 32 bytes (AES-256).
        for (var key : List.of(Map.entry("request-service-secrets", "MAMORI_REQUEST_CONTACT_KEY"),
                Map.entry("retention-service-secrets", "MAMORI_RETENTION_SECRET_KEY"))) {
            String value = decoded(dev.findGenerated(Secret.class, key.getKey()).orElseThrow()).get(key.getValue());
            assertEquals(32, Base64.getDecoder().decode(value).length, key + " is base64 of 32 bytes");
        }
    }

    @Test
    void developmentDatabaseCreatesEachServicesDatabaseForItsOwnUser() {
        K8s.Overlay dev = K8s.overlay("dev");
        Container postgres = dev.workload("postgres").main();
        String script = dev.findGenerated(ConfigMap.class, "postgres-init").orElseThrow().getData().get("init-databases.sh");
        assertNotNull(script);
        for (K8s.Workload w : dev.services()) {
            String prefix = w.name().replace("-service", "").toUpperCase(Locale.ROOT);
            assertTrue(script.contains(prefix), "init-databases.sh creates the database of " + w);
            assertEquals(env(w.main(), "DB_NAME"), env(postgres, prefix + "_DB_NAME"), w + "'s database");
            String secret = w.main().getEnvFrom().stream().filter(f -> f.getSecretRef() != null)
                    .map(f -> f.getSecretRef().getName()).findFirst().orElseThrow();
            for (String key : List.of("DB_USER", "DB_PASSWORD")) {
                var ref = postgres.getEnv().stream().filter(e -> e.getName().equals(prefix + "_" + key)).findFirst()
                        .orElseThrow().getValueFrom().getSecretKeyRef();
                assertEquals(secret, ref.getName(), w + " " + key + " comes from the Secret the service reads");
                assertEquals(key, ref.getKey());
            }
        }
    }

    @Test
    void productionNamesNoDevelopmentEndpoint() {
        K8s.Overlay prod = K8s.overlay("prod");
        Map<String, String> config = prod.find(ConfigMap.class, prod.all(ConfigMap.class).get(0).getMetadata().getName()).orElseThrow().getData();
        assertTrue(config.get("OIDC_AUTH_SERVER_URL").startsWith("https://"), "the production issuer is HTTPS");
        for (var e : config.entrySet()) {
            assertFalse(e.getValue().contains("localhost") || e.getValue().contains("keycloak:8080") || e.getValue().equals("postgres"),
                    "prod " + e.getKey() + " = " + e.getValue());
        }
    }

    /** The README's table of production Secrets: rows "| `name` | `KEY`, `KEY` | ... |". */
    static Map<String, Set<String>> documentedSecrets(String readme) {
        Map<String, Set<String>> secrets = new HashMap<>();
        for (String line : readme.lines().toList()) {
            var m = java.util.regex.Pattern.compile("^\\| `([a-z0-9-]+-secrets)` \\| ([^|]+)\\|").matcher(line);
            if (m.find()) {
                Set<String> keys = new TreeSet<>();
                var k = java.util.regex.Pattern.compile("`([A-Za-z0-9_.-]+)`").matcher(m.group(2));
                while (k.find()) {
                    keys.add(k.group(1));
                }
                secrets.put(m.group(1), keys);
            }
        }
        assertFalse(secrets.isEmpty(), "k8s/README.md has no table of Secrets");
        return secrets;
    }

    private static boolean isBase64Of32BytesMarkedDev(String value) {
        try {
            byte[] bytes = Base64.getDecoder().decode(value);
            return bytes.length == 32 && new String(bytes, StandardCharsets.US_ASCII).contains("dev-only");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static Map<String, String> decoded(Secret s) {
        Map<String, String> values = new HashMap<>();
        s.getData().forEach((k, v) -> values.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
        values.putAll(s.getStringData());
        return values;
    }

    private static String env(Container c, String name) {
        return c.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst()
                .map(EnvVar::getValue).orElseThrow(() -> new AssertionError(c.getName() + " has no env " + name));
    }

    private static JsonNode realm() throws IOException {
        return new ObjectMapper().readTree(K8s.ROOT.resolve("k8s/overlays/dev/keycloak/mamori-realm.json").toFile());
    }
}
