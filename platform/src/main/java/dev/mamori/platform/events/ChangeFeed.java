package dev.mamori.platform.events;

import dev.mamori.platform.persistence.SqlStatement;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Tells every replica of a service that data changed. {@link #publish} inserts a notice in the writer's own
 * transaction, so a notice exists exactly when the change commits and never for a change that rolled back. Each
 * replica that keeps a cache polls the table every {@code mamori.change-feed.poll-interval} (50 ms by default) on a
 * connection of its own and hands each new notice to the channel's listeners once.
 *
 * <p>Not NOTIFY: PostgreSQL takes one lock on its notification queue for every committing transaction that notified
 * and holds it through the commit's WAL flush, so with durable commits a service's writes committed one after another
 * (measured: 850 single-row writes a second at 32 connections with a notify, 4,250 without). And unlike a notice sent
 * after the commit, a notice in the table cannot be lost if the writer dies between its commit and the notice.
 *
 * <p>Commit order is not id order, so a poll reads the notices of every transaction not known to be finished at the
 * previous poll ({@code xid >= } that poll's snapshot xmin) and remembers which of those it already delivered. While
 * polls fail or stall, {@link #connected} is false and caches must not be trusted; when polling works again every
 * listener's reset runs, since notices may have been missed meanwhile.
 */
@ApplicationScoped
public class ChangeFeed {

    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);
    private static final String POLL =
            "WITH s AS (SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS horizon) "
                    + "SELECT s.horizon, n.id, n.xid::text::bigint AS xid, n.channel, n.payload FROM s "
                    + "LEFT JOIN change_notice n ON n.xid >= $1::text::xid8 AND n.origin IS DISTINCT FROM $2 ORDER BY n.id";
    private static final String PUBLISH = "INSERT INTO change_notice (channel, payload, origin) VALUES ($1, $2, $3)";
    private static final String START = "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint";
    /** Notices are read within moments; an hour is far beyond any transaction the services run. */
    private static final String PRUNE = "DELETE FROM change_notice WHERE created_at < now() - interval '1 hour'";

    private static final long PRUNE_EVERY_MS = 60_000;

    private final Vertx vertx;
    private final PgConnectOptions options;
    private final long intervalMs;
    /** This replica: its own notices are not read back (the writer drops what it changed when it commits). */
    private final UUID origin = UUID.randomUUID();

    private final Map<String, List<Consumer<String>>> handlers = new ConcurrentHashMap<>();
    private final List<Runnable> resets = new CopyOnWriteArrayList<>();
    /** Delivered notices of transactions that were not yet known to be finished, by id, with their xid. */
    private final Map<Long, Long> delivered = new HashMap<>();

    private PgConnection connection;
    private long horizon = -1;
    private long lastPrune;
    private boolean started;
    private volatile boolean stopped;
    private volatile long lastGoodPoll;

    @Inject
    public ChangeFeed(
            Vertx vertx,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password,
            @ConfigProperty(name = "mamori.change-feed.poll-interval", defaultValue = "50ms") Duration interval) {
        this.vertx = vertx;
        this.options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""))
                .setUser(user)
                .setPassword(password);
        this.intervalMs = Math.max(1, interval.toMillis());
    }

    /** For subclasses in tests that never poll. */
    protected ChangeFeed(Vertx vertx, String url, String user, String password) {
        this(vertx, url, user, password, Duration.ofMillis(50));
    }

    /**
     * Calls {@code handler} with each payload published on {@code channel} by any replica, and {@code reset}
     * whenever notices may have been missed (first poll and every recovery).
     */
    public synchronized void listen(String channel, Consumer<String> handler, Runnable reset) {
        resets.add(reset);
        handlers.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(handler);
        if (!started) {
            started = true;
            vertx.runOnContext(v -> tick());
        }
    }

    /** True while notices are being received; a cache must be bypassed otherwise. */
    public boolean connected() {
        // A poll that hangs (the database stalls) counts as a lost feed, not only one that fails.
        return System.currentTimeMillis() - lastGoodPoll < stallMillis();
    }

    private long stallMillis() {
        return Math.max(2_000, 20 * intervalMs);
    }

    /**
     * Publishes {@code payload} on {@code channel} to the other replicas when, and only if, the current transaction
     * commits. This replica does not hear its own notice: the writer updates its own cache after the commit.
     */
    public Uni<Void> publish(String channel, String payload) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "INSERT INTO change_notice (channel, payload, origin) VALUES (:c, :p, :o)")
                        .setParameter("c", channel)
                        .setParameter("p", payload)
                        .setParameter("o", origin)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * The notice of {@link #publish(String, String)} as a statement, sent as part of a write's single statement
     * without the ORM ({@link dev.mamori.platform.persistence.PlainWrites}): it exists exactly when the write commits.
     */
    public SqlStatement publishStatement(String channel, String payload) {
        return SqlStatement.write(PUBLISH, io.vertx.mutiny.sqlclient.Tuple.of(channel, payload, origin));
    }

    private void tick() {
        if (stopped) {
            return;
        }
        Future<Void> round = connection == null ? connect() : poll();
        // A poll that never answers would stop the feed for good: closing the connection fails it, and the next
        // round connects again.
        long watchdog = vertx.setTimer(stallMillis(), id -> {
            PgConnection c = connection;
            if (c != null) {
                c.close();
            }
        });
        round.onComplete(done -> {
            vertx.cancelTimer(watchdog);
            if (done.failed()) {
                lost(done.cause());
            }
            if (!stopped) {
                vertx.setTimer(intervalMs, id -> tick());
            }
        });
    }

    private Future<Void> connect() {
        return PgConnection.connect(vertx, options).compose(c -> {
            connection = c;
            return c.query(START).execute().map(rows -> {
                // Anything cached before this moment may have missed a notice.
                horizon = rows.iterator().next().getLong(0);
                delivered.clear();
                resets.forEach(Runnable::run);
                lastGoodPoll = System.currentTimeMillis();
                LOG.debug("Change feed polling");
                return null;
            });
        });
    }

    private Future<Void> poll() {
        return connection
                .preparedQuery(POLL)
                .execute(Tuple.of(Long.toString(horizon), origin))
                .compose(rows -> {
                    deliver(rows);
                    lastGoodPoll = System.currentTimeMillis();
                    if (lastGoodPoll - lastPrune > PRUNE_EVERY_MS) {
                        lastPrune = lastGoodPoll;
                        return connection.query(PRUNE).execute().mapEmpty();
                    }
                    return Future.succeededFuture();
                });
    }

    private void deliver(RowSet<Row> rows) {
        long next = horizon;
        for (Row row : rows) {
            next = row.getLong("horizon");
            Long id = row.getLong("id");
            if (id == null || delivered.containsKey(id)) {
                continue;
            }
            delivered.put(id, row.getLong("xid"));
            String payload = row.getString("payload");
            for (Consumer<String> handler : handlers.getOrDefault(row.getString("channel"), List.of())) {
                try {
                    handler.accept(payload);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "A change listener failed on %s", payload);
                }
            }
        }
        // Every transaction below the new horizon has finished and its notices were read now or before.
        long finished = next;
        delivered.values().removeIf(xid -> xid < finished);
        horizon = next;
    }

    private void lost(Throwable cause) {
        if (connected()) {
            LOG.warnf("Change feed lost (%s); caches are bypassed until it is back", cause.getMessage());
        }
        lastGoodPoll = 0;
        PgConnection c = connection;
        connection = null;
        if (c != null) {
            c.close();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        PgConnection c = connection;
        if (c != null) {
            c.close();
        }
    }
}
