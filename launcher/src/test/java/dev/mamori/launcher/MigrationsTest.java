package dev.mamori.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher starts a service without Flyway only when its database already holds exactly the migrations the
 * service's jar carries: a database migrated by Flyway itself (the two histories, as PlatformMigrations keeps them)
 * is up to date for the jar it was migrated from, and every change that Flyway would have to act on, or refuse,
 * makes the service migrate at start as before.
 */
class MigrationsTest {

    private static LocalPostgres postgres;
    private static Database database;

    @TempDir
    static Path pgDir;

    @TempDir
    Path app;

    private final Map<String, String> platform = new LinkedHashMap<>();
    private final Map<String, String> service = new LinkedHashMap<>();

    @BeforeAll
    static void startPostgres() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        postgres = LocalPostgres.start(pgDir, port, line -> {});
        database = new Database("localhost", port, LocalPostgres.USER, LocalPostgres.PASSWORD, true);
    }

    @AfterAll
    static void stopPostgres() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void aServiceAtItsLatestMigration() throws Exception {
        execute("postgres", "DROP DATABASE IF EXISTS consent", "CREATE DATABASE consent");
        platform.put("V0_1__platform.sql", "CREATE TABLE audit_event (id bigint);\n");
        platform.put("V0_2__more.sql", "\uFEFFCREATE TABLE change_notice (id bigint);\r\n-- a comment\r\n");
        service.put("V1__purposes.sql", "CREATE TABLE purpose (id bigint);\n");
        service.put("V2__consents.sql", "CREATE TABLE consent (id bigint);\n\nCREATE INDEX ON consent (id);\n");
        packageApp();
        migrateAsTheServiceDoes();
    }

    @Test
    void shouldStartWithoutFlywayWhereTheDatabaseHoldsEveryMigrationOfTheJar() {
        assertTrue(upToDate());
        assertEquals(
                Map.of("QUARKUS_FLYWAY_ACTIVE", "false"),
                Suite.migrationEnv(database, Part.CONSENT, app.resolve("quarkus-run.jar")));
    }

    @Test
    void shouldMigrateAtStartWhenTheJarCarriesANewMigration() throws IOException {
        service.put("V3__withdrawals.sql", "CREATE TABLE withdrawal (id bigint);\n");
        packageApp();
        assertFalse(upToDate(), "a new service migration must run");
        assertEquals(Map.of(), Suite.migrationEnv(database, Part.CONSENT, app.resolve("quarkus-run.jar")));

        service.remove("V3__withdrawals.sql");
        platform.put("V0_3__mail.sql", "CREATE TABLE mail_outbox (id bigint);\n");
        packageApp();
        assertFalse(upToDate(), "a new platform migration must run");
    }

    @Test
    void shouldLetFlywayStopTheStartOnAFailedOrEditedMigration() throws Exception {
        execute("consent", "UPDATE flyway_schema_history SET success = false WHERE version = '2'");
        assertFalse(upToDate(), "a failed migration: Flyway refuses to start, so it must run");

        execute("consent", "UPDATE flyway_schema_history SET success = true WHERE version = '2'");
        assertTrue(upToDate());
        service.put("V2__consents.sql", "CREATE TABLE consent (id bigint, tenant text);\n");
        packageApp();
        assertFalse(upToDate(), "an edited migration: Flyway's validation must see it");
    }

    @Test
    void shouldMigrateANewDatabase() throws Exception {
        execute("postgres", "DROP DATABASE consent", "CREATE DATABASE consent");
        assertFalse(upToDate());
    }

    private boolean upToDate() {
        try (Connection c =
                DriverManager.getConnection(database.jdbcUrl("consent"), database.user(), database.password())) {
            return Migrations.upToDate(c, app);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** Migrates as a service start does: the platform's history first, then the service's from a baseline at 0. */
    private void migrateAsTheServiceDoes() throws IOException {
        Path scripts = Files.createTempDirectory(app, "scripts");
        Path common = Files.createDirectories(scripts.resolve("common"));
        Path own = Files.createDirectories(scripts.resolve("migration"));
        for (var e : platform.entrySet()) {
            Files.writeString(common.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        }
        for (var e : service.entrySet()) {
            Files.writeString(own.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        }
        String url = database.jdbcUrl("consent");
        Flyway.configure()
                .dataSource(url, database.user(), database.password())
                .table(Migrations.PLATFORM_HISTORY)
                .locations("filesystem:" + common)
                .load()
                .migrate();
        Flyway.configure()
                .dataSource(url, database.user(), database.password())
                .locations("filesystem:" + own)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }

    /** A packaged service as Quarkus lays it out: its own jar in app/, the platform's among the libraries. */
    private void packageApp() throws IOException {
        Files.writeString(app.resolve("quarkus-run.jar"), "");
        jar(app.resolve("app/consent-service-0.1.0.jar"), "db/migration/", service);
        jar(app.resolve("lib/main/dev.mamori.platform-0.1.0.jar"), "db/common/", platform);
        jar(app.resolve("lib/main/org.example.other-1.0.jar"), "db/migration/", Map.of("README.txt", "not ours"));
    }

    private static void jar(Path jar, String folder, Map<String, String> files) throws IOException {
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(folder));
            zip.closeEntry();
            for (var e : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(folder + e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    private static void execute(String db, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(db), database.user(), database.password());
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
