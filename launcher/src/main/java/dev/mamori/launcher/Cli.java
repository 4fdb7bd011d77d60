package dev.mamori.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** The launcher's command line (bin/mamori calls it): up, down, status, token. */
final class Cli {
    private static final PrintStream OUT = System.out;
    private static final PrintStream ERR = System.err;

    private Cli() {}

    static int run(String[] args) {
        List<String> a = new ArrayList<>(List.of(args));
        String cmd = !a.isEmpty() && !a.get(0).startsWith("-") ? a.remove(0) : "up";
        try {
            switch (cmd) {
                case "up":
                    return up(a);
                case "down":
                case "stop":
                    return down(a);
                case "status":
                    return status(a);
                case "token":
                    return token(a);
                case "mail":
                    return mail(a);
                case "help":
                    usage(OUT);
                    return 0;
                default:
                    ERR.println("mamori: unknown command '" + cmd + "'");
                    usage(ERR);
                    return 2;
            }
        } catch (IllegalArgumentException e) {
            ERR.println("mamori: " + e.getMessage());
            usage(ERR);
            return 2;
        } catch (SuiteException e) {
            ERR.println("mamori: " + e.getMessage());
            return 1;
        }
    }

    static void usage(PrintStream s) {
        s.println(
                "usage: java dev.mamori.launcher.Suite [up] [options]   start the suite (foreground; Ctrl-C stops it)");
        s.println("       java dev.mamori.launcher.Suite down [--data DIR]   stop the suite of a data folder");
        s.println("       java dev.mamori.launcher.Suite status [--data DIR] show each part and whether it answers");
        s.println("       java dev.mamori.launcher.Suite token CLIENT_ID [--secret S]   print an access token");
        s.println(
                "       java dev.mamori.launcher.Suite mail [--data DIR]   every mail the local mail server received");
        s.println("options of up:");
        s.println("  --root DIR              repository root (default: found from the launcher's location)");
        s.println("  --data DIR              data folder (default: <root>/.mamori)");
        s.println("  --fresh                 delete the data first (databases, Keycloak's database, logs)");
        s.println(
                "  --only PART,...         run only these parts: postgres, keycloak, consent-service, request-service,");
        s.println(
                "                          retention-service, thirdparty-service, incident-service (a service brings");
        s.println("                          postgres and keycloak)");
        s.println("  --port PART=N           port of a part on localhost (repeatable); keycloak-management=N for");
        s.println("                          Keycloak's management interface (default 9180); mail-imap=N for the");
        s.println("                          mail server's IMAP (default 3143; its SMTP is the part mail, 3025)");
        s.println("  --keycloak-timeout S    seconds Keycloak may take to answer ready (default 240)");
        s.println("  --service-timeout S     seconds the services may take to answer ready (default 180)");
        s.println(
                "environment: DB_HOST (+ DB_PORT, DB_USER, DB_PASSWORD) uses that PostgreSQL instead of the embedded one;");
        s.println(
                "  MAVEN_REPO_LOCAL the Maven repository with the Keycloak zip; MAMORI_SERVICE_JAVA_OPTS extra JVM options");
        s.println(
                "  for the services; MAMORI_PG_USER the user the embedded PostgreSQL runs as when run as root (nobody).");
    }

    private static final class Options {
        final Suite.Builder builder = Suite.builder();
        Path root;
        Path data;
        String secret;
        final List<String> positional = new ArrayList<>();
    }

