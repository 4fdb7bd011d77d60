package dev.mamori.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A real PostgreSQL for service tests. When {@code MAMORI_TEST_DB_HOST} is set, a fresh database is created on
 * that server (user and password from {@code MAMORI_TEST_DB_USER} / {@code MAMORI_TEST_DB_PASSWORD}); otherwise
 * an embedded PostgreSQL from the zonky Maven artifact is started once per test JVM. Each test JVM gets its own
 * database, so modules never see each other's rows.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres embedded;
    private static Server server;

    record Server(String host, int port, String user, String password, String database) {}

    @Override
    public Map<String, String> start() {
        Server db = server();
        return Map.of(
                "quarkus.datasource.username", db.user(),
                "quarkus.datasource.password", db.password(),
                "quarkus.datasource.reactive.url", "postgresql://" + db.host() + ":" + db.port() + "/" + db.database(),
                "quarkus.datasource.jdbc.url", jdbcUrl(db));
    }

    @Override
    public void stop() {
        // The server lives for the whole test JVM: several Quarkus test profiles may restart the app against it.
    }

    /** A JDBC connection to the test database, for tests that must look at or tamper with rows directly. */
    public static Connection connect() throws SQLException {
        Server db = server();
        return DriverManager.getConnection(jdbcUrl(db), db.user(), db.password());
    }

    /**
     * A new, empty database on the test server, for tests of migrations that need a database of their own; the
     * tests' shared one is migrated by the service at start.
     */
    public static javax.sql.DataSource newDatabase() throws SQLException {
        Server db = server();
        String name =
                "mamori_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        createDatabase(
                "jdbc:postgresql://" + db.host() + ":" + db.port() + "/" + db.database(),
                db.user(),
                db.password(),
                name);
        org.postgresql.ds.PGSimpleDataSource source = new org.postgresql.ds.PGSimpleDataSource();
        source.setUrl("jdbc:postgresql://" + db.host() + ":" + db.port() + "/" + name);
        source.setUser(db.user());
        source.setPassword(db.password());
        return source;
    }

    private static String jdbcUrl(Server db) {
        return "jdbc:postgresql://" + db.host() + ":" + db.port() + "/" + db.database();
    }

    static synchronized Server server() {
        if (server != null) {
            return server;
        }
        String database =
                "mamori_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String host = System.getenv("MAMORI_TEST_DB_HOST");
        try {
            if (host != null && !host.isBlank()) {
                int port = Integer.parseInt(System.getenv().getOrDefault("MAMORI_TEST_DB_PORT", "5432"));
                String user = System.getenv().getOrDefault("MAMORI_TEST_DB_USER", "postgres");
                String password = System.getenv().getOrDefault("MAMORI_TEST_DB_PASSWORD", "");
                createDatabase("jdbc:postgresql://" + host + ":" + port + "/postgres", user, password, database);
                server = new Server(host, port, user, password, database);
            } else {
                embedded = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        embedded.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting; the temporary data directory goes with the process
                    }
                }));
                createDatabase(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", database);
                server = new Server("localhost", embedded.getPort(), "postgres", "postgres", database);
            }
            return server;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Cannot start or reach PostgreSQL for tests", e);
        }
    }

    private static void createDatabase(String adminUrl, String user, String password, String database)
            throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
    }
}
