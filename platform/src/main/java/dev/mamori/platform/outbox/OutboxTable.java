package dev.mamori.platform.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A service's outbox table as {@link Outbox} sees it. The service keeps its own table with its domain columns
 * (what to send, what came back); the outbox needs these columns, under these names:
 * <pre>
 * id              uuid PRIMARY KEY
 * status          text        -- the service's own words, named below
 * attempts        integer     NOT NULL DEFAULT 0   -- counted when a row is claimed
 * next_attempt_at timestamptz NOT NULL             -- due from then
 * lease_until     timestamptz                      -- claimed until then
 * leased_by       uuid                             -- by which claim
 * last_error      text
 * </pre>
 * and an index on {@code next_attempt_at} for the due statuses.
 *
 * @param name            the outbox's name in metrics and logs, e.g. {@code fulfilment}
 * @param table           the table
 * @param queued          the status of a row waiting for its first attempt, and of a row retried by hand
 * @param retrying        the status of a row waiting for its next attempt after a failed one (may equal queued)
 * @param dead            the dead-letter status: attempts used up or a failure no retry cures; listed and retried by
 *                        the service
 * @param delivered       the statuses a delivered row may end in (a target that confirms later may need two)
 * @param readyWhen       an extra SQL condition a due row must meet to be claimed (alias {@code t}), e.g. "its
 *                        earlier callbacks are delivered"
 * @param touchedAt       a column set to {@code now()} whenever the outbox changes a row (e.g. {@code updated_at})
 */
public record OutboxTable(
        String name,
        String table,
        String queued,
        String retrying,
        String dead,
        Set<String> delivered,
        Optional<String> readyWhen,
        Optional<String> touchedAt) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern STATUS = Pattern.compile("[A-Z][A-Z0-9_]{0,62}");

    public OutboxTable {
        require(IDENTIFIER, table, "table");
        require(IDENTIFIER, name, "name");
        require(STATUS, queued, "queued status");
        require(STATUS, retrying, "retrying status");
        require(STATUS, dead, "dead status");
        if (delivered.isEmpty()) {
            throw new IllegalArgumentException("an outbox needs at least one delivered status");
        }
        delivered.forEach(s -> require(STATUS, s, "delivered status"));
        touchedAt.ifPresent(c -> require(IDENTIFIER, c, "touched-at column"));
        delivered = Set.copyOf(delivered);
        List<String> all = new ArrayList<>(List.of(queued, dead));
        if (!retrying.equals(queued)) {
            all.add(retrying);
        }
        all.addAll(delivered);
        if (Set.copyOf(all).size() != all.size()) {
            throw new IllegalArgumentException("an outbox's queued, dead and delivered statuses are distinct: " + all);
        }
    }

    /** Starts a descriptor of {@code table}, named {@code name} in metrics. */
    public static Builder builder(String name, String table) {
        return new Builder(name, table);
    }

    /** The statuses of rows waiting to be sent. */
    List<String> due() {
        return queued.equals(retrying) ? List.of(queued) : List.of(queued, retrying);
    }

    /** The statuses a retry by hand starts again: waiting after a failure, or dead. */
    List<String> retriable() {
        return List.of(retrying, dead);
    }

    private static void require(Pattern pattern, String value, String what) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("outbox " + what + " must match " + pattern + ": " + value);
        }
    }

    public static final class Builder {
        private final String name;
        private final String table;
        private String queued;
        private String retrying;
        private String dead;
        private Set<String> delivered = Set.of();
        private String readyWhen;
        private String touchedAt;

        private Builder(String name, String table) {
            this.name = name;
            this.table = table;
        }

        public Builder queued(String status) {
            this.queued = status;
            return this;
        }

        public Builder retrying(String status) {
            this.retrying = status;
            return this;
        }

        public Builder dead(String status) {
            this.dead = status;
            return this;
        }

        public Builder delivered(String... statuses) {
            this.delivered = Set.of(statuses);
            return this;
        }

        public Builder readyWhen(String condition) {
            this.readyWhen = condition;
            return this;
        }

        public Builder touchedAt(String column) {
            this.touchedAt = column;
            return this;
        }

        public OutboxTable build() {
            return new OutboxTable(
                    name,
                    table,
                    queued,
                    retrying == null ? queued : retrying,
                    dead,
                    delivered,
                    Optional.ofNullable(readyWhen),
                    Optional.ofNullable(touchedAt));
        }
    }
}
