package dev.mamori.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Whether a packaged service's database already holds every migration its jar carries, so that the launcher can
 * start it as a pod starts (QUARKUS_FLYWAY_ACTIVE=false) instead of running Flyway twice (the platform's history, then
 * the service's), which validates every migration on every start. Any doubt means "migrate as before": the check
 * only ever skips a run that would have changed nothing.
 * <p>
 * Up to date means, for both histories ({@code platform_schema_history} for {@code db/common},
 * {@code flyway_schema_history} for {@code db/migration}): no failed row, and the applied versioned migrations are
 * exactly the jar's, each with the checksum Flyway computes for the jar's script (so an edited migration still stops
 * the start, in Flyway's validation). A migration the jar has and the database lacks, a history that is missing, a
 * repeatable or Java migration, or any error reading either: not up to date.
 */
final class Migrations {

    /** The platform's history (platform PlatformMigrations.HISTORY) and where its scripts are. */
    static final String PLATFORM_HISTORY = "platform_schema_history";

    static final String PLATFORM_LOCATION = "db/common/";
    /** The service's own history (Flyway's default table) and where its scripts are. */
    static final String SERVICE_HISTORY = "flyway_schema_history";

    static final String SERVICE_LOCATION = "db/migration/";

    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9_.]*)__[^/]*\\.sql");

    private Migrations() {}

    /**
     * True if {@code db} (a connection to the service's database) is at the migrations the service packaged in
     * {@code appDir} (its target/quarkus-app) carries.
     */
    static boolean upToDate(Connection db, Path appDir) {
        try {
            Map<String, Map<String, Integer>> packaged = packaged(appDir);
            if (packaged == null) {
                return false;
            }
            return packaged.get(PLATFORM_LOCATION)
                            .equals(applied(db, PLATFORM_HISTORY).orElse(null))
                    && packaged.get(SERVICE_LOCATION)
                            .equals(applied(db, SERVICE_HISTORY).orElse(null));
        } catch (IOException | UncheckedIOException | SQLException e) {
            return false;
        }
    }

    /**
     * Version to Flyway checksum of the versioned scripts under db/common/ and db/migration/ in the Mamori jars of a
     * packaged service (its own jar in app/, the platform's in lib/main/); null if a location holds anything else.
     */
    static Map<String, Map<String, Integer>> packaged(Path appDir) throws IOException {
        Map<String, Map<String, Integer>> found = new LinkedHashMap<>();
        found.put(PLATFORM_LOCATION, new LinkedHashMap<>());
        found.put(SERVICE_LOCATION, new LinkedHashMap<>());
        for (Path jar : mamoriJars(appDir)) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    for (var location : found.entrySet()) {
                        String name = e.getName();
                        if (e.isDirectory() || !name.startsWith(location.getKey())) {
                            continue;
                        }
                        Matcher m = VERSIONED.matcher(
                                name.substring(location.getKey().length()));
                        if (!m.matches()) {
                            return null; // a repeatable, callback or Java migration, or a subfolder: let Flyway judge
                        }
                        try (InputStream in = zip.getInputStream(e)) {
                            location.getValue().put(version(m.group(1)), checksum(in));
                        }
                    }
                }
            }
        }
        return found;
    }

    /** The app jar(s) and the dev.mamori.* libraries of a packaged Quarkus application; the others carry no scripts. */
    private static Iterable<Path> mamoriJars(Path appDir) throws IOException {
        java.util.List<Path> jars = new java.util.ArrayList<>();
        for (String dir : new String[] {"app", "lib/main"}) {
            Path d = appDir.resolve(dir);
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (DirectoryStream<Path> ds =
                    Files.newDirectoryStream(d, dir.equals("app") ? "*.jar" : "dev.mamori.*.jar")) {
                ds.forEach(jars::add);
            }
        }
        return jars;
    }

    /** Version to checksum of the successfully applied versioned migrations; empty if a row failed or no history. */
    private static Optional<Map<String, Integer>> applied(Connection db, String history) throws SQLException {
        try (Statement s = db.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT to_regclass('\"" + history + "\"') IS NOT NULL")) {
                r.next();
                if (!r.getBoolean(1)) {
                    return Optional.empty();
                }
            }
            Map<String, Integer> rows = new LinkedHashMap<>();
            try (ResultSet r = s.executeQuery(
                    "SELECT version, checksum, type, success FROM \"" + history + "\" ORDER BY installed_rank")) {
                while (r.next()) {
                    if (!r.getBoolean("success")) {
                        return Optional.empty(); // Flyway refuses to start on a failed migration: let it say so
                    }
                    String type = r.getString("type");
                    if (type.equals("BASELINE") || type.startsWith("UNDO") || r.getString("version") == null) {
                        continue;
                    }
                    rows.put(r.getString("version"), (Integer) r.getObject("checksum"));
                }
            }
            return Optional.of(rows);
        }
    }

    /** Flyway's version text: "0_1" is 0.1. */
    private static String version(String raw) {
        return raw.replace('_', '.');
    }

    /**
     * The checksum Flyway stores for a SQL script: CRC32 over the script's lines in UTF-8, without line terminators
     * and without a byte-order mark.
     */
    static int checksum(InputStream script) throws IOException {
        CRC32 crc = new CRC32();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(script, StandardCharsets.UTF_8))) {
            String line;
            boolean first = true;
            while ((line = r.readLine()) != null) {
                if (first && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                first = false;
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        return (int) crc.getValue();
    }
}
