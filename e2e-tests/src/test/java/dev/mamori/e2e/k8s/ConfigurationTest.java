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
    private static final Set<String> SHARED_SETTINGS = Set.of(
            "DB_HOST",
            "DB_PORT",
            "OIDC_AUTH_SERVER_URL",
            "CONSENT_SERVICE_URL",
            "REQUEST_SERVICE_URL",
            "RETENTION_SERVICE_URL",
            "THIRDPARTY_SERVICE_URL",
            "INCIDENT_SERVICE_URL");

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
                    ? dev.find(Secret.class, ref.name())
                            .map(ConfigurationTest::decoded)
                            .orElse(null)
                    : dev.find(ConfigMap.class, ref.name())
                            .map(ConfigMap::getData)
                            .orElse(null);
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
            assertEquals(
                    "true",
                    s.getMetadata().getAnnotations().get("mamori.dev/throwaway"),
                    s.getMetadata().getName());
            for (var e : decoded(s).entrySet()) {
                String key = e.getKey().toUpperCase(Locale.ROOT);
                boolean identifier = key.endsWith("_USER") || key.endsWith("USERNAME");
                boolean marked = e.getValue().contains("dev-only")
                        || isBase64Of32BytesMarkedDev(e.getValue())
                        || realmSecrets.contains(e.getValue());
                assertTrue(
                        identifier || marked,
                        s.getMetadata().getName() + " " + e.getKey()
                                + " is not visibly a dev-only value (or the demo realm's own client secret)");
            }
        }
    }

    @Test
    void productionCarriesNoCredentialAndDocumentsEverySecretItNeeds() {
        K8s.Overlay prod = K8s.overlay("prod");
        for (Secret s : prod.all(Secret.class)) {
            assertTrue(
                    s.getData().isEmpty() && s.getStringData().isEmpty(),
                    "prod Secret " + s.getMetadata().getName() + " carries data");
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
                assertTrue(
                        documented.get(ref.name()).contains(ref.key()), ref + ": key not documented in k8s/README.md");
            }
        }
        for (String service : K8s.SERVICES) {
            Set<String> keys = documented.get(service + "-secrets");
            assertNotNull(keys, service + "-secrets is not documented");
            assertTrue(
                    keys.containsAll(List.of("DB_USER", "DB_PASSWORD")),
                    service + "-secrets documents the database login");
            assertTrue(secretsReferenced.contains(service + "-secrets"), service + " reads its own Secret");
        }
        assertEquals(
                Set.of("OIDC_CLIENT_SECRET", "CONSOLE_CSRF_KEY"),
                documented.get("console-secrets"),
                "console-secrets documents the console's client secret and form-token key");
        assertTrue(secretsReferenced.contains("console-secrets"), "the console reads its own Secret");
        assertEquals(
                Set.of("OIDC_CLIENT_SECRET", "CENTER_FORM_KEY"),
                documented.get("privacy-center-secrets"),
                "privacy-center-secrets documents the privacy center's client secret and form-token key");
        assertTrue(secretsReferenced.contains("privacy-center-secrets"), "the privacy center reads its own Secret");
    }

    @Test
    void developmentSecretsHoldEveryKeyTheDocumentationAsksOfProduction() {
        K8s.Overlay dev = K8s.overlay("dev");
        Map<String, Set<String>> documented = documentedSecrets(K8s.read(K8s.ROOT.resolve("k8s/README.md")));
        for (var e : documented.entrySet()) {
            Secret s = dev.findGenerated(Secret.class, e.getKey())
                    .orElseThrow(() -> new AssertionError("the dev overlay generates no " + e.getKey()));
            assertEquals(
                    e.getValue(), decoded(s).keySet(), e.getKey() + ": dev and the documented production keys differ");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceReadsTheSharedSettingsFromOneConfigMapAndDoesNotShadowThem(String overlay) {
        K8s.Overlay o = K8s.overlay(overlay);
        for (K8s.Workload w : o.services()) {
            Container c = w.main();
            List<String> configMaps = c.getEnvFrom().stream()
                    .filter(f -> f.getConfigMapRef() != null)
                    .map(f -> f.getConfigMapRef().getName())
                    .toList();
            assertEquals(1, configMaps.size(), w + " reads one ConfigMap");
            ConfigMap config = o.find(ConfigMap.class, configMaps.get(0)).orElseThrow();
            assertTrue(
                    config.getMetadata().getName().startsWith("mamori-config"),
                    config.getMetadata().getName());
            assertTrue(
                    config.getData().keySet().containsAll(SHARED_SETTINGS), "mamori-config holds " + SHARED_SETTINGS);
            for (EnvVar env : c.getEnv()) {
                assertFalse(
                        config.getData().containsKey(env.getName()),
                        w + " sets " + env.getName()
                                + " itself, which silently overrides mamori-config (remove it from the service's quarkus.kubernetes.env.*)");
            }
            assertTrue(
                    c.getEnv().stream().anyMatch(e -> e.getName().equals("DB_NAME") && e.getValue() != null),
                    w + " names its database");
            assertTrue(
                    c.getEnvFrom().stream()
                            .anyMatch(f -> f.getSecretRef() != null
                                    && f.getSecretRef().getName().startsWith(w.name() + "-secrets")),
                    w + " reads its own Secret");
            assertTrue(
                    c.getEnvFrom().stream()
                            .filter(f -> f.getSecretRef() != null)
                            .allMatch(f -> f.getSecretRef().getName().startsWith(w.name() + "-")),
                    w + " reads no other service's Secret");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyUrlOfAServiceInTheNamespaceUsesAPortThatServiceListensOn(String overlay) {
        K8s.Overlay o = K8s.overlay(overlay);
        Map<String, String> values = new HashMap<>();
        for (ConfigMap cm : o.all(ConfigMap.class)) {
            cm.getData()
                    .forEach(
                            (k, v) -> values.put("ConfigMap " + cm.getMetadata().getName() + " " + k, v));
        }
        for (K8s.Workload w : o.workloads()) {
            for (Container c : w.allContainers()) {
                c.getEnv().stream()
                        .filter(e -> e.getValue() != null)
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
            assertTrue(
                    service.get().getSpec().getPorts().stream().anyMatch(p -> p.getPort() == port),
                    e.getKey() + " = " + e.getValue() + ": Service " + uri.getHost() + " does not listen on port "
                            + port);
            checked++;
        }
        assertTrue(checked >= K8s.SERVICES.size(), "the services' URLs were checked");
    }

    @Test
    void developmentValuesFitTogether() throws IOException {
        K8s.Overlay dev = K8s.overlay("dev");
        Map<String, String> config = dev.findGenerated(ConfigMap.class, "mamori-config")
                .orElseThrow()
                .getData();
        // The services' issuer is the one Keycloak puts in its tokens.
        Container keycloak = dev.workload("keycloak").main();
        String hostname = env(keycloak, "KC_HOSTNAME");
        assertEquals(hostname + "/realms/" + realm().path("realm").asText(), config.get("OIDC_AUTH_SERVER_URL"));
        assertTrue(keycloak.getArgs().containsAll(List.of("start-dev", "--import-realm")));
        // request-service's client secret is the one the realm gives its client.
        Map<String, String> request = decoded(
                dev.findGenerated(Secret.class, "request-service-secrets").orElseThrow());
        String realmSecret = null;
        for (JsonNode client : realm().path("clients")) {
            if (client.path("clientId").asText().equals("request-service")) {
                realmSecret = client.path("secret").asText();
            }
        }
        assertEquals(realmSecret, request.get("OIDC_CLIENT_SECRET"));
        // Encryption keys are base64 of 32 bytes (AES-256).
        for (var key : List.of(
                Map.entry("request-service-secrets", "MAMORI_REQUEST_CONTACT_KEY"),
                Map.entry("retention-service-secrets", "MAMORI_RETENTION_SECRET_KEY"),
                Map.entry("thirdparty-service-secrets", "MAMORI_THIRDPARTY_MAIL_KEY"))) {
            String value = decoded(dev.findGenerated(Secret.class, key.getKey()).orElseThrow())
                    .get(key.getValue());
            assertEquals(32, Base64.getDecoder().decode(value).length, key + " is base64 of 32 bytes");
        }
    }

    @Test
    void developmentDatabaseCreatesEachServicesDatabaseForItsOwnUser() {
        K8s.Overlay dev = K8s.overlay("dev");
        Container postgres = dev.workload("postgres").main();
        String script = dev.findGenerated(ConfigMap.class, "postgres-init")
                .orElseThrow()
                .getData()
                .get("init-databases.sh");
        assertNotNull(script);
        for (K8s.Workload w : dev.services()) {
            String prefix = w.name().replace("-service", "").toUpperCase(Locale.ROOT);
            assertTrue(script.contains(prefix), "init-databases.sh creates the database of " + w);
            assertEquals(env(w.main(), "DB_NAME"), env(postgres, prefix + "_DB_NAME"), w + "'s database");
            String secret = w.main().getEnvFrom().stream()
                    .filter(f -> f.getSecretRef() != null)
                    .map(f -> f.getSecretRef().getName())
                    .findFirst()
                    .orElseThrow();
            for (String key : List.of("DB_USER", "DB_PASSWORD")) {
                var ref = postgres.getEnv().stream()
                        .filter(e -> e.getName().equals(prefix + "_" + key))
                        .findFirst()
                        .orElseThrow()
                        .getValueFrom()
                        .getSecretKeyRef();
                assertEquals(secret, ref.getName(), w + " " + key + " comes from the Secret the service reads");
                assertEquals(key, ref.getKey());
            }
        }
    }

    @Test
    void productionNamesNoDevelopmentEndpoint() {
        K8s.Overlay prod = K8s.overlay("prod");
        Map<String, String> config = prod.find(
                        ConfigMap.class,
                        prod.all(ConfigMap.class).get(0).getMetadata().getName())
                .orElseThrow()
                .getData();
        assertTrue(config.get("OIDC_AUTH_SERVER_URL").startsWith("https://"), "the production issuer is HTTPS");
        for (var e : config.entrySet()) {
            assertFalse(
                    e.getValue().contains("localhost")
                            || e.getValue().contains("keycloak:8080")
                            || e.getValue().equals("postgres"),
                    "prod " + e.getKey() + " = " + e.getValue());
        }
    }

    /**
     * A packaged service (prod profile) has no fallback for its credentials: every {@code ${NAME}} without a default
     * in the configuration that applies to it must come from the cluster. This reads them from the configuration
     * files themselves, so a credential added there without a place in the Secret (and the README) fails here
     * before it fails a start in production.
     */
    @Test
    void everyVariableAPackagedServiceRequiresComesFromItsSecretOrTheConfigMapInEveryOverlay() {
        Map<String, Set<String>> documented = documentedSecrets(K8s.read(K8s.ROOT.resolve("k8s/README.md")));
        for (String service : K8s.SERVICES) {
            Set<String> required = requiredInProduction(service);
            assertTrue(
                    required.containsAll(List.of("DB_USER", "DB_PASSWORD")),
                    service + " requires its database login: " + required);
            for (String overlay : OVERLAYS) {
                K8s.Overlay o = K8s.overlay(overlay);
                Map<String, String> env = environment(o, service);
                Set<String> fromSecret = documented.get(service + "-secrets");
                for (String name : required) {
                    if (env.containsKey(name)) {
                        continue; // ConfigMap or the Deployment's own env
                    }
                    assertTrue(
                            fromSecret.contains(name),
                            overlay + " " + service + " requires " + name
                                    + ": it is neither in mamori-config nor a documented key of " + service
                                    + "-secrets");
                }
                assertTrue(
                        o.workload(service).main().getEnvFrom().stream()
                                .anyMatch(f -> f.getSecretRef() != null
                                        && f.getSecretRef().getName().startsWith(service + "-secrets")
                                        && !Boolean.TRUE.equals(f.getSecretRef().getOptional())),
                        overlay + " " + service + " requires its Secret");
            }
        }
    }

    /**
     * The console's and the privacy center's configuration falls back to a local suite (localhost URLs, the demo
     * client secret) for every variable it reads, so in a cluster each of them must come from the cluster: the
     * ConfigMap, the Deployment's own env or its Secret (in prod: a documented key of it). A variable added to their
     * configuration without a place here fails before they talk to localhost in production.
     */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyVariableTheConsoleReadsComesFromTheCluster(String overlay) {
        everyVariableReadComesFromTheCluster(
                overlay,
                K8s.CONSOLE,
                List.of("OIDC_AUTH_SERVER_URL", "OIDC_CLIENT_SECRET", "CONSOLE_CSRF_KEY"),
                K8s.CONSOLE_CALLS);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyVariableThePrivacyCenterReadsComesFromTheCluster(String overlay) {
        everyVariableReadComesFromTheCluster(
                overlay,
                K8s.PRIVACY_CENTER,
                List.of("OIDC_AUTH_SERVER_URL", "OIDC_CLIENT_SECRET", "CENTER_FORM_KEY", "CENTER_SECURE_COOKIES"),
                K8s.PRIVACY_CENTER_CALLS);
    }

    private static void everyVariableReadComesFromTheCluster(
            String overlay, String module, List<String> expected, List<String> calls) {
        String props = K8s.read(K8s.ROOT.resolve(module + "/src/main/resources/application.properties"));
        Set<String> read = new TreeSet<>();
        var m = java.util.regex.Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]").matcher(props);
        while (m.find()) {
            read.add(m.group(1));
        }
        assertTrue(read.containsAll(expected), module + "'s variables as read: " + read);
        K8s.Overlay o = K8s.overlay(overlay);
        Map<String, String> env = environment(o, module);
        Set<String> secretKeys = overlay.equals("dev")
                ? decoded(o.findGenerated(Secret.class, module + "-secrets").orElseThrow())
                        .keySet()
                : documentedSecrets(K8s.read(K8s.ROOT.resolve("k8s/README.md"))).get(module + "-secrets");
        assertNotNull(secretKeys, module + "-secrets is not documented in k8s/README.md");
        for (String name : read) {
            assertTrue(
                    env.containsKey(name) || secretKeys.contains(name),
                    overlay + ": " + module + " reads " + name + ", which is neither in mamori-config nor a key of "
                            + module + "-secrets");
        }
        for (String service : calls) {
            String variable = service.replace("-service", "").toUpperCase(Locale.ROOT) + "_SERVICE_URL";
            assertTrue(read.contains(variable), module + " reads " + variable);
            assertEquals("http://" + service, env.get(variable), overlay + " " + module + " " + variable);
        }
    }

    /**
     * The privacy center's credentials (its OIDC client secret and the forms' HMAC key) come from its Secret and
     * from nowhere else: no ConfigMap of the overlay holds them and the Deployment sets neither itself. It gets its
     * token from the issuer of mamori-config (OIDC_AUTH_SERVER_URL + the token path of its configuration) and,
     * served over HTTPS on the internet, marks its form cookie Secure.
     */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void thePrivacyCenterReadsItsCredentialsOnlyFromItsSecretAndItsTokenFromTheIssuer(String overlay) {
        K8s.Overlay o = K8s.overlay(overlay);
        List<String> credentials = List.of("OIDC_CLIENT_SECRET", "CENTER_FORM_KEY");
        for (ConfigMap c : o.all(ConfigMap.class)) {
            for (String key : credentials) {
                assertFalse(
                        c.getData().containsKey(key),
                        overlay + ": ConfigMap " + c.getMetadata().getName() + " holds " + key);
            }
        }
        Container c = o.workload(K8s.PRIVACY_CENTER).main();
        for (EnvVar e : c.getEnv()) {
            assertFalse(credentials.contains(e.getName()), overlay + ": the Deployment sets " + e.getName());
        }
        Map<String, String> env = environment(o, K8s.PRIVACY_CENTER);
        assertEquals("true", env.get("CENTER_SECURE_COOKIES"), overlay + ": the form cookie is Secure");
        assertEquals(
                "true",
                env.get("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING"),
                overlay + ": the abuse limits see the visitor's address");
        Map<String, String> props = ContainerImagesTest.properties(
                K8s.read(K8s.ROOT.resolve("privacy-center/src/main/resources/application.properties")));
        assertEquals("privacy-center", props.get("quarkus.oidc-client.client-id"));
        assertTrue(props.get("quarkus.oidc-client.auth-server-url").startsWith("${OIDC_AUTH_SERVER_URL:"));
        assertEquals("/protocol/openid-connect/token", props.get("quarkus.oidc-client.token-path"));
        assertEquals("${OIDC_CLIENT_SECRET}", props.get("%prod.quarkus.oidc-client.credentials.secret"));
        assertEquals("${CENTER_FORM_KEY:}", props.get("mamori.center.form-key"));
        if (overlay.equals("prod")) {
            assertTrue(env.get("OIDC_AUTH_SERVER_URL").startsWith("https://"), "the token endpoint is HTTPS");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theConsoleAndThePrivacyCenterReadTheSharedSettingsAndOnlyTheirOwnSecret(String overlay) {
        for (String pages : K8s.PAGES) {
            readsTheSharedSettingsAndOnlyItsOwnSecret(overlay, pages);
        }
    }

    private static void readsTheSharedSettingsAndOnlyItsOwnSecret(String overlay, String module) {
        K8s.Overlay o = K8s.overlay(overlay);
        Container c = o.workload(module).main();
        List<String> configMaps = c.getEnvFrom().stream()
                .filter(f -> f.getConfigMapRef() != null)
                .map(f -> f.getConfigMapRef().getName())
                .toList();
        assertEquals(1, configMaps.size(), module + " reads one ConfigMap");
        Map<String, String> config =
                o.find(ConfigMap.class, configMaps.get(0)).orElseThrow().getData();
        assertTrue(configMaps.get(0).startsWith("mamori-config"), configMaps.get(0));
        for (EnvVar env : c.getEnv()) {
            assertFalse(config.containsKey(env.getName()), module + " shadows mamori-config's " + env.getName());
        }
        List<String> secrets = c.getEnvFrom().stream()
                .filter(f -> f.getSecretRef() != null)
                .map(f -> f.getSecretRef().getName())
                .toList();
        assertEquals(1, secrets.size(), module + " reads one Secret: " + secrets);
        assertTrue(secrets.get(0).startsWith(module + "-secrets"), module + " reads " + secrets.get(0));
        assertTrue(
                c.getEnvFrom().stream()
                        .filter(f -> f.getSecretRef() != null)
                        .noneMatch(f -> Boolean.TRUE.equals(f.getSecretRef().getOptional())),
                module + " requires its Secret");
    }

    @Test
    void inDevelopmentThePrivacyCenterGetsItsTokenAsTheDemoRealmsPrivacyCenterClient() throws IOException {
        Map<String, String> center = decoded(K8s.overlay("dev")
                .findGenerated(Secret.class, "privacy-center-secrets")
                .orElseThrow());
        JsonNode client = null;
        for (JsonNode c : realm().path("clients")) {
            if (c.path("clientId").asText().equals("privacy-center")) {
                client = c;
            }
        }
        assertNotNull(client, "the demo realm has a privacy-center client");
        assertTrue(client.path("serviceAccountsEnabled").asBoolean(), "it may use the client-credentials grant");
        assertEquals(client.path("secret").asText(), center.get("OIDC_CLIENT_SECRET"));
        String key = center.get("CENTER_FORM_KEY");
        assertTrue(key.contains("dev-only"), "a throwaway form-token key");
        assertTrue(key.getBytes(StandardCharsets.UTF_8).length >= 16, "the form key is at least 16 bytes");
    }

    @Test
    void inDevelopmentTheConsoleSignsInWithTheDemoRealmsConsoleClient() throws IOException {
        K8s.Overlay dev = K8s.overlay("dev");
        Map<String, String> console =
                decoded(dev.findGenerated(Secret.class, "console-secrets").orElseThrow());
        JsonNode client = null;
        for (JsonNode c : realm().path("clients")) {
            if (c.path("clientId").asText().equals("console")) {
                client = c;
            }
        }
        assertNotNull(client, "the demo realm has a console client");
        assertEquals(client.path("secret").asText(), console.get("OIDC_CLIENT_SECRET"));
        // k8s/README.md: kubectl port-forward svc/console 8090:80, then http://localhost:8090.
        List<String> redirects = new ArrayList<>();
        client.path("redirectUris").forEach(u -> redirects.add(u.asText()));
        assertTrue(redirects.contains("http://localhost:8090/*"), "the realm accepts the port-forward's redirect");
        assertTrue(console.get("CONSOLE_CSRF_KEY").contains("dev-only"), "a throwaway form-token key");
    }

    @Test
    void theRequiredVariablesAreFoundTheWayAPackagedServiceReadsThem() {
        Set<String> request = requiredInProduction("request-service");
        assertTrue(
                request.containsAll(List.of(
                        "DB_USER",
                        "DB_PASSWORD",
                        "OIDC_CLIENT_SECRET",
                        "MAMORI_CALLBACK_SECRET",
                        "MAMORI_REQUEST_CONTACT_KEY")),
                request.toString());
        assertTrue(requiredInProduction("retention-service").contains("MAMORI_RETENTION_SECRET_KEY"));
        assertTrue(requiredInProduction("thirdparty-service").contains("MAMORI_THIRDPARTY_MAIL_KEY"));
        assertFalse(request.contains("DB_HOST"), "DB_HOST has a default");
        assertFalse(requiredInProduction("consent-service").contains("OIDC_CLIENT_SECRET"));
    }

    @Test
    void developmentDoesNotUseThePublishedDevCallbackSecret() {
        Map<String, String> request = decoded(K8s.overlay("dev")
                .findGenerated(Secret.class, "request-service-secrets")
                .orElseThrow());
        assertNotNull(request.get("MAMORI_CALLBACK_SECRET"));
        assertFalse(
                request.get("MAMORI_CALLBACK_SECRET").equals("dev-callback-secret-not-for-production"),
                "a packaged request-service refuses the published dev callback secret");
    }

    /**
     * The environment variables a packaged service cannot start without: {@code ${NAME}} without a default in the
     * value of a property that applies in the prod profile (no profile, or %prod; a %prod line overrides the plain
     * one), in the platform defaults and the service's application.properties (which overrides them).
     */
    static Set<String> requiredInProduction(String service) {
        Map<String, String> effective = new HashMap<>();
        for (String file : List.of(
                "platform/src/main/resources/META-INF/microprofile-config.properties",
                service + "/src/main/resources/application.properties")) {
            Map<String, String> plain = new HashMap<>();
            Map<String, String> prod = new HashMap<>();
            String text = K8s.read(K8s.ROOT.resolve(file)).replaceAll("\\\\\n\\s*", "");
            for (String line : text.lines().toList()) {
                String l = line.strip();
                int eq = l.indexOf('=');
                if (l.isEmpty() || l.startsWith("#") || eq < 0) {
                    continue;
                }
                String key = l.substring(0, eq).strip();
                String value = l.substring(eq + 1).strip();
                if (key.startsWith("%prod.")) {
                    prod.put(key.substring("%prod.".length()), value);
                } else if (!key.startsWith("%")) {
                    plain.put(key, value);
                }
            }
            effective.putAll(plain);
            effective.putAll(prod);
        }
        Set<String> required = new TreeSet<>();
        var m = java.util.regex.Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");
        for (String value : effective.values()) {
            var matcher = m.matcher(value);
            while (matcher.find()) {
                required.add(matcher.group(1));
            }
        }
        return required;
    }

    /**
     * Joint use within a company group (APPI Art. 27(5)(iii)): thirdparty-service takes each tenant's group from the
     * group claim of that tenant's own tokens (GroupDirectory), in every profile. In the development overlay the demo
     * realm must give that claim to tenant-a's and tenant-b's clients, and no overlay configures groups any more.
     */
    @Test
    void companyGroupsComeFromTheDemoRealmsTokensNotFromConfiguration() throws IOException {
        Map<String, Set<String>> realmGroups = new HashMap<>();
        for (JsonNode client : realm().path("clients")) {
            String tenant = null;
            String group = null;
            for (JsonNode mapper : client.path("protocolMappers")) {
                if (!mapper.path("protocolMapper").asText().equals("oidc-hardcoded-claim-mapper")) {
                    continue; // the console's mappers copy each signed-in person's own attributes
                }
                String claim = mapper.path("config").path("claim.name").asText();
                if (claim.equals("tenant")) {
                    tenant = mapper.path("config").path("claim.value").asText();
                } else if (claim.equals("group")) {
                    group = mapper.path("config").path("claim.value").asText();
                }
            }
            if (tenant != null && group != null) {
                realmGroups.computeIfAbsent(group, g -> new TreeSet<>()).add(tenant);
            }
        }
        assertEquals(Map.of("group-ab", Set.of("tenant-a", "tenant-b")), realmGroups, "the demo realm's groups");
        for (String overlay : List.of("dev", "prod")) {
            Map<String, String> env = environment(K8s.overlay(overlay), "thirdparty-service");
            assertTrue(
                    env.keySet().stream().noneMatch(k -> k.startsWith("MAMORI_GROUPS_")),
                    overlay + ": company groups are no longer configured (mamori.groups.* is read by nothing)");
        }
    }

    /**
     * The environment variable SmallRye Config (Quarkus) reads for a property: every character that is not a letter
     * or a digit becomes an underscore, and the result is upper-cased.
     */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** What a service's container sees: its ConfigMaps' entries (envFrom), then its own env values on top. */
    static Map<String, String> environment(K8s.Overlay overlay, String service) {
        Container c = overlay.workload(service).main();
        Map<String, String> env = new HashMap<>();
        for (EnvFromSource from : c.getEnvFrom()) {
            if (from.getConfigMapRef() != null) {
                env.putAll(overlay.find(ConfigMap.class, from.getConfigMapRef().getName())
                        .orElseThrow()
                        .getData());
            }
        }
        for (EnvVar e : c.getEnv()) {
            if (e.getValue() != null) {
                env.put(e.getName(), e.getValue());
            }
        }
        return env;
    }

    /** The README's table of production Secrets: rows "| `name` | `KEY`, `KEY` | ... |". */
    static Map<String, Set<String>> documentedSecrets(String readme) {
        Map<String, Set<String>> secrets = new HashMap<>();
        for (String line : readme.lines().toList()) {
            var m = java.util.regex.Pattern.compile("^\\| `([a-z0-9-]+-secrets)` \\| ([^|]+)\\|")
                    .matcher(line);
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
        s.getData()
                .forEach((k, v) -> values.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
        values.putAll(s.getStringData());
        return values;
    }

    private static String env(Container c, String name) {
        return c.getEnv().stream()
                .filter(e -> e.getName().equals(name))
                .findFirst()
                .map(EnvVar::getValue)
                .orElseThrow(() -> new AssertionError(c.getName() + " has no env " + name));
    }

    private static JsonNode realm() throws IOException {
        return new ObjectMapper()
                .readTree(K8s.ROOT
                        .resolve("k8s/overlays/dev/keycloak/mamori-realm.json")
                        .toFile());
    }
}
