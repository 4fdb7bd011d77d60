package dev.mamori.platform.persistence;

import dev.mamori.platform.audit.AuditEntry;
import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.events.ChangeFeed;
import dev.mamori.platform.idempotency.Idempotency;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A creating write of a few rows on the reactive pool, without the ORM, in two round trips: what a write on the
 * request path costs when it is one-by-one (a web form's consent, an operator's call).
 *
 * <ol>
 *   <li>The service's reads (what it validates against) and the lookup of the Idempotency-Key's stored answer are
 *       sent together on one connection, outside any transaction. A stored answer is replayed as {@link
 *       Idempotency#once} replays it, before any rule is checked again.
 *   <li>The service decides: it validates (throwing a problem leaves nothing written, since nothing was begun) and
 *       adds its statements, its audit lines and its change notices to {@link Statements}; its answer is known now.
 *   <li>The key's claim with the answer ({@link Idempotency#claimStatement}), the service's statements, the change
 *       notices ({@link ChangeFeed#publishStatement}) and the audit lines ({@link AuditLog#pendingStatement}, into
 *       {@code audit_pending}) are sent as ONE statement ({@link SqlStatement#together}), which PostgreSQL runs as one
 *       implicit transaction: the rows, the lines, the notices and the claim commit together or not at all, with one
 *       parse, one plan and one commit instead of six. A claim that lost to a concurrent call with the same key (it
 *       waits for that call's commit) replays that call's answer.
 * </ol>
 *
 * <p>No row is read before it is inserted where a constraint answers (the key's primary key), no ORM session, flush
 * or entity lifecycle. A bulk write fits too when its statements do not grow with its rows (a consent import: one
 * read, one insert of column arrays, one statement for all its audit lines); writes that must read-modify-write under
 * a lock keep their own transaction.
 */
@ApplicationScoped
public class PlainWrites {

    /** What one write sends in its transaction, in this order after the key's claim. */
    public static final class Statements {
        private final List<SqlStatement> own = new ArrayList<>();
        private final List<AuditEntry> lines = new ArrayList<>();
        private final List<String[]> notices = new ArrayList<>();

        /**
         * A statement of the service's own (positional {@code $n} parameters): an INSERT, UPDATE or DELETE. All of a
         * write's statements become one, so none sees another's rows (a foreign key to a row inserted by an earlier
         * one is checked at the end and holds), and no row may be changed by two of them.
         */
        public Statements add(String statement, Tuple args) {
            own.add(SqlStatement.write(statement, args));
            return this;
        }

        /** An audit line of the write, committed with it (sealed into the tenant's chain after). */
        public Statements audit(AuditEntry line) {
            lines.add(line);
            return this;
        }

        /** A change notice for the other replicas, which exists exactly when the write committed. */
        public Statements notice(String channel, String payload) {
            notices.add(new String[] {channel, payload});
            return this;
        }
    }

    private final Pool pool;
    private final Idempotency idempotency;
    private final AuditLog audit;
    private final ChangeFeed feed;

    public PlainWrites(Pool pool, Idempotency idempotency, AuditLog audit, ChangeFeed feed) {
        this.pool = pool;
        this.idempotency = idempotency;
        this.audit = audit;
        this.feed = feed;
    }

    /**
     * Runs one write of {@code tenantId} once per Idempotency-Key (see the class). {@code read} sends the service's
     * reads on the connection it is given and must send them on subscription (no statement waiting for another's
     * answer); {@code decide} validates what was read and adds the write's statements; {@code answer} says how the
     * result reads over HTTP, and is stored with the key. Without a key the write simply runs once.
     */
    public <F, T> Uni<Idempotency.Answered<T>> once(
            String tenantId,
            String key,
            String operation,
            Object request,
            Function<SqlClient, Uni<F>> read,
            BiFunction<F, Statements, T> decide,
            Function<? super T, Response> answer) {
        String requestHash;
        if (key != null) {
            Idempotency.checkKey(key);
            requestHash = idempotency.requestHash(request);
        } else {
            requestHash = null;
        }
        return pool.withConnection(connection -> {
            Uni<Response> stored = key == null
                    ? Uni.createFrom().nullItem()
                    : idempotency.stored(connection, tenantId, operation, key, requestHash);
            // Both are sent before either answers: one round trip.
            return Uni.combine()
                    .all()
                    .unis(stored, read.apply(connection))
                    .collectFailures()
                    .asTuple()
                    .chain(found -> {
                        if (found.getItem1() != null) {
                            return Uni.createFrom().item(new Idempotency.Answered<T>(null, found.getItem1(), true));
                        }
                        Statements statements = new Statements();
                        T result = decide.apply(found.getItem2(), statements);
                        Response response = answer.apply(result);
                        return commit(connection, tenantId, key, operation, requestHash, response, statements)
                                .replaceWith(new Idempotency.Answered<>(result, response, false))
                                .onFailure(Idempotency::isTaken)
                                .recoverWithUni(() -> idempotency
                                        .stored(connection, tenantId, operation, key, requestHash)
                                        .map(replayed -> new Idempotency.Answered<T>(null, replayed, true)));
                    });
        });
    }

    /**
     * As {@link #once(String, String, String, Object, Function, BiFunction, Function)}, then {@code afterCommit} with
     * the result once it has committed (or with {@code null} when the answer is a replay), and answers the response.
     */
    public <F, T> Uni<Response> once(
            String tenantId,
            String key,
            String operation,
            Object request,
            Function<SqlClient, Uni<F>> read,
            BiFunction<F, Statements, T> decide,
            Function<? super T, Response> answer,
            Consumer<? super T> afterCommit) {
        return once(tenantId, key, operation, request, read, decide, answer)
                .invoke(done -> afterCommit.accept(done.replayed() ? null : done.result()))
                .map(Idempotency.Answered::response);
    }

    /**
     * Sends the write as one statement ({@link SqlStatement#together}): the key's claim first (the main statement,
     * so a racing call with the same key waits on it and then fails on it), the service's statements, the change
     * notices and the audit lines. One statement is one implicit transaction: it commits whole or not at all.
     */
    private Uni<Void> commit(
            SqlConnection connection,
            String tenantId,
            String key,
            String operation,
            String requestHash,
            Response response,
            Statements s) {
        List<SqlStatement> parts = new ArrayList<>();
        if (key != null) {
            parts.add(idempotency.claimStatement(tenantId, operation, key, requestHash, response));
        }
        parts.addAll(s.own);
        for (String[] notice : s.notices) {
            parts.add(feed.publishStatement(notice[0], notice[1]));
        }
        if (!s.lines.isEmpty()) {
            parts.add(audit.pendingStatement(tenantId, s.lines));
        }
        if (parts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        SqlStatement write = SqlStatement.together(parts);
        return connection.preparedQuery(write.sql()).execute(write.args()).replaceWithVoid();
    }
}
