package dev.mamori.e2e;

import dev.mamori.launcher.Database;
import dev.mamori.launcher.Part;
import dev.mamori.launcher.Suite;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the real Mamori suite (PostgreSQL, Keycloak with the demo realm, the four packaged services) once per test
 * JVM, through the same launcher as bin/mamori, and stops it when all tests have run.
 *
 * <pre>{@code
 * @ExtendWith(SuiteExtension.class)
 * class ConsentIT {
 *     @Test
 *     void officerListsPurposes() {
 *         given().auth().oauth2(SuiteExtension.token("tenant-a-privacy-officer"))
 *                 .baseUri(SuiteExtension.url(Part.CONSENT).toString())
 *                 .get("/v1/purposes").then().statusCode(200);
 *     }
 *
 *     @Test
 *     void orTakeTheSuiteAsAParameter(Suite suite) { ... suite.database().jdbcUrl("consent") ... }
 * }
 * }</pre>
 *
 * <p>System properties (failsafe sets {@code mamori.root}):
 * <ul>
 *   <li>{@code mamori.root}: the repository root (services' jars, demo realm);</li>
 *   <li>{@code mamori.e2e.data}: the data folder, default {@code <root>/e2e-tests/target/suite}; wiped at start
 *       unless {@code mamori.e2e.fresh=false} (the unpacked Keycloak and PostgreSQL binaries are kept);</li>
 *   <li>{@code mamori.e2e.attach=true}: use a suite that already runs on the standard ports (bin/mamori up
 *       --detach) instead of starting one, for a quick edit-test loop; nothing is stopped at the end.</li>
 * </ul>
 * If the suite does not start, every test class using this extension fails with the launcher's message (which part,
 * the end of its log) without trying again. Logs of every part are in {@code <data>/logs}.
 */
public final class SuiteExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SuiteExtension.class);
    private static volatile Suite current;

    @Override
    public void beforeAll(ExtensionContext context) {
        Running running = context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(Running.class.getName(), key -> Running.start(), Running.class);
        current = running.suite();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Suite.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return suite();
    }

    // ---- for the scenarios ----------------------------------------------------------------------------------------

    /** The running suite (URLs, database, tokens, log files). */
    public static Suite suite() {
        Suite s = current;
        if (s == null) {
            throw new IllegalStateException(
                    "The suite is not started: annotate the test class with" + " @ExtendWith(SuiteExtension.class)");
        }
        return s;
    }

    /**
     * An access token of a demo client, e.g. "tenant-a-privacy-officer" or "consent-service" (secret
     * {@code <clientId>-secret}); cached until shortly before it expires.
     */
    public static String token(String clientId) {
        return suite().token(clientId);
    }

    /** A token with an explicit secret; throws {@link dev.mamori.launcher.SuiteException} if Keycloak refuses. */
    public static String token(String clientId, String secret) {
        return suite().token(clientId, secret);
    }

    /** A service's base URL, e.g. url(Part.CONSENT) = http://localhost:8081. */
    public static URI url(Part service) {
        return suite().url(service);
    }

    /** A service's base URL by name: "consent-service" (or "consent"), "request-service", ... */
    public static URI url(String service) {
        return suite().url(service);
    }

    public static URI consentUrl() {
        return url(Part.CONSENT);
    }

    public static URI requestUrl() {
        return url(Part.REQUEST);
    }

    public static URI retentionUrl() {
        return url(Part.RETENTION);
    }

    public static URI thirdpartyUrl() {
        return url(Part.THIRDPARTY);
    }

    /** http://localhost:8180 */
    public static URI keycloakUrl() {
        return suite().keycloakUrl();
    }

    /** The tokens' issuer, http://localhost:8180/realms/mamori. */
    public static String issuer() {
        return suite().issuer();
    }

    /** The services' PostgreSQL (host, port, user, password; jdbcUrl("consent") etc.). */
    public static Database database() {
        return suite().database();
    }

    /** The decoded claims of a token, as JSON text. */
    public static String claims(String token) {
        return Suite.claims(token);
    }

    // ---- life cycle -----------------------------------------------------------------------------------------------

    /** Lives in the root store, which closes it once every test has run; remembers a failed start. */
    private record Running(Suite suite, RuntimeException failure) implements AutoCloseable {

        static Running start() {
            try {
                return new Running(startSuite(), null);
            } catch (RuntimeException e) {
                return new Running(null, e);
            }
        }

        @Override
        public Suite suite() {
            if (failure != null) {
                throw new IllegalStateException(
                        "The Mamori suite did not start (see the first failure): " + failure.getMessage(), failure);
            }
            return suite;
        }

        @Override
        public void close() {
            current = null;
            if (suite != null) {
                suite.close();
            }
        }
    }

    private static Suite startSuite() {
        String rootProperty = System.getProperty("mamori.root");
        Suite.Builder builder = Suite.builder();
        if (rootProperty != null && !rootProperty.isBlank()) {
            builder.root(Path.of(rootProperty));
        } // else the launcher looks for the repository from the working folder upwards
        Path root = builder.resolvedRoot();
        if (Boolean.getBoolean("mamori.e2e.attach")) {
            Suite suite = builder.attach();
            System.out.println("[mamori] e2e: using the suite that is already running (mamori.e2e.attach=true)");
            return suite;
        }
        String data = System.getProperty("mamori.e2e.data");
        Path dataDir = data != null && !data.isBlank()
                ? Path.of(data)
                : root.resolve("e2e-tests").resolve("target").resolve("suite");
        boolean fresh = Boolean.parseBoolean(System.getProperty("mamori.e2e.fresh", "true"));
        long t0 = System.nanoTime();
        Suite suite = builder.dataDir(dataDir).fresh(fresh).start();
        System.out.printf(
                "[mamori] e2e: suite up in %.0f s; logs in %s%n",
                (System.nanoTime() - t0) / 1e9, suite.dataDir().resolve("logs"));
        return suite;
    }
}