    private static Options parse(List<String> args) {
        Options o = new Options();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0 && !arg.startsWith("--port=")) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            } else if (arg.startsWith("--port=")) {
                value = arg.substring("--port=".length());
                arg = "--port";
            }
            switch (arg) {
                case "--fresh":
                    o.builder.fresh(true);
                    break;
                case "--root":
                case "--data":
                case "--only":
                case "--port":
                case "--keycloak-timeout":
                case "--service-timeout":
                case "--secret":
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw new IllegalArgumentException(arg + " needs a value");
                        }
                        value = args.get(++i);
                    }
                    apply(o, arg, value);
                    break;
                default:
                    if (arg.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    }
                    o.positional.add(arg);
            }
        }
        if (o.root != null) {
            o.builder.root(o.root);
        }
        if (o.data != null) {
            o.builder.dataDir(o.data);
        }
        return o;
    }

    private static void apply(Options o, String option, String value) {
        switch (option) {
            case "--root" -> o.root = Path.of(value);
            case "--data" -> o.data = Path.of(value);
            case "--only" -> o.builder.only(Part.parseList(value));
            case "--port" -> {
                int eq = value.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("--port wants PART=N, e.g. --port keycloak=8280");
                }
                String part = value.substring(0, eq).trim();
                int port = Integer.parseInt(value.substring(eq + 1).trim());
                if (part.equals("mail-imap")) {
                    o.builder.mailImapPort(port);
                } else if (part.equals("keycloak-management")) {
                    // Two suites on one machine (a developer's and the e2e tests') must not share this one either.
                    o.builder.keycloakManagementPort(port);
                } else {
                    o.builder.port(Part.of(part), port);
                }
            }
            case "--keycloak-timeout" -> o.builder.keycloakTimeout(Duration.ofSeconds(Long.parseLong(value)));
            case "--service-timeout" -> o.builder.serviceTimeout(Duration.ofSeconds(Long.parseLong(value)));
            case "--secret" -> o.secret = value;
            default -> throw new IllegalArgumentException("unknown option " + option);
        }
    }

    private static Path dataDir(Options o) {
        Path root = o.root != null ? o.root.toAbsolutePath().normalize() : Suite.defaultRoot();
        return (o.data != null ? o.data : root.resolve(".mamori"))
                .toAbsolutePath()
                .normalize();
    }

    // ---- up -----------------------------------------------------------------------------------------------------

    private static int up(List<String> args) throws SuiteException {
        Options o = parse(args);
        if (!o.positional.isEmpty()) {
            throw new IllegalArgumentException("unexpected argument " + o.positional.get(0));
        }
        Suite suite;
        long t0 = System.nanoTime();
        try {
            suite = o.builder.start();
        } catch (SuiteException e) {
            ERR.println();
            ERR.println("mamori: the suite did not start: " + e.getMessage());
            ERR.println("mamori: everything that had been started was stopped again.");
            return 1;
        }
        OUT.print(suite.banner());
        OUT.printf(
                Locale.ROOT,
                "%nStarted in %.0f s. Ctrl-C stops everything (or: bin/mamori down).%n",
                (System.nanoTime() - t0) / 1e9);
        OUT.flush();
        try {
            suite.awaitStop();
        } catch (InterruptedException e) {
            suite.close();
        }
        return 0;
    }

    // ---- down ---------------------------------------------------------------------------------------------------

    private static int down(List<String> args) throws SuiteException {
        Path data = dataDir(parse(args));
        if (!Files.isDirectory(data)) {
            OUT.println("No suite data in " + data + "; nothing to stop.");
            return 0;
        }
        if (!lockHeld(data)) {
            int cleaned = cleanUpLeftovers(data);
            OUT.println(
                    cleaned > 0
                            ? "No launcher was running; stopped what an earlier run had left running."
                            : "No suite is running from " + data + ".");
            return 0;
        }
        Optional<Long> pid = Suite.readPid(data);
        Optional<ProcessHandle> launcher = pid.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (launcher.isEmpty()) {
            ERR.println("mamori: a suite holds " + data.resolve("suite.lock") + " but " + data.resolve("suite.pid")
                    + " names no live process; not stopping anything.");
            return 1;
        }
        String cmdLine = launcher.get().info().commandLine().orElse("");
        if (!cmdLine.contains("dev.mamori.launcher")) {
            ERR.println("mamori: the suite in " + data + " belongs to process " + pid.get()
                    + " (not a bin/mamori launcher, e.g. a test run); stop that process instead.");
            return 1;
        }
        OUT.println("Stopping the suite (launcher pid " + pid.get() + ") ...");
        launcher.get().destroy();
        try {
            launcher.get().onExit().get(150, TimeUnit.SECONDS);
        } catch (Exception e) {
            ERR.println("mamori: the launcher (pid " + pid.get() + ") did not stop within 150 s; see "
                    + data.resolve("logs"));
            return 1;
        }
        cleanUpLeftovers(data);
        OUT.println("Stopped.");
        return 0;
    }

    /** True if a live process holds the data folder's lock, i.e. a suite runs from it. */
    private static boolean lockHeld(Path data) {
        Path lockFile = data.resolve("suite.lock");
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int cleanUpLeftovers(Path data) {
        int[] count = {0};
        try {
            Path run = data.resolve("run");
            if (Files.isDirectory(run)) {
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(run, "*.pid")) {
                    for (Path pidFile : ds) {
                        ChildProcess.stopLeftover(pidFile, data.toString(), line -> {
                            count[0]++;
                            OUT.println(line);
                        });
                    }
                }
            }
            LocalPostgres.stopLeftover(data, line -> {
                count[0]++;
                OUT.println(line);
            });
        } catch (IOException e) {
            ERR.println("mamori: " + e.getMessage());
        }
        return count[0];
    }

    // ---- status -------------------------------------------------------------------------------------------------

    private static int status(List<String> args) {
        Options o = parse(args);
        Path data = dataDir(o);
        Properties state = Suite.readState(data);
        boolean running = Files.isDirectory(data) && lockHeld(data);
        if (running) {
            OUT.println("Mamori suite: " + state.getProperty("state", "running") + " (launcher pid "
                    + Suite.readPid(data).map(String::valueOf).orElse("?") + ", data " + data + ")");
        } else {
            OUT.println("Mamori suite: no launcher running (data " + data + ")");
        }
        boolean allUp = true;
        for (Part p : Part.values()) {
            String address = state.getProperty(p.id());
            if (address == null) {
                if (running) {
                    continue; // the running suite does not include this part
                }
                address = p == Part.POSTGRES || p == Part.MAIL
                        ? "localhost:" + p.defaultPort()
                        : "http://localhost:" + p.defaultPort();
            }
            boolean up = p == Part.POSTGRES || p == Part.MAIL ? tcpOpen(address) : answersReady(p, address);
            allUp &= up;
            OUT.printf(Locale.ROOT, "  %-20s %-28s %s%n", p.id(), address, up ? "up" : "down");
            if (p.isService() && up) {
                OUT.printf(Locale.ROOT, "  %-20s %s/q/swagger-ui%n", "", address);
            }
        }
        return allUp ? 0 : 3;
    }

    private static boolean answersReady(Part p, String base) {
        URI uri = URI.create(
                p == Part.KEYCLOAK
                        ? base + "/realms/" + Suite.REALM + "/.well-known/openid-configuration"
                        : base + "/q/health/ready");
        return Http.status(uri) == 200;
    }

    private static boolean tcpOpen(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        try (Socket s = new Socket()) {
            s.connect(
                    new InetSocketAddress(
                            hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))),
                    1000);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    // ---- mail ---------------------------------------------------------------------------------------------------

    /** Every mail the local mail server received (saved in the data folder), oldest first: date, to, subject, body. */
    private static int mail(List<String> args) throws SuiteException {
        Options o = parse(args);
        if (!o.positional.isEmpty()) {
            throw new IllegalArgumentException("mail takes no argument (only --data DIR)");
        }
        Path data = dataDir(o);
        List<LocalMail.Received> mails;
        try {
            mails = LocalMail.read(data);
        } catch (IOException e) {
            throw new SuiteException("cannot read the mail in " + data.resolve(LocalMail.FOLDER) + ": " + e, e);
        }
        if (mails.isEmpty()) {
            OUT.println("No mail received yet (" + data.resolve(LocalMail.FOLDER) + ").");
            return 0;
        }
        OUT.print(LocalMail.format(mails));
        OUT.println("────────────────────────────────────────────────────────────");
        OUT.println(
                mails.size() + (mails.size() == 1 ? " mail" : " mails") + " (" + data.resolve(LocalMail.FOLDER) + ")");
        return 0;
    }

    // ---- token --------------------------------------------------------------------------------------------------

    private static int token(List<String> args) {
        Options o = parse(args);
        if (o.positional.size() != 1) {
            throw new IllegalArgumentException("token wants one client id, e.g. token tenant-a-privacy-officer");
        }
        String client = o.positional.get(0);
        String keycloak = Suite.readState(dataDir(o))
                .getProperty(Part.KEYCLOAK.id(), "http://localhost:" + Part.KEYCLOAK.defaultPort());
        URI endpoint = URI.create(keycloak + "/realms/" + Suite.REALM + "/protocol/openid-connect/token");
        OUT.println(Suite.fetchToken(endpoint, client, o.secret != null ? o.secret : client + "-secret"));
        return 0;
    }
}
