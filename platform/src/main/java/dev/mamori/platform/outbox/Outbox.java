package dev.mamori.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A durable outbox over a service's own table ({@link OutboxTable}): work that must reach another system although
 * it may be down is written as a row in the same transaction as the change that makes it necessary, and sent from
 * here until it is delivered or dead-lettered.
 * <ul>
 *   <li><b>Claim</b>: due rows are taken with {@code FOR UPDATE SKIP LOCKED} (rows another replica is claiming are
 *       skipped) and get a lease and the claim's id; each claim counts an attempt. While the lease runs no replica
 *       claims the row again; a replica that dies mid-send leaves it to be claimed once the lease ends.</li>
 *   <li><b>Outcome</b>: recorded only by the claim that holds the row ({@code leased_by}) while the row is still due;
 *       an answer that comes after another replica took the row over, or after the row was settled otherwise, changes
 *       nothing ({@link Settled#NOT_HELD}).</li>
 *   <li><b>Retry</b>: a failed attempt waits per {@link Backoff}; after {@code max-attempts}, or at once for a failure
 *       no retry cures, the row is dead-lettered: it keeps its last error, the service lists it, and
 *       {@link #retry} queues it again with its attempts counted from zero.</li>
 * </ul>
 * Every statement runs in the caller's transaction (see {@link OutboxSql}): claim in a transaction of its own and
 * commit before sending, so the lease is visible to other replicas during the send; record each outcome in a
 * transaction with the service's own writes for it. Times are the database's clock, the same for every replica.
 * Counts go to Micrometer as {@code mamori.outbox.rows{outbox, event}}.
 */
public final class Outbox {

    /** A claimed row: its id and the attempt this is (1 for the first). */
    public record Claimed(UUID id, int attempts) {}

    /** One claim: its id (the rows' {@code leased_by}) and the rows it holds. */
    public record Claim(UUID lease, List<Claimed> rows) {
        public boolean isEmpty() {
            return rows.isEmpty();
        }

        public List<UUID> ids() {
            return rows.stream().map(Claimed::id).toList();
        }
    }

    /** What recording an outcome did to the row. */
    public enum Settled {
        /** Delivered: it is not sent again. */
        DELIVERED,
        /** Failed; it waits for its next attempt. */
        RETRYING,
        /** Failed for good (attempts used up, or not curable by retrying): dead-lettered. */
        DEAD,
        /** The claim no longer holds the row (lease taken over, or settled otherwise): nothing was changed. */
        NOT_HELD
    }

    /** Counted events, the {@code event} tag of {@code mamori.outbox.rows}. */
    enum Event {
        CLAIMED,
        DELIVERED,
        RETRYING,
        DEAD,
        NOT_HELD,
        RETRIED
    }

    private static final int MAX_ERROR_CHARS = 2000;

    private final OutboxTable table;
    private final Backoff backoff;
    private final int maxAttempts;
    private final Duration lease;
    private final int batchSize;
    private final OutboxSql sql;
    private final Map<Event, Counter> counters = new EnumMap<>(Event.class);
    private final String claimSql;
    private final String deliveredSql;
    private final String failedSql;
    private final String retrySql;

    /** An outbox whose statements run in the current Hibernate Reactive session. */
    public Outbox(OutboxTable table, OutboxSettings settings, MeterRegistry meters) {
        this(table, settings, meters, OutboxSql.panache());
    }

    public Outbox(OutboxTable table, OutboxSettings settings, MeterRegistry meters, OutboxSql sql) {
        this.table = table;
        this.backoff = Backoff.of(settings);
        this.maxAttempts = settings.maxAttempts();
        this.lease = settings.lease();
        this.batchSize = settings.batchSize();
        this.sql = sql;
        for (Event event : Event.values()) {
            counters.put(
                    event,
                    Counter.builder("mamori.outbox.rows")
                            .description(
                                    "Outbox rows claimed, delivered, retrying, dead-lettered, answered after their claim "
                                            + "lost them, or retried by hand")
                            .tag("outbox", table.name())
                            .tag("event", event.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                            .register(meters));
        }
        String t = table.table();
        String touch = table.touchedAt().map(c -> ", " + c + " = now()").orElse("");
        String held =
                " WHERE id = :outboxId AND leased_by = :outboxLease AND status IN (" + literals(table.due()) + ")";
        this.claimSql = "UPDATE " + t + " SET lease_until = now() + make_interval(secs => :outboxLeaseSeconds), "
                + "leased_by = :outboxLease, attempts = attempts + 1" + touch
                + " WHERE id IN (SELECT t.id FROM " + t + " t WHERE t.status IN (" + literals(table.due()) + ")"
                + " AND t.next_attempt_at <= now() AND (t.lease_until IS NULL OR t.lease_until < now())"
                + table.readyWhen().map(c -> " AND (" + c + ")").orElse("")
                + " ORDER BY t.next_attempt_at LIMIT :outboxLimit FOR UPDATE SKIP LOCKED)"
                + " RETURNING CAST(id AS text), attempts";
        this.deliveredSql = "UPDATE " + t + " SET status = :outboxStatus, lease_until = NULL, leased_by = NULL, "
                + "last_error = NULL" + touch + held + " RETURNING CAST(id AS text), attempts";
        this.failedSql = "UPDATE " + t + " SET status = :outboxStatus, lease_until = NULL, leased_by = NULL, "
                + "next_attempt_at = now() + make_interval(secs => :outboxDelaySeconds), last_error = :outboxError"
                + touch + held + " RETURNING CAST(id AS text), attempts";
        // A row under a live lease is being sent right now: it is left to that attempt rather than sent twice.
        this.retrySql =
                "UPDATE " + t + " SET status = '" + table.queued() + "', attempts = 0, next_attempt_at = now(), "
                        + "lease_until = NULL, leased_by = NULL" + touch
                        + " WHERE status IN (" + literals(table.retriable()) + ")"
                        + " AND (lease_until IS NULL OR lease_until < now()) AND (%s) RETURNING CAST(id AS text), attempts";
    }

    public OutboxTable table() {
        return table;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** Claims up to {@code batch-size} due rows; commit before sending them. */
    public Uni<Claim> claim() {
        return claim(batchSize);
    }

    /** Claims up to {@code limit} due rows, oldest due first. */
    public Uni<Claim> claim(int limit) {
        UUID id = UUID.randomUUID();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("outboxLease", id);
        parameters.put("outboxLeaseSeconds", lease.toMillis() / 1000.0);
        parameters.put("outboxLimit", limit);
        return sql.rows(claimSql, parameters).map(rows -> {
            List<Claimed> claimed = rows.stream().map(Outbox::claimed).toList();
            counters.get(Event.CLAIMED).increment(claimed.size());
            return new Claim(id, claimed);
        });
    }

    /** Records that {@code row} was delivered; {@code status} is one of the table's delivered statuses. */
    public Uni<Settled> delivered(UUID lease, Claimed row, String status) {
        if (!table.delivered().contains(status)) {
            throw new IllegalArgumentException(status + " is not a delivered status of outbox " + table.name());
        }
        Map<String, Object> parameters = held(lease, row);
        parameters.put("outboxStatus", status);
        return settle(deliveredSql, parameters, Settled.DELIVERED);
    }

    /**
     * Records a failed attempt: the row waits for its next attempt, or is dead-lettered when its attempts are used
     * up or the failure is not {@code retryable} (a retry cannot cure it, e.g. the target refused the content).
     */
    public Uni<Settled> failed(UUID lease, Claimed row, String error, boolean retryable) {
        boolean dead = !retryable || row.attempts() >= maxAttempts;
        Map<String, Object> parameters = held(lease, row);
        parameters.put("outboxStatus", dead ? table.dead() : table.retrying());
        parameters.put(
                "outboxDelaySeconds", dead ? 0.0 : backoff.delay(row.attempts()).toNanos() / 1e9);
        String text = error == null || error.isBlank() ? "failed without a reason" : error;
        parameters.put("outboxError", text.length() > MAX_ERROR_CHARS ? text.substring(0, MAX_ERROR_CHARS) : text);
        return settle(failedSql, parameters, dead ? Settled.DEAD : Settled.RETRYING);
    }

    /**
     * Queues dead-lettered rows, and rows waiting after a failure, again at once with their attempts counted from
     * zero: those among the rows that meet {@code condition} (SQL over the table's columns, with its own named
     * parameters). Answers how many rows were queued; a row being sent right now is not among them.
     */
    public Uni<Integer> retry(String condition, Map<String, Object> parameters) {
        return sql.rows(retrySql.formatted(condition), parameters).map(rows -> {
            counters.get(Event.RETRIED).increment(rows.size());
            return rows.size();
        });
    }

    private Uni<Settled> settle(String statement, Map<String, Object> parameters, Settled outcome) {
        return sql.rows(statement, parameters).map(rows -> {
            Settled settled = rows.isEmpty() ? Settled.NOT_HELD : outcome;
            counters.get(Event.valueOf(settled.name())).increment();
            return settled;
        });
    }

    private static Map<String, Object> held(UUID lease, Claimed row) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("outboxId", row.id());
        parameters.put("outboxLease", lease);
        return parameters;
    }

    private static Claimed claimed(Object[] row) {
        return new Claimed(UUID.fromString(String.valueOf(row[0])), ((Number) row[1]).intValue());
    }

    private static String literals(List<String> statuses) {
        // Statuses are checked by OutboxTable to be upper-case words, so they are safe as literals.
        return statuses.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", "));
    }
}
