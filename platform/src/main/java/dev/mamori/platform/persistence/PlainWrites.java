package dev.mamori.platform.persistence;

import dev.mamori.platform.audit.AuditEntry;
import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.events.ChangeFeed;
import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.problem.ProblemException;
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
 * A creating write of a few rows on the reactive pool, without the ORM, in at most two round trips: what a write on
 * the request path costs when it is one-by-one (a web form's consent, an operator's call).
 *
 * <ol>
 *   <li>The service's reads (what it validates against), on one connection, outside any transaction. A service that
 *       knows its facts already (a cache kept true by the change feed) reads nothing: the write is one round trip.
 *   <li>The service decides: it validates (throwing a problem leaves nothing written, since nothing was begun) and
 *       adds its statements, its audit lines and its change notices to {@link Statements}; its answer is known now.
 *       A refusal of a call whose Idempotency-Key already has an answer replays that answer instead, as {@link
 *       Idempotency#once} does, whatever the rules say now.
 *   <li>The key's claim with the answer ({@link Idempotency#claimStatement}), the service's statements, the change
 *       notices ({@link ChangeFeed#publishStatement}) and the audit lines ({@link AuditLog#pendingStatement}, into
 *       {@code audit_pending}) are sent as ONE statement ({@link SqlStatement#together}), which PostgreSQL runs as one
 *       implicit transaction: the rows, the lines, the notices and the claim commit together or not at all, with one
 *       parse, one plan and one commit instead of six. A claim that lost, to an earlier call with the same key or
 *       to a concurrent one (it waits for that call's commit), replays that call's answer, or is refused with 422
 *       if the key was used for another body.
 * </ol>
 *
 * <p>No row is read before it is inserted where a constraint answers (the key's primary key: a key is not looked up
 * first, since nearly every call brings a new one), no ORM session, flush or entity lifecycle. A bulk write fits too
 * when its statements do not grow with its rows (a consent import: one read, one insert of column arrays, one
 * statement for all its audit lines); writes that must read-modify-write under a lock keep their own transaction.
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
        return pool.withConnection(connection -> read.apply(connection).chain(facts -> {
            Statements statements = new Statements();
            T result;
            try {
                result = decide.apply(facts, statements);
            } catch (ProblemException refused) {
                // A call whose key already has an answer gets that answer, whatever the rules say now. Only a
                // refusal: any other failure is a fault of the service and goes to the caller's mapper as it is.
                return key == null
                        ? Uni.createFrom().failure(refused)
                        : replayOr(connection, tenantId, operation, key, requestHash, refused);
            }
            Response response = key == null ? answer.apply(result) : idempotency.withStoredBody(answer.apply(result));
            return commit(connection, tenantId, key, operation, requestHash, response, statements)
                    .replaceWith(new Idempotency.Answered<>(result, response, false))
                    .onFailure(Idempotency::isTaken)
                    .recoverWithUni(() -> replayOr(connection, tenantId, operation, key, requestHash, null));
        }));
    }

    /**
     * The key's stored answer, replayed (refused with 422 if it was stored for another body); when the key has none,
     * {@code otherwise}: the refusal of a first call. A claim that lost always finds the row it lost to, unless that
     * row was pruned in between, days later.
     */
    private <T> Uni<Idempotency.Answered<T>> replayOr(
            SqlConnection connection,
            String tenantId,
            String operation,
            String key,
            String requestHash,
            ProblemException otherwise) {
        return idempotency
                .stored(connection, tenantId, operation, key, requestHash)
                .chain(replayed -> {
                    if (replayed == null) {
                        return Uni.createFrom()
                                .failure(
                                        otherwise != null
                                                ? otherwise
                                                : new IllegalStateException("a lost claim's key has no stored answer"));
                    }
                    return Uni.createFrom().item(new Idempotency.Answered<T>(null, replayed, true));
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
