package dev.mamori.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.platform.PlatformDatabase;
import dev.mamori.platform.audit.AuditEntry;
import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.events.ChangeFeed;
import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.problem.ProblemException;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A plain write on a real PostgreSQL (embedded) with the platform's own tables: the row, its audit line, its change
 * notice and the Idempotency-Key commit together or not at all, and a key is answered once.
 */
class PlainWritesTest {

    private static final String TENANT = "tenant-t";
    private static final String INSERT = "INSERT INTO thing (id, tenant_id, name) VALUES ($1, $2, $3)";

    private static PlatformDatabase db;
    private static PlainWrites writes;

    @BeforeAll
    static void start() throws Exception {
        db = PlatformDatabase.start(
                "V0_1__platform.sql",
                "V0_2__audit_read_events.sql",
                "V0_3__audit_pending.sql",
                "V0_4__change_notice.sql");
        db.sql("CREATE TABLE thing (id uuid PRIMARY KEY, tenant_id text NOT NULL, "
                + "name text NOT NULL CHECK (name <> 'forbidden'))");
        ObjectMapper json = new ObjectMapper();
        ChangeFeed feed =
                new ChangeFeed(db.vertx().getDelegate(), db.url(), "postgres", "postgres", Duration.ofMillis(50));
        AuditLog audit = new AuditLog(null, json, db.pool(), Clock.systemUTC());
        writes = new PlainWrites(db.pool(), new Idempotency(null, json), audit, feed);
    }

    @AfterAll
    static void stop() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void empty() throws SQLException {
        sql("TRUNCATE thing, audit_pending, change_notice, idempotency_record");
    }

    /** Writes one thing named {@code name} (refused before anything is sent when the name is "refused"). */
    private Idempotency.Answered<UUID> write(String key, String name) {
        return writes.<Integer, UUID>once(
                        TENANT,
                        key,
                        "createThing",
                        Map.of("name", name),
                        connection -> connection
                                .preparedQuery("SELECT count(*) FROM thing WHERE tenant_id = $1")
                                .execute(Tuple.of(TENANT))
                                .map(rows -> rows.iterator().next().getInteger(0)),
                        (existing, statements) -> {
                            if (name.equals("refused")) {
                                throw ProblemException.unprocessable("refused", "Refused", "name", "is refused");
                            }
                            if (name.equals("first") && existing > 0) {
                                // A rule that holds for the first call only: a replay must not be refused by it.
                                throw ProblemException.conflict("not-first", "There is a thing already");
                            }
                            UUID id = UUID.randomUUID();
                            statements
                                    .add(INSERT, Tuple.of(id, TENANT, name))
                                    .notice("thing_changed", TENANT + "\t" + id)
                                    .audit(new AuditEntry(
                                            TENANT,
                                            "actor",
                                            null,
                                            "THING_CREATED",
                                            "thing",
                                            id.toString(),
                                            "subject-1",
                                            "SUCCESS",
                                            OffsetDateTime.now()));
                            if (name.equals("pair")) {
                                // A write of two lines: they go as one statement of arrays, in order.
                                statements.audit(new AuditEntry(
                                        TENANT,
                                        "actor",
                                        "client",
                                        "THING_PAIRED",
                                        "thing",
                                        id.toString(),
                                        "subject-2",
                                        "SUCCESS",
                                        OffsetDateTime.now()));
                            }
                            return id;
                        },
                        id -> Response.status(201)
                                .entity(Map.of("id", id.toString(), "name", name))
                                .build())
                .await()
                .atMost(Duration.ofSeconds(30));
    }

    @Test
    void shouldCommitTheRowWithItsAuditLineAndChangeNotice() throws SQLException {
        Idempotency.Answered<UUID> done = write(null, "first");

        assertEquals(201, done.response().getStatus());
        assertEquals(1, count("SELECT count(*) FROM thing WHERE id = '" + done.result() + "'"));
        assertEquals(
                1,
                count("SELECT count(*) FROM audit_pending WHERE tenant_id = '" + TENANT
                        + "' AND action = 'THING_CREATED' AND resource_id = '" + done.result() + "'"));
        assertEquals(
                1, count("SELECT count(*) FROM change_notice WHERE payload = '" + TENANT + "\t" + done.result() + "'"));
    }

    @Test
    void shouldCommitEveryAuditLineOfAWriteInOrder() throws SQLException {
        Idempotency.Answered<UUID> done = write("key-pair", "pair");

        assertEquals(2, count("SELECT count(*) FROM audit_pending WHERE resource_id = '" + done.result() + "'"));
        assertEquals(
                1,
                count(
                        "SELECT count(*) FROM audit_pending a JOIN audit_pending b ON a.id < b.id "
                                + "WHERE a.action = 'THING_CREATED' AND b.action = 'THING_PAIRED' AND b.actor_client = 'client'"));
    }

