package dev.mamori.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox's claim, lease and outcomes on a real PostgreSQL (embedded), each replica a JDBC connection with a
 * transaction of its own, as the services' replicas have.
 */
class OutboxTest {

    private static EmbeddedPostgres postgres;

    private static final OutboxTable TABLE = OutboxTable.builder("test", "test_outbox")
            .queued("QUEUED")
            .retrying("RETRYING")
            .dead("FAILED")
            .delivered("DONE", "CONFIRMED")
            .touchedAt("updated_at")
            .readyWhen("t.blocked = false")
            .build();

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void table() throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS test_outbox");
            s.execute("""
                    CREATE TABLE test_outbox (
                        id uuid PRIMARY KEY, tenant_id text NOT NULL, status text NOT NULL,
                        attempts integer NOT NULL DEFAULT 0, next_attempt_at timestamptz NOT NULL,
                        lease_until timestamptz, leased_by uuid, last_error text,
                        blocked boolean NOT NULL DEFAULT false, updated_at timestamptz)""");
            c.commit();
        }
    }

    private static Connection connect() throws SQLException {
        Connection c = postgres.getPostgresDatabase().getConnection();
        c.setAutoCommit(false);
        return c;
    }

    private static OutboxSettings settings(int maxAttempts, int batchSize) {
        return new OutboxSettings() {
            public int maxAttempts() {
                return maxAttempts;
            }

            public Duration backoffBase() {
                return Duration.ofSeconds(30);
            }

            public Duration backoffMax() {
                return Duration.ofHours(1);
            }

            public double backoffJitter() {
                return 0;
            }

            public Duration lease() {
                return Duration.ofMinutes(2);
            }

            public int batchSize() {
                return batchSize;
            }
        };
    }

    /** An outbox whose statements run on {@code connection}, in its open transaction. */
    private Outbox outbox(Connection connection, int maxAttempts) {
        return new Outbox(TABLE, settings(maxAttempts, 20), meters, jdbc(connection));
    }

    private static final Pattern PARAMETER = Pattern.compile("(?<!:):([A-Za-z][A-Za-z0-9]*)");

    /** Named parameters as Hibernate takes them, turned into JDBC's positional ones. */
    static OutboxSql jdbc(Connection connection) {
        return (sql, parameters) -> Uni.createFrom().item(() -> {
            List<Object> values = new ArrayList<>();
            Matcher m = PARAMETER.matcher(sql);
            StringBuilder positional = new StringBuilder();
            while (m.find()) {
                if (!parameters.containsKey(m.group(1))) {
                    throw new IllegalArgumentException("no value for :" + m.group(1));
                }
                values.add(parameters.get(m.group(1)));
                m.appendReplacement(positional, "?");
            }
            m.appendTail(positional);
            try (PreparedStatement statement = connection.prepareStatement(positional.toString())) {
                for (int i = 0; i < values.size(); i++) {
                    statement.setObject(i + 1, values.get(i));
                }
                List<Object[]> rows = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        Object[] row = new Object[columns];
                        for (int i = 0; i < columns; i++) {
                            row[i] = rs.getObject(i + 1);
                        }
                        rows.add(row);
                    }
                }
                return rows;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static List<UUID> insert(int n, String tenant) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement(
                        "INSERT INTO test_outbox (id, tenant_id, status, next_attempt_at) VALUES (?, ?, 'QUEUED', now())")) {
            for (int i = 0; i < n; i++) {
                UUID id = UUID.randomUUID();
                s.setObject(1, id);
                s.setString(2, tenant);
                s.executeUpdate();
                ids.add(id);
            }
            c.commit();
        }
        return ids;
    }

    private static Object column(UUID id, String column) throws SQLException {
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement("SELECT " + column + " FROM test_outbox WHERE id = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getObject(1);
            }
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute(sql);
            c.commit();
        }
    }

    private static <T> T await(Uni<T> uni) {
        return uni.await().atMost(Duration.ofSeconds(10));
    }

    private double count(String event) {
        return meters.get("mamori.outbox.rows")
                .tag("outbox", "test")
                .tag("event", event)
                .counter()
                .count();
    }

    @Test
    void shouldGiveEachDueRowToOneReplicaOnlyWhileBothClaimAtOnce() throws Exception {
        List<UUID> ids = insert(5, "tenant-a");
        try (Connection a = connect();
                Connection b = connect()) {
            // A has claimed (its transaction still open, its rows locked); B claims at the same moment.
            Outbox.Claim first = await(outbox(a, 5).claim(3));
            Outbox.Claim second = await(outbox(b, 5).claim(10));
            assertEquals(3, first.rows().size());
            assertEquals(2, second.rows().size(), "B skips the rows A holds and takes the rest");
            Set<UUID> all = new HashSet<>(first.ids());
            all.addAll(second.ids());
            assertEquals(Set.copyOf(ids), all, "every row claimed, none twice");
            assertTrue(first.rows().stream().allMatch(r -> r.attempts() == 1), "each claim counts an attempt");
            a.commit();
            b.commit();
        }
        try (Connection c = connect()) {
            assertTrue(await(outbox(c, 5).claim()).isEmpty(), "leased rows are not claimed again while the lease runs");
            c.commit();
        }
        assertEquals(5, count("claimed"));
    }

    @Test
    void shouldHandARowWhoseLeaseEndedToAnotherClaimAndIgnoreTheFirstClaimsLateAnswer() throws Exception {
        UUID id = insert(1, "tenant-a").get(0);
        Outbox.Claim dead;
        try (Connection a = connect()) {
            dead = await(outbox(a, 5).claim());
            a.commit();
        }
        // The replica that claimed it died mid-send: its lease runs out.
        execute("UPDATE test_outbox SET lease_until = now() - interval '1 second'");
        Outbox.Claim taken;
        try (Connection b = connect()) {
            taken = await(outbox(b, 5).claim());
            b.commit();
        }
        assertEquals(List.of(id), taken.ids());
        assertEquals(2, taken.rows().get(0).attempts());
        try (Connection a = connect();
                Connection b = connect()) {
            assertEquals(
                    Outbox.Settled.NOT_HELD,
                    await(outbox(a, 5).delivered(dead.lease(), dead.rows().get(0), "DONE")));
            a.commit();
            assertEquals(
                    Outbox.Settled.DELIVERED,
                    await(outbox(b, 5).delivered(taken.lease(), taken.rows().get(0), "CONFIRMED")));
            b.commit();
        }
        assertEquals("CONFIRMED", column(id, "status"));
        assertNull(column(id, "leased_by"));
        assertNull(column(id, "lease_until"));
        assertEquals(1, count("not-held"));
        assertEquals(1, count("delivered"));
        try (Connection c = connect()) {
            assertTrue(await(outbox(c, 5).claim()).isEmpty(), "a delivered row is never sent again");
            // Nor does a late failure report undo the delivery.
            assertEquals(
                    Outbox.Settled.NOT_HELD,
                    await(outbox(c, 5).failed(taken.lease(), taken.rows().get(0), "HTTP 503", true)));
            c.commit();
        }
        assertEquals("CONFIRMED", column(id, "status"));
    }

    @Test
    void shouldWaitAfterAFailureThenDeadLetterAfterTheLastAttemptAndQueueItAgainOnRetry() throws Exception {
        UUID id = insert(1, "tenant-a").get(0);
        try (Connection c = connect()) {
            Outbox outbox = outbox(c, 2);
            Outbox.Claim claim = await(outbox.claim());
            assertEquals(
                    Outbox.Settled.RETRYING,
                    await(outbox.failed(claim.lease(), claim.rows().get(0), "HTTP 503", true)));
            c.commit();
        }
        assertEquals("RETRYING", column(id, "status"));
        assertEquals("HTTP 503", column(id, "last_error"));
        assertTrue(column(id, "updated_at") != null, "the row's updated_at is touched");
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT extract(epoch FROM next_attempt_at - now()) FROM test_outbox")) {
            rs.next();
            double wait = rs.getDouble(1);
            assertTrue(wait > 29 && wait <= 30, "waits the base, 30 s: " + wait);
            assertTrue(await(outbox(c, 2).claim()).isEmpty(), "not claimed before it is due");
            c.commit();
        }
        execute("UPDATE test_outbox SET next_attempt_at = now()");
        try (Connection c = connect()) {
            Outbox outbox = outbox(c, 2);
            Outbox.Claim claim = await(outbox.claim());
            assertEquals(2, claim.rows().get(0).attempts());
            assertEquals(
                    Outbox.Settled.DEAD,
                    await(outbox.failed(claim.lease(), claim.rows().get(0), "HTTP 500", true)));
            c.commit();
        }
        assertEquals("FAILED", column(id, "status"));
        assertEquals("HTTP 500", column(id, "last_error"));
        assertEquals(1, count("dead"));
        try (Connection c = connect()) {
            Outbox outbox = outbox(c, 2);
            assertTrue(await(outbox.claim()).isEmpty(), "a dead letter is not sent by itself");
            assertEquals(0, await(outbox.retry("tenant_id = :tenant", Map.of("tenant", "tenant-b"))));
            assertEquals(1, await(outbox.retry("tenant_id = :tenant", Map.of("tenant", "tenant-a"))));
            Outbox.Claim again = await(outbox.claim());
            assertEquals(List.of(id), again.ids());
            assertEquals(1, again.rows().get(0).attempts(), "attempts count from zero after a retry by hand");
            c.commit();
        }
        assertEquals(1, count("retried"));
    }

    @Test
    void shouldDeadLetterAtOnceAFailureNoRetryCures() throws Exception {
        UUID id = insert(1, "tenant-a").get(0);
        try (Connection c = connect()) {
            Outbox outbox = outbox(c, 20);
            Outbox.Claim claim = await(outbox.claim());
            assertEquals(
                    Outbox.Settled.DEAD,
                    await(outbox.failed(claim.lease(), claim.rows().get(0), "HTTP 422: refused", false)));
            c.commit();
        }
        assertEquals("FAILED", column(id, "status"));
        assertEquals(1, column(id, "attempts"));
    }

    @Test
    void shouldLeaveARowBeingSentOutOfARetryByHand() throws Exception {
        insert(1, "tenant-a");
        try (Connection c = connect()) {
            Outbox outbox = outbox(c, 5);
            Outbox.Claim claim = await(outbox.claim());
            await(outbox.failed(claim.lease(), claim.rows().get(0), "HTTP 503", true));
            c.commit();
        }
        execute("UPDATE test_outbox SET next_attempt_at = now()");
        try (Connection a = connect()) {
            Outbox outbox = outbox(a, 5);
            Outbox.Claim sending = await(outbox.claim());
            a.commit();
            assertEquals(0, await(outbox.retry("true", Map.of())), "claimed and being sent: left to that attempt");
            assertEquals(
                    Outbox.Settled.DELIVERED,
                    await(outbox.delivered(sending.lease(), sending.rows().get(0), "DONE")));
            a.commit();
        }
    }

    @Test
    void shouldClaimOnlyRowsTheTableSaysAreReadyAndOldestDueFirst() throws Exception {
        List<UUID> ids = insert(3, "tenant-a");
        execute("UPDATE test_outbox SET blocked = true WHERE id = '" + ids.get(0) + "'");
        execute("UPDATE test_outbox SET next_attempt_at = now() - interval '1 hour' WHERE id = '" + ids.get(2) + "'");
        try (Connection c = connect()) {
            Outbox.Claim claim = await(outbox(c, 5).claim(1));
            assertEquals(List.of(ids.get(2)), claim.ids(), "the longest due first");
            assertEquals(List.of(ids.get(1)), await(outbox(c, 5).claim()).ids(), "the blocked row is not ready");
            c.commit();
        }
    }

    @Test
    void shouldRefuseAStatusTheTableDoesNotDeliverWithAndUnsafeNames() throws Exception {
        UUID id = insert(1, "tenant-a").get(0);
        try (Connection c = connect()) {
            Outbox outbox = outbox(c, 5);
            Outbox.Claim claim = await(outbox.claim());
            assertThrows(
                    IllegalArgumentException.class,
                    () -> outbox.delivered(claim.lease(), claim.rows().get(0), "FAILED"));
            c.rollback();
        }
        assertEquals("QUEUED", column(id, "status"));
        assertThrows(IllegalArgumentException.class, () -> OutboxTable.builder("x", "t; DROP TABLE t")
                .queued("Q")
                .dead("D")
                .delivered("OK")
                .build());
        assertThrows(IllegalArgumentException.class, () -> OutboxTable.builder("x", "t")
                .queued("Q' OR '1'='1")
                .dead("D")
                .delivered("OK")
                .build());
        assertThrows(IllegalArgumentException.class, () -> OutboxTable.builder("x", "t")
                .queued("Q")
                .dead("Q")
                .delivered("OK")
                .build());
    }
}
