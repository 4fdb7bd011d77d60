package dev.mamori.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.mamori.platform.persistence.PlatformMigrations;
import dev.mamori.testing.PostgresTestResource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

/**
 * V10 on a database that sent staff mails before the upgrade: the rows of V8's staff_notice move into the platform's
 * staff_mail_sent (db/common V0_6), so the sweeps do not mail the same near-due, overdue or digest again.
 */
class StaffMailSentMigrationTest {

    @Test
    void shouldCarryTheMailsSentBeforeTheUpgradeIntoThePlatformsTable() throws SQLException {
        DataSource db = PostgresTestResource.newDatabase();
        migrate(db, "8");
        execute(
                db,
                "INSERT INTO staff_notice (tenant_id, kind, subject, day, created_at) VALUES "
                        + "('tenant-a', 'NEAR_DUE', 'r-1', DATE '2026-12-10', TIMESTAMPTZ '2026-12-01 09:00+09'), "
                        + "('tenant-a', 'DIGEST', 'digest', DATE '2026-12-03', TIMESTAMPTZ '2026-12-03 08:30+09'), "
                        + "('tenant-b', 'OVERDUE', 'r-2', DATE '2026-11-30', TIMESTAMPTZ '2026-12-01 10:00+09')",
                // Already recorded by a replica on the new version: the copy keeps the row that is there.
                "INSERT INTO staff_mail_sent (tenant_id, kind, subject, day, created_at) VALUES "
                        + "('tenant-a', 'DIGEST', 'digest', DATE '2026-12-03', TIMESTAMPTZ '2026-12-03 08:31+09')");

        migrate(db, null);

        assertFalse(exists(db, "staff_notice"), "the service's own table is gone");
        assertEquals(
                List.of(
                        "tenant-a DIGEST digest 2026-12-03 2026-12-02 23:31:00+00",
                        "tenant-a NEAR_DUE r-1 2026-12-10 2026-12-01 00:00:00+00",
                        "tenant-b OVERDUE r-2 2026-11-30 2026-12-01 01:00:00+00"),
                rows(db));
    }

    /** As a start or the migration Job does it: the platform's history first, then the service's up to target. */
    private static void migrate(DataSource db, String target) {
        FluentConfiguration service = Flyway.configure().dataSource(db).locations("db/common", "db/migration");
        PlatformMigrations.prepare(service);
        if (target != null) {
            service.target(target);
        }
        service.load().migrate();
    }

    private static List<String> rows(DataSource db) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute("SET TIME ZONE 'UTC'");
            try (ResultSet r = s.executeQuery("SELECT tenant_id || ' ' || kind || ' ' || subject || ' ' || day || ' ' "
                    + "|| created_at FROM staff_mail_sent ORDER BY tenant_id, kind")) {
                while (r.next()) {
                    rows.add(r.getString(1));
                }
            }
        }
        return rows;
    }

    private static boolean exists(DataSource db, String table) throws SQLException {
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
