package dev.mamori.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.platform.persistence.PlatformMigrations;
import dev.mamori.testing.PostgresTestResource;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

/**
 * The platform's migrations in a history of their own (PlatformMigrations): a new database, a database migrated
 * before the scheme (platform versions in the service's history, out-of-order allowed), and the case out-of-order
 * was for, a platform version below the service's latest. Each on a database of its own, migrated as a service
 * start or the Kubernetes migration Job does it: the platform's history first, then the service's.
 */
class PlatformMigrationsTest {

    private static final String SERVICE_HISTORY = "flyway_schema_history";
    /** The platform's migrations in db/common, in order: a new one is added here. */
    private static final List<String> PLATFORM_VERSIONS = List.of("0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7");

    @Test
    void shouldMigrateANewDatabaseInTwoHistoriesThatEachGrowInOrder() throws SQLException {
        DataSource db = PostgresTestResource.newDatabase();

        start(db);

        assertEquals(PLATFORM_VERSIONS, versions(db, PlatformMigrations.HISTORY));
        assertEquals(List.of("0", "1", "2", "3"), versions(db, SERVICE_HISTORY), "a baseline below the service's V1");
        assertTrue(tableExists(db, "audit_event") && tableExists(db, "change_notice") && tableExists(db, "consent"));
        start(db);
        assertEquals(PLATFORM_VERSIONS, versions(db, PlatformMigrations.HISTORY), "a restart changes nothing");
        assertEquals(List.of("0", "1", "2", "3"), versions(db, SERVICE_HISTORY));
    }

    @Test
    void shouldTakeOverADatabaseMigratedBeforeTheSchemeWithTheSameChecksums() throws SQLException {
        DataSource db = PostgresTestResource.newDatabase();
        Flyway.configure()
                .dataSource(db)
                .locations("db/common", "db/migration")
                .outOfOrder(true)
                .load()
                .migrate();
        Map<String, Integer> before = checksums(db, SERVICE_HISTORY);

        start(db);

        Map<String, Integer> platformRows = new LinkedHashMap<>(before);
        platformRows.keySet().removeIf(v -> !v.startsWith("0."));
        assertEquals(platformRows, checksums(db, PlatformMigrations.HISTORY), "moved, checksums and all");
        assertEquals(
                List.of("1", "2", "3"),
                versions(db, SERVICE_HISTORY),
                "the service's own versions stay where they were");
        start(db);
        assertEquals(PLATFORM_VERSIONS, versions(db, PlatformMigrations.HISTORY));
    }

    @Test
    void shouldApplyAPlatformVersionBelowTheServicesLatestWithoutOutOfOrder() throws SQLException {
        // A database migrated before the scheme while the platform was at 0.3, and the service at 2; then 0.4 (and
        // later 0.5, 0.6 and 0.7) ship.
        DataSource db = PostgresTestResource.newDatabase();
        Flyway.configure()
                .dataSource(db)
                .locations("db/common", "db/migration")
                .outOfOrder(true)
                .load()
                .migrate();
        execute(
                db,
                "DROP TABLE change_notice",
                "DROP TABLE mail_outbox",
                "DROP TABLE staff_mail_sent",
                "DROP INDEX audit_event_subject_refs",
                "CREATE INDEX audit_event_subject_refs ON audit_event USING gin (subject_refs)",
                "DELETE FROM " + SERVICE_HISTORY + " WHERE version IN ('0.4', '0.5', '0.6', '0.7')");
        // In one history 0.4 would come after 2: Flyway refuses that unless out of order is allowed.
        FlywayException refused = assertThrows(FlywayException.class, () -> Flyway.configure()
                .dataSource(db)
                .locations("db/common", "db/migration")
                .load()
                .migrate());
        assertTrue(refused.getMessage().contains("0.4"), refused.getMessage());

        start(db);

        assertEquals(PLATFORM_VERSIONS, versions(db, PlatformMigrations.HISTORY));
        assertEquals(List.of("1", "2", "3"), versions(db, SERVICE_HISTORY));
        assertTrue(tableExists(db, "change_notice")
                && tableExists(db, "mail_outbox")
                && tableExists(db, "staff_mail_sent"));
    }

    @Test
    void shouldLeaveTheDatabaseAloneWhereTheProcessDoesNotMigrate() throws SQLException {
        // A pod (QUARKUS_FLYWAY_ACTIVE=false: the migration Job migrates) still has Quarkus build its Flyway, which
        // calls the customizer: nothing may reach the database there, neither the platform's migrations nor a
        // connection (the pod's start would wait for one).
        DataSource db = PostgresTestResource.newDatabase();
        for (PlatformMigrations inactive : List.of(
                new PlatformMigrations(Optional.of(false), true), new PlatformMigrations(Optional.empty(), false))) {
            FluentConfiguration service =
                    Flyway.configure().dataSource(unreachable()).locations("db/common", "db/migration");
            inactive.customize(service);
            assertEquals(
                    List.of("classpath:db/migration"),
                    Arrays.stream(service.getLocations()).map(Object::toString).toList(),
                    "the service's Flyway is left its own migrations all the same");
        }
        assertFalse(tableExists(db, PlatformMigrations.HISTORY));

        FluentConfiguration service = Flyway.configure().dataSource(db).locations("db/common", "db/migration");
        new PlatformMigrations(Optional.empty(), true).customize(service);
        service.load().migrate();
        assertEquals(
                PLATFORM_VERSIONS, versions(db, PlatformMigrations.HISTORY), "a start that migrates migrates both");
        assertEquals(List.of("0", "1", "2", "3"), versions(db, SERVICE_HISTORY));
    }

    /** A data source that fails the test if anything asks it for a connection. */
    private static DataSource unreachable() {
        return (DataSource) Proxy.newProxyInstance(
                PlatformMigrationsTest.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, m, args) -> {
                    return switch (m.getName()) {
                        case "getConnection" ->
                            throw new AssertionError("a process that does not migrate asked for a database connection");
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "unreachable data source";
                        default -> null;
                    };
                });
    }

    /** What a service start does: Quarkus builds the service's Flyway, the platform customizes it, then it migrates. */
    private static void start(DataSource db) {
        FluentConfiguration service = Flyway.configure().dataSource(db).locations("db/common", "db/migration");
        PlatformMigrations.prepare(service);
        service.load().migrate();
    }

    private static List<String> versions(DataSource db, String table) throws SQLException {
        return new ArrayList<>(checksums(db, table).keySet());
    }

    /** Applied version to checksum, in the order of application. */
    private static Map<String, Integer> checksums(DataSource db, String table) throws SQLException {
        Map<String, Integer> rows = new LinkedHashMap<>();
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(
                        "SELECT version, checksum FROM " + table + " WHERE success ORDER BY installed_rank")) {
            while (r.next()) {
                rows.put(r.getString(1), (Integer) r.getObject(2));
            }
        }
        return rows;
    }

    private static boolean tableExists(DataSource db, String table) throws SQLException {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT to_regclass('" + table + "') IS NOT NULL")) {
            r.next();
            return r.getBoolean(1);
        }
    }

    private static void execute(DataSource db, String... statements) throws SQLException {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