    @Test
    void shouldLeaveNoRowNoAuditLineAndNoKeyWhenAStatementFails() throws SQLException {
        // The CHECK constraint fails the insert after the key's claim was sent: everything rolls back with it.
        assertThrows(Exception.class, () -> write("key-fails", "forbidden"));

        assertEquals(0, count("SELECT count(*) FROM thing"));
        assertEquals(0, count("SELECT count(*) FROM audit_pending"));
        assertEquals(0, count("SELECT count(*) FROM change_notice"));
        assertEquals(0, count("SELECT count(*) FROM idempotency_record"));

        // Nothing was claimed, so the key is free again, and the pool's connections are usable.
        Idempotency.Answered<UUID> retried = write("key-fails", "allowed");
        assertEquals(201, retried.response().getStatus());
        assertEquals(1, count("SELECT count(*) FROM thing"));
    }

    @Test
    void shouldWriteNothingWhenTheServiceRefuses() throws SQLException {
        ProblemException refused = assertThrows(ProblemException.class, () -> write("key-refused", "refused"));

        assertEquals(422, refused.status());
        assertEquals(0, count("SELECT count(*) FROM thing"));
        assertEquals(0, count("SELECT count(*) FROM audit_pending"));
        assertEquals(0, count("SELECT count(*) FROM idempotency_record"));
    }

    @Test
    void shouldReplayTheSameAnswerAndWriteOncePerKey() throws SQLException {
        Idempotency.Answered<UUID> first = write("key-1", "once");
        Idempotency.Answered<UUID> again = write("key-1", "once");

        assertTrue(again.replayed());
        assertNull(again.result());
        assertEquals(201, again.response().getStatus());
        assertEquals("true", again.response().getHeaderString("Idempotent-Replayed"));
        assertTrue(
                again.response().getEntity().toString().contains(first.result().toString()));
        // The first caller got the very text that is stored and replayed, not a second serialization of it.
        assertEquals(again.response().getEntity(), first.response().getEntity());
        assertEquals(MediaType.APPLICATION_JSON_TYPE, first.response().getMediaType());
        assertEquals(1, count("SELECT count(*) FROM thing"));
        assertEquals(1, count("SELECT count(*) FROM audit_pending"));

        ProblemException reused = assertThrows(ProblemException.class, () -> write("key-1", "another"));
        assertEquals(422, reused.status());
        assertEquals(1, count("SELECT count(*) FROM thing"));
    }

    @Test
    void shouldReplayTheAnswerEvenWhenTheRulesWouldRefuseTheCallNow() throws SQLException {
        Idempotency.Answered<UUID> first = write("key-first", "first");
        assertFalse(first.replayed());

        // The same call again: the rule now refuses it (a thing exists), but the key has an answer, so it is replayed.
        Idempotency.Answered<UUID> again = write("key-first", "first");
        assertTrue(again.replayed());
        assertEquals(first.response().getEntity(), again.response().getEntity());
        // Without the key, or with a new one, the rule answers.
        assertEquals(
                409,
                assertThrows(ProblemException.class, () -> write(null, "first")).status());
        assertEquals(
                409,
                assertThrows(ProblemException.class, () -> write("key-new", "first"))
                        .status());
        // The key with another body is a reused key, whichever rule would refuse the body.
        assertEquals(
                422,
                assertThrows(ProblemException.class, () -> write("key-first", "refused"))
                        .status());
        assertEquals(1, count("SELECT count(*) FROM thing"));
        assertEquals(1, count("SELECT count(*) FROM idempotency_record"));
    }

    @Test
    void shouldWriteOnceWhenTwoCallsWithOneKeyRace() throws Exception {
        List<CompletableFuture<Idempotency.Answered<UUID>>> calls = List.of(
                CompletableFuture.supplyAsync(() -> write("key-race", "raced")),
                CompletableFuture.supplyAsync(() -> write("key-race", "raced")),
                CompletableFuture.supplyAsync(() -> write("key-race", "raced")));
        long done = 0;
        long replayed = 0;
        for (CompletableFuture<Idempotency.Answered<UUID>> call : calls) {
            Idempotency.Answered<UUID> answered = call.get();
            assertEquals(201, answered.response().getStatus());
            assertNotNull(answered.response().getEntity());
            if (answered.replayed()) {
                replayed++;
            } else {
                done++;
            }
        }
        assertEquals(1, done);
        assertEquals(2, replayed);
        assertEquals(1, count("SELECT count(*) FROM thing"));
        assertEquals(1, count("SELECT count(*) FROM audit_pending"));
        assertEquals(1, count("SELECT count(*) FROM change_notice"));
    }

    private static void sql(String statement) throws SQLException {
        db.sql(statement);
    }

    private static long count(String query) throws SQLException {
        return db.count(query);
    }
}
