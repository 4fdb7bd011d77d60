package dev.mamori.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.platform.persistence.SqlStatement;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.tenant.TenantContext;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Makes a creating POST safe to retry. The key is claimed by inserting a row in the same transaction as the work:
 * a concurrent retry with the same key waits on that row and, once the first commits, gets the stored answer; if
 * the first fails, its claim rolls back with it and the retry does the work. The same key with a different body is
 * refused, since the caller is reusing a key for another intent.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    private final TenantContext tenant;
    private final ObjectMapper json;

    public Idempotency(TenantContext tenant, ObjectMapper json) {
        this.tenant = tenant;
        this.json = json;
    }

    /**
     * Runs {@code work} in a transaction unless this tenant already completed {@code operation} with this key, and
     * answers {@code answer} of its result; the key, the work and the stored answer commit together. Without a key
     * the work simply runs (in a transaction). Services call this: they own the transaction and the key, and the
     * resource only says how the result reads over HTTP.
     */
    public <T> Uni<Response> once(
            String key, String operation, Object request, Supplier<Uni<T>> work, Function<? super T, Response> answer) {
        return answered(key, operation, request, work, answer).map(Answered::response);
    }

    /**
     * As {@link #once(String, String, Object, Supplier, Function)}, then {@code afterCommit} once the transaction has
     * committed (e.g. to drop what a cache held), with the result, or with {@code null} when the answer is the stored
     * one of an earlier call with the same key.
     */
    public <T> Uni<Response> once(
            String key,
            String operation,
            Object request,
            Supplier<Uni<T>> work,
            Function<? super T, Response> answer,
            Consumer<? super T> afterCommit) {
        return answered(key, operation, request, work, answer)
                .invoke(done -> afterCommit.accept(done.replayed() ? null : done.result()))
                .map(Answered::response);
    }

    /**
     * As {@link #once(String, String, Object, Supplier, Function)}, but says what happened, for a service that does
     * more once the work has committed (and only when it was done now, not replayed).
     */
    public <T> Uni<Answered<T>> answered(
            String key, String operation, Object request, Supplier<Uni<T>> work, Function<? super T, Response> answer) {
        return claimed(key, operation, request, () -> work.get()
                .map(result -> new Answered<T>(result, answer.apply(result), false)));
    }

    /**
     * What a call made once per key came to: the work's result and its answer, or, when {@code replayed}, the answer
     * stored by an earlier call with the same key (and no result: the work did not run again).
     */
    public record Answered<T>(T result, Response response, boolean replayed) {}

    private <T> Uni<Answered<T>> claimed(
            String key, String operation, Object request, Supplier<Uni<Answered<T>>> action) {
        if (key == null) {
            return Panache.withTransaction(action);
        }
        checkKey(key);
        String tenantId = tenant.tenantId();
        String requestHash = hash(request);
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "INSERT INTO idempotency_record (tenant_id, operation, idem_key, request_hash) "
                                + "VALUES (:t, :o, :k, :h) ON CONFLICT DO NOTHING")
                .setParameter("t", tenantId)
                .setParameter("o", operation)
                .setParameter("k", key)
                .setParameter("h", requestHash)
                .executeUpdate()
                .chain(claimed -> claimed == 1
                        ? action.get().call(done -> store(tenantId, operation, key, done.response()))
                        : replay(tenantId, operation, key, requestHash)
                                .map(response -> new Answered<T>(null, response, true)))));
    }

    /**
     * Keys are kept for a day: long enough for any client's retries, and no longer, since a stored answer may
     * repeat what the request said about a person.
     */
    @io.quarkus.scheduler.Scheduled(every = "1h", delayed = "1m")
    Uni<Void> forgetOldKeys() {
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                                "DELETE FROM idempotency_record WHERE created_at < now() - interval '24 hours'")
                        .executeUpdate()))
                .replaceWithVoid();
    }

    private Uni<Integer> store(String tenantId, String operation, String key, Response response) {
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("UPDATE idempotency_record SET status = :s, body = :b, location = :l "
                                + "WHERE tenant_id = :t AND operation = :o AND idem_key = :k")
                        .setParameter("s", response.getStatus())
                        .setParameter("b", serialize(response.getEntity()))
                        .setParameter("l", location == null ? null : location.toString())
                        .setParameter("t", tenantId)
                        .setParameter("o", operation)
                        .setParameter("k", key)
                        .executeUpdate());
    }

    private Uni<Response> replay(String tenantId, String operation, String key, String requestHash) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT request_hash, status, body, location FROM idempotency_record "
                                        + "WHERE tenant_id = :t AND operation = :o AND idem_key = :k",
                                Object[].class)
                        .setParameter("t", tenantId)
                        .setParameter("o", operation)
                        .setParameter("k", key)
                        .getResultList())
                .map((List<Object[]> rows) -> {
                    Object[] row = rows.get(0);
                    return replayed(
                            requestHash,
                            (String) row[0],
                            row[1] == null ? null : ((Number) row[1]).intValue(),
                            (String) row[2],
                            (String) row[3]);
                });
    }

    /**
     * The stored answer of an earlier call with this key, as it is replayed: refused if the body differs (the key is
     * reused for another intent) or if that call has not finished.
     */
    private static Response replayed(
            String requestHash, String storedHash, Integer status, String body, String location) {
        if (!requestHash.equals(storedHash)) {
            throw new ProblemException(
                    422,
                    "idempotency-key-reused",
                    "Idempotency key reused",
                    "This Idempotency-Key was already used with a different request body",
                    List.of(new dev.mamori.platform.problem.Problem.FieldError(
                            HEADER, "was already used with a different request body")));
        }
        if (status == null) {
            throw ProblemException.conflict(
                    "idempotency-in-progress", "A request with this Idempotency-Key is still being processed");
        }
        Response.ResponseBuilder replayed = Response.status(status).header("Idempotent-Replayed", "true");
        if (body != null) {
            replayed.entity(body).type(MediaType.APPLICATION_JSON);
        }
        if (location != null) {
            replayed.header(HttpHeaders.LOCATION, location);
        }
        return replayed.build();
    }

    // ---- the same on a plain connection, for writes without the ORM (PlainWrites) ----------------------------------

    private static final String FIND = "SELECT request_hash, status, body, location FROM idempotency_record "
            + "WHERE tenant_id = $1 AND operation = $2 AND idem_key = $3";
    /** The key and the answer in one row: the answer is known before the work's statements are sent. */
    private static final String CLAIM_ANSWERED = "INSERT INTO idempotency_record "
            + "(tenant_id, operation, idem_key, request_hash, status, body, location) VALUES ($1, $2, $3, $4, $5, $6, $7)";

    private static final String PRIMARY_KEY = "idempotency_record_pkey";

    /** Refuses a key that is not 1 to 200 visible ASCII characters (422 naming the header). */
    public static void checkKey(String key) {
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.invalidField(HEADER, "must be 1 to 200 visible ASCII characters");
        }
    }

    /** What identifies the request's intent: the hash of its body as JSON. */
    public String requestHash(Object request) {
        return hash(request);
    }

    /**
     * The answer stored for this tenant, operation and key, as it is replayed, or {@code null} when there is none;
     * fails as {@link #once} does for a reused key or a call still running.
     */
    public Uni<Response> stored(
            io.vertx.mutiny.sqlclient.SqlClient connection,
            String tenantId,
            String operation,
            String key,
            String requestHash) {
        return connection
                .preparedQuery(FIND)
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(tenantId, operation, key))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    io.vertx.mutiny.sqlclient.Row row = rows.iterator().next();
                    return replayed(
                            requestHash,
                            row.getString("request_hash"),
                            row.getInteger("status"),
                            row.getString("body"),
                            row.getString("location"));
                });
    }

    /**
     * The claim of the key together with the answer, as part of a write's single statement. A concurrent call
     * with the same key waits for this transaction; once it commits, that call's claim fails with a unique violation
     * ({@link #isTaken}) and it replays this answer; if this one rolls back, that one does the work.
     */
    public SqlStatement claimStatement(
            String tenantId, String operation, String key, String requestHash, Response response) {
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        return SqlStatement.write(
                CLAIM_ANSWERED,
                io.vertx.mutiny.sqlclient.Tuple.tuple()
                        .addString(tenantId)
                        .addString(operation)
                        .addString(key)
                        .addString(requestHash)
                        .addInteger(response.getStatus())
                        .addString(serialize(response.getEntity()))
                        .addString(location == null ? null : location.toString()));
    }

    /**
     * The answer with its body as the JSON text that {@link #claimStatement} stores: the caller gets byte for byte
     * what a replay will send, and the body is serialized once instead of once for the key and once for the wire.
     */
    public Response withStoredBody(Response response) {
        Object entity = response.getEntity();
        if (entity == null || entity instanceof String) {
            return response;
        }
        return Response.fromResponse(response)
                .entity(serialize(entity))
                .type(MediaType.APPLICATION_JSON)
                .build();
    }

    /** True when {@code failure} is a claim that lost to another call with the same key (see {@link #claimStatement}). */
    public static boolean isTaken(Throwable failure) {
        return failure instanceof io.vertx.pgclient.PgException pg
                && "23505".equals(pg.getSqlState())
                && PRIMARY_KEY.equals(pg.getConstraint());
    }

    private String serialize(Object entity) {
        if (entity == null) {
            return null;
        }
        try {
            return entity instanceof String text ? text : json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store idempotent response", e);
        }
    }

    private String hash(Object request) {
        try {
            byte[] canonical = json.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash request", e);
        }
    }
}
