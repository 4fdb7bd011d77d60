package dev.mamori.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * The whole Mamori suite on one machine, with real parts: PostgreSQL (embedded, or the one DB_HOST names), Keycloak
 * with the demo realm, and the four services as child processes. Used by {@code bin/mamori} (through {@link #main})
 * and by the end-to-end tests (through {@link #builder()}).
 *
 * <pre>{@code
 * try (Suite suite = Suite.builder().dataDir(dir).fresh(true).start()) {
 *     String token = suite.token("tenant-a-privacy-officer");
 *     URI consent = suite.url(Part.CONSENT);
 * }
 * }</pre>
 *
 * <p>Everything the suite keeps lives in its data folder (default {@code <repo>/.mamori}): PostgreSQL's cluster,
 * the unpacked Keycloak with its database, logs of every part, and, while it runs, {@code suite.pid} and
 * {@code suite.properties} (state and URLs, read by {@code bin/mamori}).
 */
public final class Suite implements AutoCloseable {
    public static final String REALM = LocalKeycloak.REALM;
    private static final String PID_FILE = "suite.pid";
    private static final String STATE_FILE = "suite.properties";
    private static final String LOCK_FILE = "suite.lock";
    /** The output of a detached launcher (bin/mamori up --detach); a fresh start keeps it. */
    static final String LAUNCHER_LOG = "launcher.log";

    /**
     * Secrets a service insists on that the suite's contract does not cover: base64 of 32 random bytes, generated once
     * per data folder and kept in {@code <data>/secrets/<NAME>} so that data encrypted with it stays readable across
     * runs. A value already in the launcher's environment wins.
     */
    private static final Map<Part, List<String>> GENERATED_KEYS = Map.of(
            // AES-256 key for requesters' contact data; the key that signs callbacks to client systems
            Part.REQUEST, List.of("MAMORI_REQUEST_CONTACT_KEY", "MAMORI_CALLBACK_SECRET"),
            // AES-256 key for owning systems' HMAC secrets at rest
            Part.RETENTION, List.of("MAMORI_RETENTION_SECRET_KEY"),
            // AES-256 key for thirdparty-service's queued staff mail at rest
            Part.THIRDPARTY, List.of("MAMORI_THIRDPARTY_MAIL_KEY"));

    /**
     * Credentials a packaged service requires that the local realm fixes: request-service's client secret in
     * dev/keycloak/mamori-realm.json. Kept in {@code <data>/secrets} like the generated keys, so that whatever starts
     * a service from the data folder (the bench) finds it there too.
     */
    /** The services that send mail (platform MailOutbox): they are pointed at the local mail server. */
    static final Set<Part> MAIL_SENDERS = Set.of(Part.REQUEST, Part.THIRDPARTY);

    /** Where the demo tenants' staff mail goes (platform StaffRecipients): one made-up privacy office each. */
    static final Map<String, String> DEMO_STAFF_RECIPIENTS = Map.of(
            "tenant-a", "privacy-office@tenant-a.example.jp",
            "tenant-b", "privacy-office@tenant-b.example.jp",
            "tenant-c", "privacy-office@tenant-c.example.jp");

    private static final Map<Part, Map<String, String>> REALM_CREDENTIALS =
            Map.of(Part.REQUEST, Map.of("OIDC_CLIENT_SECRET", "request-service-secret"));

    private final Path root;
    private final Path dataDir;
    private final boolean fresh;
    private final Set<Part> parts;
    private final Map<Part, Integer> ports;
    private final int keycloakManagementPort;
    private final int mailImapPort;
    private final Duration keycloakTimeout;
    private final Duration serviceTimeout;
    private final Map<String, String> serviceEnv;
    private final List<String> serviceJvmArgs;
    private final Path mavenRepository;
    private final Path realmFile;
    private final Database externalDatabase;
    private final Consumer<String> out;
    private final boolean attached;

    private Database database;
    private LocalPostgres postgres;
    private ChildProcess keycloak;
    private LocalMail mail;
    private final Map<Part, ChildProcess> services = Collections.synchronizedMap(new EnumMap<>(Part.class));
    private FileChannel lockChannel;
    private FileLock lock;
    private Thread shutdownHook;
    private volatile boolean closing;
    private boolean closed;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch startDone = new CountDownLatch(1);
    private volatile Thread startThread;
    private final Map<String, CachedToken> tokens = new ConcurrentHashMap<>();

    private Suite(Builder b, boolean attached) {
        this.root = b.root != null ? b.root.toAbsolutePath().normalize() : defaultRoot();
        this.dataDir = (b.dataDir != null ? b.dataDir : root.resolve(".mamori"))
                .toAbsolutePath()
                .normalize();
        this.fresh = b.fresh;
        this.parts = withDependencies(b.parts);
        this.ports = new EnumMap<>(b.ports);
        this.keycloakManagementPort = b.keycloakManagementPort;
        this.mailImapPort = b.mailImapPort;
        this.keycloakTimeout = b.keycloakTimeout;
        this.serviceTimeout = b.serviceTimeout;
        this.serviceEnv = Map.copyOf(b.serviceEnv);
        this.serviceJvmArgs = List.copyOf(b.serviceJvmArgs);
        this.mavenRepository = b.mavenRepository != null ? b.mavenRepository : LocalKeycloak.defaultMavenRepository();
        this.realmFile = b.realmFile != null ? b.realmFile : root.resolve("dev/keycloak/mamori-realm.json");
        this.externalDatabase = b.externalDatabase != null ? b.externalDatabase : databaseFromEnvironment();
        this.out = b.out;
        this.attached = attached;
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- the handle ---------------------------------------------------------------------------------------------

    /** The repository root (services' jars are found under it). */
    public Path root() {
        return root;
    }

    /** The data folder: PostgreSQL data, the unpacked Keycloak with its database, logs. */
    public Path dataDir() {
        return dataDir;
    }

    /** The parts this suite runs (the requested ones plus what they need). */
    public Set<Part> parts() {
        return Collections.unmodifiableSet(parts);
    }

    public int port(Part part) {
        return ports.getOrDefault(part, part.defaultPort());
    }

    /** http://localhost:8180 */
    public URI keycloakUrl() {
        return URI.create("http://localhost:" + port(Part.KEYCLOAK));
    }

    /** http://localhost:8180/realms/mamori: the issuer of the tokens and the services' OIDC_AUTH_SERVER_URL. */
    public String issuer() {
        return keycloakUrl() + "/realms/" + REALM;
    }

    public URI tokenEndpoint() {
        return URI.create(issuer() + "/protocol/openid-connect/token");
    }

    /** The base URL of a service (or of Keycloak), e.g. http://localhost:8081. */
    public URI url(Part part) {
        if (part == Part.POSTGRES) {
            throw new IllegalArgumentException("PostgreSQL has no URL; use database()");
        }
        if (part == Part.MAIL) {
            throw new IllegalArgumentException("the mail server has no HTTP URL; use port(Part.MAIL), mailImapPort()");
        }
        return URI.create("http://localhost:" + port(part));
    }

    /** The base URL of a service by name ("consent-service" or "consent"). */
    public URI url(String part) {
        return url(Part.of(part));
    }

    /** The base URLs of the services this suite runs, in start order. */
    public Map<Part, URI> serviceUrls() {
        Map<Part, URI> urls = new LinkedHashMap<>();
        for (Part p : parts) {
            if (p.isService()) {
                urls.put(p, url(p));
            }
        }
        return urls;
    }

    /** The local mail server's IMAP port (its SMTP port is {@code port(Part.MAIL)}). */
    public int mailImapPort() {
        return mailImapPort;
    }

    /** Where the services' databases are; null if this suite runs no PostgreSQL. */
    public Database database() {
        return database;
    }

    /** The log file of a part, e.g. data/logs/consent-service.log. */
    public Path logFile(Part part) {
        return dataDir.resolve("logs").resolve(part.id() + ".log");
    }

    /** True if the part answers ready now. */
    public boolean isReady(Part part) {
        return probe(part);
    }

    /**
     * An access token for a demo client (client-credentials grant, secret {@code <clientId>-secret}), e.g.
     * {@code token("tenant-a-privacy-officer")}. Tokens are cached until a minute before they expire.
     */
    public String token(String clientId) {
        return token(clientId, clientId + "-secret");
    }

    /** An access token for a client with the given secret; fails with Keycloak's answer if it refuses. */
    public String token(String clientId, String secret) {
        String key = clientId + '\u0000' + secret;
        CachedToken cached = tokens.get(key);
        if (cached != null && Instant.now().isBefore(cached.expires.minusSeconds(60))) {
            return cached.token;
        }
        TokenResponse r = requestToken(tokenEndpoint(), clientId, secret);
        tokens.put(key, new CachedToken(r.accessToken, Instant.now().plusSeconds(r.expiresIn)));
        return r.accessToken;
    }

    /** A client-credentials token from any Keycloak token endpoint (no cache). */
    public static String fetchToken(URI tokenEndpoint, String clientId, String secret) {
        return requestToken(tokenEndpoint, clientId, secret).accessToken;
    }

    /** The decoded payload (claims) of a JWT, as JSON text. */
    public static String claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a JWT");
        }
        return new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    }

    private record TokenResponse(String accessToken, long expiresIn) {}

    private record CachedToken(String token, Instant expires) {}

    private static TokenResponse requestToken(URI endpoint, String clientId, String secret) {
        HttpResponse<String> r;
        try {
            r = Http.postForm(
                    endpoint,
                    Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
        } catch (IOException e) {
            throw new SuiteException("Keycloak does not answer at " + endpoint + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SuiteException("interrupted while asking Keycloak for a token", e);
        }
        String token = Http.jsonMember(r.body(), "access_token");
        if (r.statusCode() != 200 || token == null) {
            throw new SuiteException("Keycloak refused a token for client '" + clientId + "' (HTTP " + r.statusCode()
                    + "): " + r.body());
        }
        String expiresIn = Http.jsonMember(r.body(), "expires_in");
        return new TokenResponse(token, expiresIn == null ? 60 : Long.parseLong(expiresIn));
    }

    // ---- start ------------------------------------------------------------------------------------------------

    private Suite start() {
        startThread = Thread.currentThread();
        try {
            Files.createDirectories(dataDir);
            lock();
            if (fresh) {
                wipe();
            }
            cleanUpLeftovers();
            Files.writeString(dataDir.resolve(PID_FILE), ProcessHandle.current().pid() + "\n");
            writeState("starting");
            preflight();
            shutdownHook = new Thread(this::close, "mamori-suite-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            if (parts.contains(Part.POSTGRES)) {
                startPostgres();
            }
            checkNotClosing();
            if (parts.contains(Part.KEYCLOAK)) {
                startKeycloak();
            }
            checkNotClosing();
            if (parts.contains(Part.MAIL)) {
                startMail();
            }
            checkNotClosing();
            startServices();
            checkNotClosing();
            startConsole();
            checkNotClosing();
            startPrivacyCenter();
            checkNotClosing();
            introduceDemoTenants();
            writeState("ready");
            watchChildren();
            return this;
        } catch (RuntimeException | IOException e) {
            startDone.countDown(); // let a close() that waits for the start go ahead
            close();
            if (e instanceof SuiteException se) {
                throw se;
            }
            throw new SuiteException("could not start the suite: " + e, e);
        } finally {
            startDone.countDown();
        }
    }

    /** Ctrl-C (or close()) while starting: stop starting more parts; close() stops what is already there. */
    private void checkNotClosing() {
        if (closing) {
            throw new SuiteException("stopped while starting");
        }
    }

    private void lock() throws IOException {
        lockChannel = FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            lockChannel = null;
            String pid = readPid(dataDir).map(p -> " (pid " + p + ")").orElse("");
            throw new SuiteException("A Mamori suite is already running with the data folder " + dataDir + pid
                    + ". Stop it first: bin/mamori down");
        }
    }

    /** --fresh: forget all data (databases, Keycloak's database, logs) but keep the unpacked distributions. */
    private void wipe() throws IOException {
        out.accept("fresh start: deleting the data in " + dataDir);
        cleanUpLeftovers();
        LocalPostgres.deleteCluster(dataDir);
        for (String dir : List.of("run", "work", LocalMail.FOLDER)) {
            LocalPostgres.deleteTree(dataDir.resolve(dir));
        }
        Files.deleteIfExists(dataDir.resolve(STATE_FILE));
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dataDir, "keycloak-*")) {
            for (Path kc : ds) {
                if (Files.isDirectory(kc)) {
                    LocalPostgres.deleteTree(kc.resolve("data"));
                }
            }
        }
        Path logs = dataDir.resolve("logs");
        if (Files.isDirectory(logs)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(logs)) {
                for (Path log : ds) {
                    if (!log.getFileName().toString().equals(LAUNCHER_LOG)) {
                        LocalPostgres.deleteTree(log);
                    }
                }
            }
        }
    }

    /** Children of an earlier launcher that died without stopping them (SIGKILL, power loss). */
    private void cleanUpLeftovers() throws IOException {
        Path run = dataDir.resolve("run");
        if (Files.isDirectory(run)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(run, "*.pid")) {
                for (Path pidFile : ds) {
                    ChildProcess.stopLeftover(pidFile, dataDir.toString(), out);
                }
            }
        }
        LocalPostgres.stopLeftover(dataDir, out);
    }

    private void preflight() {
        List<String> problems = new ArrayList<>();
        for (Part p : parts) {
            if ((p.isService() || p == Part.CONSOLE || p == Part.PRIVACY_CENTER) && !Files.isRegularFile(jar(p))) {
                problems.add(p.id() + " is not built: " + jar(p) + " is missing");
            }
        }
        if (!problems.isEmpty()) {
            throw new SuiteException(String.join("\n", problems)
                    + "\nRun ./mvnw -DskipTests package first (bin/mamori up does it when jars are missing).");
        }
        if (parts.contains(Part.KEYCLOAK)) {
            LocalKeycloak.distribution(mavenRepository, keycloakVersion());
            if (!Files.isRegularFile(realmFile)) {
                throw new SuiteException("Keycloak: the demo realm " + realmFile + " is missing");
            }
        }
        for (Part p : parts) {
            if (p == Part.POSTGRES && externalDatabase != null) {
                continue;
            }
            checkPortFree(port(p), p.id());
        }
        if (parts.contains(Part.KEYCLOAK)) {
            checkPortFree(keycloakManagementPort, "keycloak management interface");
        }
        if (parts.contains(Part.MAIL)) {
            checkPortFree(mailImapPort, "mail-imap (the mail server's IMAP)");
        }
    }

    private static void checkPortFree(int port, String what) {
        if (Http.portInUse(port)) {
            throw new SuiteException("Port " + port + " (" + what + ") is already in use on this machine. Is a suite"
                    + " already running (bin/mamori status; bin/mamori down)? Otherwise stop what uses the port or"
                    + " choose another one (--port " + what.split(" ")[0] + "=N).");
        }
    }

    private void startPostgres() throws IOException {
        long t0 = System.nanoTime();
        if (externalDatabase != null) {
            database = externalDatabase;
            out.accept("using PostgreSQL at " + database.host() + ":" + database.port() + " (DB_HOST is set)");
        } else {
            out.accept("starting PostgreSQL on localhost:" + port(Part.POSTGRES));
            postgres = LocalPostgres.start(dataDir, port(Part.POSTGRES), out);
            database = new Database("localhost", postgres.port(), LocalPostgres.USER, LocalPostgres.PASSWORD, true);
        }
        createDatabases();
        out.accept(String.format(Locale.ROOT, "postgres ready in %.1f s", (System.nanoTime() - t0) / 1e9));
    }

    private void createDatabases() {
        try (Connection c =
                DriverManager.getConnection(database.jdbcUrl("postgres"), database.user(), database.password())) {
            for (Part p : Part.services()) {
                try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                    ps.setString(1, p.database());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            continue;
                        }
                    }
                }
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE \"" + p.database() + "\"");
                    out.accept("created database " + p.database());
                }
            }
        } catch (SQLException e) {
            throw new SuiteException(
                    "PostgreSQL at " + database.host() + ":" + database.port()
                            + " (user " + database.user() + "): cannot create the databases: " + e.getMessage()
                            + (postgres != null ? Logs.tailForMessage(postgres.log(), 15) : ""),
                    e);
        }
    }

    /** The mail server, before the services: a mail queued at start-up finds it there. */
    private void startMail() throws IOException {
        mail = LocalMail.start(dataDir, port(Part.MAIL), mailImapPort, out);
        out.accept("mail server (GreenMail) on smtp://localhost:" + port(Part.MAIL) + ", IMAP localhost:" + mailImapPort
                + "; received mail is kept in " + dataDir.resolve(LocalMail.FOLDER));
    }

    private void startKeycloak() throws IOException {
        long t0 = System.nanoTime();
        String version = keycloakVersion();
        Path home = LocalKeycloak.unpack(LocalKeycloak.distribution(mavenRepository, version), dataDir, version, out);
        LocalKeycloak.installRealm(home, realmFile, out);
        out.accept("starting Keycloak " + version + " on " + keycloakUrl() + " (log: " + logFile(Part.KEYCLOAK) + ")");
        keycloak = LocalKeycloak.start(
                home,
                port(Part.KEYCLOAK),
                keycloakManagementPort,
                dataDir,
                logFile(Part.KEYCLOAK),
                runFile(Part.KEYCLOAK));
        awaitReady(Map.of(Part.KEYCLOAK, keycloak), keycloakTimeout, t0);
    }

    /**
     * On a developer's machine the client systems and owning systems a demo registers run on this machine: the
     * local suite may call them over plain http on loopback, for the demo tenants only. A packaged service keeps
     * the production rule (https, no internal addresses) everywhere else.
     */
    static final List<String> LOCAL_OUTBOUND = List.of(
            "-Dmamori.outbound.allow-http=true",
            "-Dmamori.outbound.allowed-hosts.tenant-a=localhost,127.0.0.1",
            "-Dmamori.outbound.allowed-hosts.tenant-b=localhost,127.0.0.1",
            "-Dmamori.outbound.allowed-hosts.tenant-c=localhost,127.0.0.1");

    private void startServices() throws IOException {
        Map<Part, ChildProcess> started = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        for (Part p : parts) {
            if (!p.isService()) {
                continue;
            }
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.add("-Dmamori.suite=" + dataDir);
            cmd.addAll(LOCAL_OUTBOUND);
            if (MAIL_SENDERS.contains(p)) {
                // Staff mail names the console; tenant keys are system properties, as environment names cannot
                // carry a tenant's hyphen.
                cmd.add("-Dmamori.mail.console-url=" + url(Part.CONSOLE));
                DEMO_STAFF_RECIPIENTS.forEach(
                        (tenant, to) -> cmd.add("-Dmamori.mail.staff-recipients." + tenant + "=" + to));
            }
            if (p == Part.REQUEST) {
                // The person's mails link to the privacy center (electronic delivery of a disclosure).
                cmd.add("-Dmamori.request.center-url=" + url(Part.PRIVACY_CENTER));
            }
            cmd.addAll(leanJvm(jar(p)));
            cmd.addAll(serviceJvmArgs);
            String opts = System.getenv("MAMORI_SERVICE_JAVA_OPTS");
            if (opts != null && !opts.isBlank()) {
                cmd.addAll(List.of(opts.trim().split("\\s+")));
            }
            cmd.add("-jar");
            cmd.add(jar(p).toString());
            Map<String, String> env = new LinkedHashMap<>();
            env.put("DB_HOST", database.host());
            env.put("DB_PORT", Integer.toString(database.port()));
            env.put("DB_NAME", p.database());
            env.put("DB_USER", database.user());
            env.put("DB_PASSWORD", database.password());
            env.put("OIDC_AUTH_SERVER_URL", issuer());
            env.put("QUARKUS_HTTP_PORT", Integer.toString(port(p)));
            if (p == Part.INCIDENT) {
                // An incident's scope is read from retention-service's ledger, wherever this suite runs it.
                env.put("RETENTION_SERVICE_URL", url(Part.RETENTION).toString());
                // and the use of the affected persons' data is stopped in consent-service.
                env.put("CONSENT_SERVICE_URL", url(Part.CONSENT).toString());
            }
            if (parts.contains(Part.MAIL) && MAIL_SENDERS.contains(p)) {
                // 127.0.0.1, not localhost: the mail server listens on IPv4 loopback only.
                env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
                env.put("QUARKUS_MAILER_PORT", Integer.toString(port(Part.MAIL)));
                env.put("MAMORI_MAIL_ENABLED", "true");
            }
            for (String name : GENERATED_KEYS.getOrDefault(p, List.of())) {
                env.put(name, generatedKey(name));
            }
            Map<String, String> migration = migrationEnv(database, p, jar(p));
            if (!migration.isEmpty()) {
                out.accept(p.id() + ": its database holds every migration its jar carries; it starts without Flyway");
            }
            env.putAll(migration);
            for (var credential : REALM_CREDENTIALS.getOrDefault(p, Map.of()).entrySet()) {
                env.put(credential.getKey(), keptSecret(credential.getKey(), credential::getValue));
            }
            env.putAll(serviceEnv);
            checkNotClosing();
            out.accept("starting " + p.id() + " on " + url(p) + " (log: " + logFile(p) + ")");
            ChildProcess child = ChildProcess.start(p.id(), cmd, env, workDir(jar(p)), logFile(p), runFile(p));
            services.put(p, child);
            started.put(p, child);
        }
        if (!started.isEmpty()) {
            awaitReady(started, serviceTimeout, t0);
        }
    }

    /**
     * The staff console, once the services answer: it holds no data, signs people in at Keycloak (client
     * {@code console}) and calls the services with their tokens.
     */
    private void startConsole() throws IOException {
        if (!parts.contains(Part.CONSOLE)) {
            return;
        }
        long t0 = System.nanoTime();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Dmamori.suite=" + dataDir);
        cmd.addAll(leanJvm(jar(Part.CONSOLE)));
        cmd.add("-jar");
        cmd.add(jar(Part.CONSOLE).toString());
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OIDC_AUTH_SERVER_URL", issuer());
        env.put("OIDC_CLIENT_SECRET", keptSecret("CONSOLE_OIDC_CLIENT_SECRET", () -> "console-secret"));
        env.put("CONSOLE_CSRF_KEY", generatedKey("CONSOLE_CSRF_KEY"));
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port(Part.CONSOLE)));
        for (Part service : List.of(Part.CONSENT, Part.REQUEST, Part.RETENTION, Part.THIRDPARTY, Part.INCIDENT)) {
            if (parts.contains(service)) {
                env.put(
                        service.database().toUpperCase(Locale.ROOT) + "_SERVICE_URL",
                        url(service).toString());
            }
        }
        out.accept("starting console on " + url(Part.CONSOLE) + " (log: " + logFile(Part.CONSOLE) + ")");
        ChildProcess child = ChildProcess.start(
                Part.CONSOLE.id(), cmd, env, workDir(jar(Part.CONSOLE)), logFile(Part.CONSOLE), runFile(Part.CONSOLE));
        services.put(Part.CONSOLE, child);
        awaitReady(Map.of(Part.CONSOLE, child), serviceTimeout, t0);
    }

    /**
     * The privacy center (public pages), once the services answer: it calls them with its own client-credentials
     * token (client {@code privacy-center}, role service). The demo companies get a controller to publish first.
     */
    private void startPrivacyCenter() throws IOException {
        if (!parts.contains(Part.PRIVACY_CENTER)) {
            return;
        }
        publishDemoControllers();
        long t0 = System.nanoTime();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Dmamori.suite=" + dataDir);
        cmd.addAll(leanJvm(jar(Part.PRIVACY_CENTER)));
        cmd.add("-jar");
        cmd.add(jar(Part.PRIVACY_CENTER).toString());
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OIDC_AUTH_SERVER_URL", issuer());
        env.put("OIDC_CLIENT_SECRET", keptSecret("PRIVACY_CENTER_OIDC_CLIENT_SECRET", () -> "privacy-center-secret"));
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port(Part.PRIVACY_CENTER)));
        env.put("CONSENT_SERVICE_URL", url(Part.CONSENT).toString());
        env.put("REQUEST_SERVICE_URL", url(Part.REQUEST).toString());
        out.accept("starting privacy-center on " + url(Part.PRIVACY_CENTER) + " (log: " + logFile(Part.PRIVACY_CENTER)
                + ")");
        ChildProcess child = ChildProcess.start(
                Part.PRIVACY_CENTER.id(),
                cmd,
                env,
                workDir(jar(Part.PRIVACY_CENTER)),
                logFile(Part.PRIVACY_CENTER),
                runFile(Part.PRIVACY_CENTER));
        services.put(Part.PRIVACY_CENTER, child);
        awaitReady(Map.of(Part.PRIVACY_CENTER, child), serviceTimeout, t0);
    }

    /**
     * A company's public page names its controller (APPI Art. 32(1)(i)); the privacy center shows none without it.
     * The demo companies get a made-up one, set as their privacy officer would, unless one is already set.
     */
    private void publishDemoControllers() {
        Map<String, String> names =
                Map.of("tenant-a", "株式会社エー商事（デモ）", "tenant-b", "ビー物産株式会社（デモ）", "tenant-c", "シー通信株式会社（デモ）");
        for (String tenant : List.of("tenant-a", "tenant-b", "tenant-c")) {
            try {
                URI policy = URI.create(url(Part.CONSENT) + "/v1/consent-policy");
                String bearer = token(tenant + "-privacy-officer");
                String current = Http.json("GET", policy, bearer, null).body();
                if (Http.jsonMember(current, "controllerName") != null) {
                    continue;
                }
                String threshold = Http.jsonMember(current, "guardianAgeThreshold");
                String body = "{\"guardianAgeThreshold\": " + (threshold == null ? "16" : threshold)
                        + ", \"controllerName\": \"" + names.get(tenant)
                        + "\", \"controllerAddress\": \"東京都千代田区（デモの住所）\","
                        + " \"controllerRepresentative\": \"代表取締役 山田 太郎（デモ）\", \"controllerContact\": \"privacy@"
                        + tenant + ".example.jp\"}";
                int status = Http.json("PUT", policy, bearer, body).statusCode();
                if (status != 200) {
                    out.accept("note: " + tenant + "'s demo controller was not set (HTTP " + status + ")");
                }
            } catch (IOException | RuntimeException e) {
                out.accept("note: " + tenant + "'s demo controller was not set: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * thirdparty-service learns each tenant's company group from that tenant's own tokens (the {@code group} claim),
     * so a tenant can be named in a joint-use scheme once it has called it. In the demo realm nobody has yet: one
     * read by each demo tenant's privacy officer introduces tenant-a and tenant-b (group-ab) and tenant-c (no group),
     * so the walk-through's joint use works at once. Not being able to do it is not a reason to stop the suite.
     */
    private void introduceDemoTenants() {
        if (!parts.contains(Part.KEYCLOAK) || !parts.contains(Part.THIRDPARTY)) {
            return;
        }
        for (String tenant : List.of("tenant-a", "tenant-b", "tenant-c")) {
            try {
                int status = Http.status(
                        URI.create(url(Part.THIRDPARTY) + "/v1/joint-use-schemes"), token(tenant + "-privacy-officer"));
                if (status != 200) {
                    out.accept("note: " + tenant + " was not introduced to thirdparty-service (HTTP " + status
                            + "); it joins its group at its first call");
                }
            } catch (RuntimeException e) {
                out.accept("note: " + tenant + " was not introduced to thirdparty-service: " + e.getMessage());
            }
        }
    }

    private String generatedKey(String name) throws IOException {
        return keptSecret(name, () -> {
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            return Base64.getEncoder().encodeToString(key);
        });
    }

    /** $name from the launcher's environment, else {@code <data>/secrets/<name>}, else made once and kept there. */
    private String keptSecret(String name, java.util.function.Supplier<String> make) throws IOException {
        String fromEnv = System.getenv(name);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        Path dir = dataDir.resolve("secrets");
        Path file = dir.resolve(name);
        if (Files.isRegularFile(file)) {
            return Files.readString(file).trim();
        }
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        String value = make.get();
        Files.writeString(file, value + "\n");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        out.accept("kept a local " + name + " in " + file);
        return value;
    }

    /** Polls until every part answers ready; fails fast if one exits, or when the timeout passes. */
    private void awaitReady(Map<Part, ChildProcess> pending, Duration timeout, long t0) {
        Map<Part, ChildProcess> left = new LinkedHashMap<>(pending);
        long deadline = t0 + timeout.toNanos();
        while (!left.isEmpty()) {
            checkNotClosing();
            for (var it = left.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                Part p = e.getKey();
                ChildProcess child = e.getValue();
                if (probe(p)) {
                    out.accept(
                            String.format(Locale.ROOT, "%s ready in %.1f s", p.id(), (System.nanoTime() - t0) / 1e9));
                    it.remove();
                } else if (!child.isAlive()) {
                    throw new SuiteException(p.id() + " exited during start-up (exit code " + child.process.exitValue()
                            + ")" + Logs.tailForMessage(child.log, 30));
                }
            }
            if (left.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                Part p = left.keySet().iterator().next();
                throw new SuiteException(p.id() + " did not answer ready at " + readinessUrl(p) + " within "
                        + timeout.toSeconds() + " s" + Logs.tailForMessage(left.get(p).log, 30));
            }
            sleep(500);
        }
    }

    private void watchChildren() {
        List<ChildProcess> all = new ArrayList<>(services.values());
        if (keycloak != null) {
            all.add(keycloak);
        }
        for (ChildProcess c : all) {
            c.process.onExit().thenRun(() -> {
                if (!closing) {
                    out.accept("WARNING: " + c.name + " exited unexpectedly (exit code " + c.process.exitValue()
                            + "); see " + c.log);
                }
            });
        }
    }

    private boolean probe(Part p) {
        if (p == Part.POSTGRES) {
            Database db = database != null
                    ? database
                    : externalDatabase != null
                            ? externalDatabase
                            : new Database("localhost", port(p), LocalPostgres.USER, LocalPostgres.PASSWORD, true);
            try (Connection c = DriverManager.getConnection(db.jdbcUrl("postgres"), db.user(), db.password())) {
                return c.isValid(2);
            } catch (SQLException e) {
                return false;
            }
        }
        if (p == Part.MAIL) {
            return Http.portInUse(port(p));
        }
        return Http.status(readinessUrl(p)) == 200;
    }

    private URI readinessUrl(Part p) {
        if (p == Part.KEYCLOAK) {
            return URI.create(issuer() + "/.well-known/openid-configuration");
        }
        return URI.create(url(p) + "/q/health/ready");
    }

    // ---- stop ---------------------------------------------------------------------------------------------------

    /**
     * Stops everything this suite started (services, then Keycloak, then the embedded PostgreSQL) and nothing else;
     * an external PostgreSQL is left alone. Safe to call twice; also runs on Ctrl-C / SIGTERM.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            closing = true;
        }
        if (attached) {
            stopped.countDown();
            return;
        }
        if (startThread != null && Thread.currentThread() != startThread) {
            // Closed while starting (Ctrl-C): let the start sequence reach a point where everything it started is
            // known (it stops starting new parts once closing is set), then stop all of it.
            try {
                startDone.await(120, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        boolean anything = keycloak != null || !services.isEmpty() || postgres != null || mail != null;
        if (anything) {
            out.accept("stopping the suite");
        }
        List<Thread> stoppers = new ArrayList<>();
        for (ChildProcess c : new ArrayList<>(services.values())) {
            Thread t = new Thread(() -> c.stop(Duration.ofSeconds(20)), "stop-" + c.name);
            t.start();
            stoppers.add(t);
        }
        for (Thread t : stoppers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (mail != null) {
            try {
                mail.close();
            } catch (RuntimeException e) {
                out.accept("WARNING: could not stop the mail server: " + e.getMessage());
            }
        }
        if (keycloak != null) {
            keycloak.stop(Duration.ofSeconds(30));
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (RuntimeException e) {
                out.accept("WARNING: could not stop PostgreSQL: " + e.getMessage());
            }
        }
        if (lock != null) {
            try {
                Files.deleteIfExists(dataDir.resolve(PID_FILE));
                writeState("stopped");
                lock.release();
                lockChannel.close();
            } catch (IOException ignored) {
                // best effort
            }
        }
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException ignored) {
                // already shutting down
            }
        }
        if (anything) {
            out.accept("stopped");
        }
        stopped.countDown();
    }

    /** Blocks until {@link #close()} has run (for the command line: until Ctrl-C or bin/mamori down). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    // ---- files --------------------------------------------------------------------------------------------------

    /**
     * The JVM flags of {@link #leanJvm} that the images' entrypoints share (src/main/docker/Dockerfile.jvm and
     * quarkus.jib.jvm-additional-arguments; the images add the archive they wrote themselves), and that
     * bin/train-class-archive trains the archive with. The last two are for start-up (measured with -Xlog:gc, BENCHMARKS.md
     * "Start-up"): a heap that starts at an eighth of the memory instead of the JVM's 1/64 (8 MiB of a 512 MiB pod)
     * and a first metaspace collection at 128 MiB instead of 21 MiB took a start from 50 collections, five of them
     * full (the heap growing, metaspace reaching its threshold twice), to 14 young ones, for the same resident memory.
     */
    public static final List<String> IMAGE_JVM = List.of(
            "-XX:+UseSerialGC",
            "-Xss512k",
            "-XX:ReservedCodeCacheSize=64m",
            "-XX:MaxRAMPercentage=50",
            "-XX:InitialRAMPercentage=12.5",
            "-XX:MetaspaceSize=128m");

    /**
     * The memory limit of a service's pod (quarkus.kubernetes.resources.limits.memory, 512Mi): the launcher gives
     * each service the same, so its heap bound (half of it), its decision cache bound (a quarter of the heap) and its
     * footprint are those of a pod.
     */
    public static final String POD_MEMORY = "512m";

    /**
     * The JVM settings every service starts with, here and in the manifests: the class-data archive the build made
     * beside the jar (classes mapped instead of loaded and verified), the serial collector and small thread stacks (a
     * service's heap is small and its pauses short; G1's own threads and regions cost start-up time and memory), and
     * a heap that follows the memory the process is given. MAMORI_SERVICE_JAVA_OPTS comes after, so it can override.
     * The archive maps only when the JVM runs in {@link #workDir} (the jar's directory).
     * Public so that the benchmark's start-up figures and the e2e tests' extra replicas use exactly these.
     * <p>
     * {@link #IMAGE_JVM} are the flags the images start with too (a test holds the Dockerfiles and
     * quarkus.jib.jvm-additional-arguments to them). Here alone the process is also told the memory a pod is given
     * ({@link #POD_MEMORY}, as {@code -XX:MaxRAM}): a pod's JVM reads its container's limit itself, and on a developer's
     * machine the JVM would otherwise size its heap from all of the machine's memory (half of it as the bound, 1/64
     * as the start: hundreds of MB touched at start, and a decision cache bound of an eighth of the machine).
     */
    public static List<String> leanJvm(Path jar) {
        List<String> opts = new ArrayList<>(IMAGE_JVM);
        opts.add("-XX:MaxRAM=" + POD_MEMORY);
        Path archive = jar.resolveSibling("app-cds.jsa");
        if (Files.isRegularFile(archive)) {
            // -Xshare:auto: a stale archive (another JDK) is ignored with a warning instead of refusing to start.
            opts.add("-XX:SharedArchiveFile=" + archive);
            opts.add("-Xshare:auto");
        }
        return opts;
    }

    /**
     * How to start a service as far as its migrations go: without Flyway ({@code QUARKUS_FLYWAY_ACTIVE=false}, as a
     * pod starts after its migration Job) when its database already holds exactly the migrations its jar carries,
     * with their checksums and no failed one ({@link Migrations}); otherwise nothing, and the service migrates at
     * start as before (a new migration in the jar runs, a failed or edited one stops the start in Flyway's
     * validation). One connection and two small queries here instead of two Flyway runs in the service, each
     * validating every migration (BENCHMARKS.md "Start-up"). Public so that the bench's start-up figures start the
     * services as the launcher does.
     */
    public static Map<String, String> migrationEnv(Database database, Part p, Path jar) {
        try (Connection c =
                DriverManager.getConnection(database.jdbcUrl(p.database()), database.user(), database.password())) {
            if (Migrations.upToDate(c, jar.toAbsolutePath().getParent())) {
                return Map.of("QUARKUS_FLYWAY_ACTIVE", "false");
            }
        } catch (SQLException e) {
            // the service migrates, and reports what is wrong with its database itself
        }
        return Map.of();
    }

    /**
     * The directory a service runs in: its jar's. The build's class-data archive names the jar and its lib/boot jars
     * by paths relative to that directory (Quarkus writes it by running {@code java -jar quarkus-run.jar} there), and
     * JDK 17 maps the archive only when they resolve from the working directory: started anywhere else, the JVM
     * prints "Unable to use shared archive" and loads every class itself (measured: 2-3 s more per service). The
     * image runs the jar from its directory (/deployments) too. The services write nothing into it.
     */
    public static Path workDir(Path jar) {
        return jar.toAbsolutePath().getParent();
    }

    private Path jar(Part p) {
        return root.resolve(p.id()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private Path runFile(Part p) {
        return dataDir.resolve("run").resolve(p.id() + ".pid");
    }

    private void writeState(String state) {
        Properties props = new Properties();
        props.setProperty("state", state);
        props.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
        props.setProperty("data", dataDir.toString());
        for (Part p : parts) {
            if (p == Part.POSTGRES) {
                Database db = database != null ? database : externalDatabase;
                props.setProperty(p.id(), db != null ? db.host() + ":" + db.port() : "localhost:" + port(p));
            } else if (p == Part.MAIL) {
                props.setProperty(p.id(), "localhost:" + port(p));
                props.setProperty("mail-imap", "localhost:" + mailImapPort);
            } else {
                props.setProperty(p.id(), url(p).toString());
            }
        }
        StringBuilder sb = new StringBuilder("# Written by the Mamori launcher; read by bin/mamori.\n");
        props.stringPropertyNames().stream()
                .sorted()
                .forEach(k ->
                        sb.append(k).append('=').append(props.getProperty(k)).append('\n'));
        try {
            Path tmp = dataDir.resolve(STATE_FILE + ".tmp");
            Files.writeString(tmp, sb.toString());
            Files.move(
                    tmp,
                    dataDir.resolve(STATE_FILE),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<Long> readPid(Path dataDir) {
        try {
            return Optional.of(
                    Long.parseLong(Files.readString(dataDir.resolve(PID_FILE)).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Properties readState(Path dataDir) {
        Properties props = new Properties();
        Path f = dataDir.resolve(STATE_FILE);
        if (Files.isRegularFile(f)) {
            try (var r = Files.newBufferedReader(f)) {
                props.load(r);
            } catch (IOException ignored) {
                // treat as empty
            }
        }
        return props;
    }

    static String keycloakVersion() {
        try (InputStream in = Suite.class.getResourceAsStream("/mamori-launcher.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("keycloak.version");
            if (v == null || v.isBlank() || v.startsWith("${")) {
                throw new SuiteException("mamori-launcher.properties has no keycloak.version; rebuild the launcher"
                        + " with Maven (./mvnw -pl launcher package)");
            }
            return v.trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** -Dmamori.root, $MAMORI_ROOT, the folder above launcher/target/classes, or the current folder or a parent. */
    static Path defaultRoot() {
        String r = System.getProperty("mamori.root");
        if (r == null || r.isBlank()) {
            r = System.getenv("MAMORI_ROOT");
        }
        if (r != null && !r.isBlank()) {
            return Path.of(r).toAbsolutePath().normalize();
        }
        try {
            Path code = Path.of(Suite.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            for (Path p = code; p != null; p = p.getParent()) {
                if (isRoot(p)) {
                    return p;
                }
            }
        } catch (Exception ignored) {
            // fall through
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (isRoot(p)) {
                return p;
            }
        }
        return Path.of("").toAbsolutePath();
    }

    private static boolean isRoot(Path p) {
        return Files.isRegularFile(p.resolve("pom.xml")) && Files.isRegularFile(p.resolve("launcher/pom.xml"));
    }

    private static Database databaseFromEnvironment() {
        String host = System.getenv("DB_HOST");
        if (host == null || host.isBlank()) {
            return null;
        }
        String port = System.getenv().getOrDefault("DB_PORT", "5432");
        return new Database(
                host,
                Integer.parseInt(port.trim()),
                System.getenv().getOrDefault("DB_USER", "postgres"),
                System.getenv().getOrDefault("DB_PASSWORD", "postgres"),
                false);
    }

    private static Set<Part> withDependencies(Set<Part> requested) {
        Set<Part> parts = requested.isEmpty() ? EnumSet.allOf(Part.class) : EnumSet.copyOf(requested);
        if (parts.contains(Part.PRIVACY_CENTER)) {
            // The public pages show consent-service's and request-service's answers.
            parts.add(Part.CONSENT);
            parts.add(Part.REQUEST);
        }
        if (parts.contains(Part.CONSOLE)) {
            // The console shows the services' answers: it is of no use without them.
            parts.addAll(Part.services());
        }
        if (parts.stream().anyMatch(Part::isService)) {
            parts.add(Part.POSTGRES);
            parts.add(Part.KEYCLOAK);
        }
        if (parts.stream().anyMatch(MAIL_SENDERS::contains)) {
            // A service that sends mail sends it to the local mail server, never out of this machine.
            parts.add(Part.MAIL);
        }
        return parts;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SuiteException("interrupted");
        }
    }

    /** What to print once the suite is up: URLs, Swagger UI, data folder, how to get a token. */
    public String banner() {
        StringBuilder sb = new StringBuilder();
        sb.append("\nMamori is up")
                .append(attached ? " (attached to a running suite)" : "")
                .append(".\n\n");
        String f = "  %-20s %s%n";
        if (database != null) {
            sb.append(String.format(
                    Locale.ROOT,
                    f,
                    "PostgreSQL",
                    database.host() + ":" + database.port() + "  user "
                            + database.user() + " / " + database.password() + "  databases consent, request, retention,"
                            + " thirdparty, incident" + (database.embedded() ? "" : "  (DB_HOST)")));
        }
        if (parts.contains(Part.KEYCLOAK)) {
            sb.append(String.format(
                    Locale.ROOT,
                    f,
                    "Keycloak",
                    keycloakUrl() + "  realm " + REALM + "  admin console " + keycloakUrl() + "/admin  ("
                            + LocalKeycloak.ADMIN_USER + " / " + LocalKeycloak.ADMIN_PASSWORD + ")"));
        }
        for (Map.Entry<Part, URI> e : serviceUrls().entrySet()) {
            sb.append(String.format(
                    Locale.ROOT,
                    f,
                    e.getKey().id(),
                    e.getValue() + "   Swagger UI " + e.getValue() + "/q/swagger-ui   OpenAPI " + e.getValue()
                            + "/q/openapi"));
        }
        if (parts.contains(Part.CONSOLE)) {
            sb.append(String.format(
                    Locale.ROOT,
                    f,
                    "Staff console",
                    url(Part.CONSOLE) + "   demo people (password = user name): officer.a, operator.a, auditor.a"
                            + " (tenant-a), officer.b (tenant-b), officer.c (tenant-c), operator.bpo (tenant-a and"
                            + " tenant-b)"));
        }
        if (parts.contains(Part.PRIVACY_CENTER)) {
            sb.append(String.format(
                    Locale.ROOT,
                    f,
                    "Privacy center",
                    url(Part.PRIVACY_CENTER) + "/t/tenant-a/   (public pages; also /t/tenant-b/, /t/tenant-c/)"));
        }
        if (parts.contains(Part.MAIL)) {
            sb.append(String.format(
                    Locale.ROOT,
                    f,
                    "Mail",
                    "every mail the services send goes to the local mail server (GreenMail), none leaves this"
                            + " machine: smtp://localhost:" + port(Part.MAIL) + "; read it with bin/mamori mail, or"
                            + " over IMAP at localhost:" + mailImapPort + " (user and password = the recipient's"
                            + " address)"));
        }
        sb.append(
                String.format(Locale.ROOT, f, "Data folder", dataDir + "  (logs in " + dataDir.resolve("logs") + ")"));
        if (parts.contains(Part.KEYCLOAK)) {
            String client = "tenant-a-privacy-officer";
            sb.append("\nAn access token (clients <tenant>-<role>, secret <client>-secret):\n");
            sb.append("  bin/mamori token ").append(client).append('\n');
            sb.append("  curl -s -d grant_type=client_credentials -d client_id=")
                    .append(client)
                    .append(" -d client_secret=")
                    .append(client)
                    .append("-secret ")
                    .append(tokenEndpoint())
                    .append('\n');
            if (parts.contains(Part.CONSENT)) {
                sb.append("  curl -H \"Authorization: Bearer $(bin/mamori token ")
                        .append(client)
                        .append(")\" ")
                        .append(url(Part.CONSENT))
                        .append("/q/openapi\n");
            }
        }
        return sb.toString();
    }

    // ---- command line -------------------------------------------------------------------------------------------

    public static void main(String[] args) {
        System.exit(Cli.run(args));
    }

    /** Options of a suite; {@link #start()} starts it, {@link #attach()} connects to one that already runs. */
    public static final class Builder {
        private Path root;
        private Path dataDir;
        private boolean fresh;
        private final Set<Part> parts = EnumSet.noneOf(Part.class);
        private final Map<Part, Integer> ports = new EnumMap<>(Part.class);
        private int keycloakManagementPort = 9180;
        private int mailImapPort = 3143;
        private Duration keycloakTimeout = Duration.ofSeconds(240);
        private Duration serviceTimeout = Duration.ofSeconds(180);
        private final Map<String, String> serviceEnv = new LinkedHashMap<>();
        private final List<String> serviceJvmArgs = new ArrayList<>();
        private Path mavenRepository;
        private Path realmFile;
        private Database externalDatabase;
        private Consumer<String> out = line -> System.out.println("[mamori] " + line);

        private Builder() {}

        /** The repository root; default -Dmamori.root, $MAMORI_ROOT, or found from the launcher's location. */
        public Builder root(Path root) {
            this.root = root;
            return this;
        }

        /** The repository root this builder will use (the one set, or the default). */
        public Path resolvedRoot() {
            return root != null ? root.toAbsolutePath().normalize() : defaultRoot();
        }

        /** Where the suite keeps its data; default {@code <root>/.mamori}. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** Delete the data (databases, Keycloak's database, logs) before starting; unpacked binaries are kept. */
        public Builder fresh(boolean fresh) {
            this.fresh = fresh;
            return this;
        }

        /**
         * Run only these parts (default: all). A service brings PostgreSQL and Keycloak along; {@code
         * only(POSTGRES, KEYCLOAK)} runs just the infrastructure.
         */
        public Builder only(Collection<Part> parts) {
            this.parts.addAll(parts);
            return this;
        }

        public Builder only(Part... parts) {
            return only(List.of(parts));
        }

        /** Port on localhost of a part (PostgreSQL: of the embedded one). */
        public Builder port(Part part, int port) {
            ports.put(part, port);
            return this;
        }

        /** Keycloak's management port (only used if health or metrics get enabled); default 9180, not 9000. */
        public Builder keycloakManagementPort(int port) {
            this.keycloakManagementPort = port;
            return this;
        }

        /** The mail server's IMAP port; default 3143 (its SMTP port is the part's: {@code port(Part.MAIL, n)}). */
        public Builder mailImapPort(int port) {
            this.mailImapPort = port;
            return this;
        }

        public Builder keycloakTimeout(Duration timeout) {
            this.keycloakTimeout = timeout;
            return this;
        }

        /** How long the services (started together) may take to answer ready; default 180 s. */
        public Builder serviceTimeout(Duration timeout) {
            this.serviceTimeout = timeout;
            return this;
        }

        /** An extra environment variable for every service (after the DB_* / OIDC / port ones, so it can override). */
        public Builder serviceEnv(String name, String value) {
            serviceEnv.put(name, value);
            return this;
        }

        /** An extra JVM option for every service, e.g. "-Xmx256m". */
        public Builder serviceJvmArg(String arg) {
            serviceJvmArgs.add(arg);
            return this;
        }

        /** The local Maven repository holding the Keycloak distribution; default as Maven's. */
        public Builder mavenRepository(Path repository) {
            this.mavenRepository = repository;
            return this;
        }

        /** The realm to import; default {@code <root>/dev/keycloak/mamori-realm.json}. */
        public Builder realmFile(Path realmFile) {
            this.realmFile = realmFile;
            return this;
        }

        /** Use this PostgreSQL instead of an embedded one (default: the one DB_HOST etc. name, if set). */
        public Builder externalDatabase(Database database) {
            this.externalDatabase = database;
            return this;
        }

        /** Where progress lines go; default System.out with a "[mamori] " prefix. */
        public Builder output(Consumer<String> out) {
            this.out = out;
            return this;
        }

        /**
         * Starts the parts and returns once every one answers ready. On failure everything started is stopped again
         * and a {@link SuiteException} names the part and shows the end of its log.
         */
        public Suite start() {
            return new Suite(this, false).start();
        }

        /**
         * A handle on a suite that is already running (e.g. bin/mamori up --detach) on the configured ports, without
         * starting or stopping anything; fails if a part does not answer ready.
         */
        public Suite attach() {
            Suite s = new Suite(this, true);
            List<String> down = new ArrayList<>();
            for (Part p : s.parts) {
                if (!s.probe(p)) {
                    down.add(p.id());
                }
            }
            if (!down.isEmpty()) {
                throw new SuiteException("cannot attach to a running suite: not answering: " + down);
            }
            if (s.parts.contains(Part.POSTGRES)) {
                s.database = s.externalDatabase != null
                        ? s.externalDatabase
                        : new Database(
                                "localhost", s.port(Part.POSTGRES), LocalPostgres.USER, LocalPostgres.PASSWORD, true);
            }
            return s;
        }
    }
}
