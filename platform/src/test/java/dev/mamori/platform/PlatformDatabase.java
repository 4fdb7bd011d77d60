package dev.mamori.platform;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An embedded PostgreSQL with some of the platform's own migrations ({@code db/common}) and a Vert.x pool on it, for
 * platform tests of what runs without Quarkus. One per test class; closed after it.
 */
public final class PlatformDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final Vertx vertx;
    private final Pool pool;

    private PlatformDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.vertx = Vertx.vertx();
        PgConnectOptions options = new PgConnectOptions()
                .setHost("localhost")
                .setPort(postgres.getPort())
                .setDatabase("postgres")
                .setUser("postgres")
                .setPassword("postgres");
        this.pool = PgPool.pool(vertx, options, new PoolOptions().setMaxSize(4));
    }

    /** Starts the server and runs {@code migrations} (file names in {@code db/common}), in order. */
    public static PlatformDatabase start(String... migrations) throws IOException, SQLException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            for (String migration : migrations) {
                try (InputStream in = PlatformDatabase.class.getResourceAsStream("/db/common/" + migration)) {
                    s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return new PlatformDatabase(postgres);
    }

    public Vertx vertx() {
        return vertx;
    }

    public Pool pool() {
        return pool;
    }

    /** The reactive URL of the database, without credentials (user and password are postgres). */
    public String url() {
        return "postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    /** A JDBC connection, for looking at or preparing rows directly. */
    public Connection connect() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    public void sql(String statement) throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    /** The first column of the first row of {@code query}, a count. */
    public long count(String query) throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(query)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Override
    public void close() throws IOException {
        pool.closeAndAwait();
        vertx.closeAndAwait();
        postgres.close();
    }
}
