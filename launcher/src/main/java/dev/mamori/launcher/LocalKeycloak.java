package dev.mamori.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Keycloak from its Maven Central distribution (org.keycloak:keycloak-quarkus-dist, zip), unpacked once into the data
 * folder and started in dev mode with the demo realm. Its own database (dev-file H2) lives in that unpacked folder, so
 * it persists between runs like everything else in the data folder.
 */
final class LocalKeycloak {
    static final String REALM = "mamori";
    static final String ADMIN_USER = "admin";
    static final String ADMIN_PASSWORD = "admin";

    private LocalKeycloak() {}

    /** ~/.m2/repository, or -Dmaven.repo.local / $MAVEN_REPO_LOCAL when set. */
    static Path defaultMavenRepository() {
        String repo = System.getProperty("maven.repo.local");
        if (repo == null || repo.isBlank()) {
            repo = System.getenv("MAVEN_REPO_LOCAL");
        }
        if (repo == null || repo.isBlank()) {
            return Path.of(System.getProperty("user.home"), ".m2", "repository");
        }
        return Path.of(repo);
    }

    static Path distribution(Path mavenRepo, String version) {
        Path zip = mavenRepo.resolve(Path.of(
                "org", "keycloak", "keycloak-quarkus-dist", version, "keycloak-quarkus-dist-" + version + ".zip"));
        if (!Files.isRegularFile(zip)) {
            throw new SuiteException("Keycloak: the distribution " + zip + " is not in the local Maven repository."
                    + " Run ./mvnw -DskipTests package first (the launcher module depends on it, so Maven downloads it),"
                    + " or point -Dmaven.repo.local / MAVEN_REPO_LOCAL at the repository that has it.");
        }
        return zip;
    }

    /** Unpacks the zip into dataDir/keycloak-&lt;version&gt; unless already there; keeps the files' Unix modes. */
    static Path unpack(Path zip, Path dataDir, String version, Consumer<String> out) throws IOException {
        Path home = dataDir.resolve("keycloak-" + version);
        if (Files.exists(home.resolve(".mamori-unpacked")) && Files.isExecutable(home.resolve("bin/kc.sh"))) {
            return home;
        }
        out.accept("unpacking Keycloak " + version + " into " + home + " (once)");
        Path partial = dataDir.resolve("keycloak-" + version + ".partial");
        LocalPostgres.deleteTree(partial);
        Files.createDirectories(partial);
        try (ZipFile z = ZipFile.builder().setPath(zip).get()) {
            Enumeration<ZipArchiveEntry> entries = z.getEntriesInPhysicalOrder();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry e = entries.nextElement();
                String name = e.getName();
                int slash = name.indexOf('/');
                String relative = slash < 0 ? "" : name.substring(slash + 1); // drop "keycloak-<version>/"
                if (relative.isEmpty()) {
                    continue;
                }
                Path p = partial.resolve(relative).normalize();
                if (!p.startsWith(partial)) {
                    throw new IOException("bad zip entry " + name);
                }
                if (e.isDirectory()) {
                    Files.createDirectories(p);
                    continue;
                }
                Files.createDirectories(p.getParent());
                try (InputStream in = z.getInputStream(e)) {
                    Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
                }
                int mode = e.getUnixMode() & 0777;
                if (mode != 0) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms(mode | 0400)));
                }
            }
        }
        if (!Files.isExecutable(partial.resolve("bin/kc.sh"))) {
            Files.setPosixFilePermissions(partial.resolve("bin/kc.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.createFile(partial.resolve(".mamori-unpacked"));
        LocalPostgres.deleteTree(home);
        Files.move(partial, home);
        return home;
    }

    /**
     * Puts the realm file into data/import. Keycloak imports it on the first start and skips it afterwards (the realm
     * exists), so when the realm file changed since the last import, Keycloak's database is reset to import it again.
     * That database holds nothing but the demo configuration (the services keep their data in PostgreSQL).
     */
    static void installRealm(Path home, Path realmFile, Consumer<String> out) throws IOException {
        if (!Files.isRegularFile(realmFile)) {
            throw new SuiteException("Keycloak: the demo realm " + realmFile + " is missing");
        }
        byte[] realm = Files.readAllBytes(realmFile);
        String hash = sha256(realm);
        Path data = home.resolve("data");
        Path hashFile = data.resolve("mamori-realm.sha256");
        Path h2 = data.resolve("h2");
        if (Files.exists(h2)
                && (!Files.exists(hashFile)
                        || !Files.readString(hashFile).trim().equals(hash))) {
            out.accept("the demo realm changed since Keycloak imported it: resetting Keycloak's database to re-import");
            LocalPostgres.deleteTree(h2);
        }
        Path importDir = data.resolve("import");
        Files.createDirectories(importDir);
        Files.write(importDir.resolve(REALM + "-realm.json"), realm);
        Files.writeString(hashFile, hash + "\n");
    }

    static ChildProcess start(Path home, int port, int managementPort, Path dataDir, Path log, Path pidFile)
            throws IOException {
        List<String> cmd = List.of(
                home.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--http-port=" + port,
                "--http-management-port=" + managementPort,
                "--import-realm");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // Marks the process as ours (see ChildProcess.stopLeftover); kc.sh adds it to the JVM options.
        String append = System.getenv().getOrDefault("JAVA_OPTS_APPEND", "");
        env.put("JAVA_OPTS_APPEND", (append + " -Dmamori.suite=" + dataDir).trim());
        if (System.getenv("JAVA_HOME") == null && System.getenv("JAVA") == null) {
            env.put(
                    "JAVA",
                    Path.of(System.getProperty("java.home"), "bin", "java").toString());
        }
        return ChildProcess.start("keycloak", cmd, env, home, log, pidFile);
    }

    private static String perms(int mode) {
        String rwx = "rwxrwxrwx";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            sb.append((mode & (1 << (8 - i))) != 0 ? rwx.charAt(i) : '-');
        }
        return sb.toString();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
