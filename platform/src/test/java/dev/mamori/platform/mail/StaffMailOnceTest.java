package dev.mamori.platform.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.platform.PlatformDatabase;
import dev.mamori.platform.crypto.FieldCipher;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Staff mail once on a real PostgreSQL (embedded) with the platform's own migrations: two transactions sending the
 * same (tenant, kind, subject, day) at once queue one mail per recipient between them, and a rolled-back first one
 * leaves the mail to the second.
 */
class StaffMailOnceTest {

    private static final String TENANT = "tenant-t";
    private static final List<String> STAFF = List.of("a@example.jp", "b@example.jp");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 3);

    private static PlatformDatabase db;
    private static Pool pool;
    private static FieldCipher cipher;
    private static StaffMail staffMail;

    private final AtomicInteger composed = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        db = PlatformDatabase.start("V0_5__mail_outbox.sql", "V0_6__staff_mail_sent.sql");
        pool = db.pool();
        cipher = new FieldCipher(Optional.of("mamori-test"), Optional.empty(), Map.of(), false, Optional.empty());
        staffMail = new StaffMail(
                new StaffRecipients(Map.of(TENANT, STAFF), "https://console.example.jp"), new MailOutbox(cipher));
    }

    @AfterAll
    static void stop() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void empty() throws SQLException {
        sql("TRUNCATE mail_outbox, staff_mail_sent");
    }

    @Test
    void shouldQueueOneMailPerRecipientWhenTwoTransactionsSendTheSameAtOnce() throws Exception {
        SqlConnection a = pool.getConnectionAndAwait();
        SqlConnection b = pool.getConnectionAndAwait();
        try {
            Transaction first = a.beginAndAwait();
            Transaction second = b.beginAndAwait();

            assertTrue(send(a, "NEAR_DUE", DAY).await().indefinitely(), "the first queues it");
            // The second's insert of the same key waits for the first's transaction to end.
            CompletableFuture<Boolean> waiting =
                    send(b, "NEAR_DUE", DAY).subscribeAsCompletionStage().toCompletableFuture();
            awaitOneWaitingForALock();
            assertFalse(waiting.isDone());
            first.commitAndAwait();

            assertFalse(waiting.get(10, TimeUnit.SECONDS), "the second finds the first's row and queues nothing");
            second.commitAndAwait();
        } finally {
            a.closeAndAwait();
            b.closeAndAwait();
        }

        assertEquals(STAFF, recipients(), "one mail to each recipient, not two");
        assertEquals(1, count("SELECT count(*) FROM staff_mail_sent"));
        assertEquals(1, composed.get(), "the mail is composed only by the transaction that sends it");
    }

    @Test
    void shouldLeaveTheMailToTheSecondWhenTheFirstRollsBack() throws Exception {
        SqlConnection a = pool.getConnectionAndAwait();
        SqlConnection b = pool.getConnectionAndAwait();
        try {
            Transaction first = a.beginAndAwait();
            Transaction second = b.beginAndAwait();

            assertTrue(send(a, "OVERDUE", DAY).await().indefinitely());
            CompletableFuture<Boolean> waiting =
                    send(b, "OVERDUE", DAY).subscribeAsCompletionStage().toCompletableFuture();
            awaitOneWaitingForALock();
            first.rollbackAndAwait();

            assertTrue(waiting.get(10, TimeUnit.SECONDS), "the first's row went with its rollback");
            second.commitAndAwait();
        } finally {
            a.closeAndAwait();
            b.closeAndAwait();
        }

        assertEquals(STAFF, recipients(), "the rolled-back mail is not there, the second's is");
        assertEquals(1, count("SELECT count(*) FROM staff_mail_sent"));
    }

    @Test
    void shouldSendAgainForAnotherDayOrKindAndNeverTwiceForTheSame() throws Exception {
        assertTrue(inTransaction("NEAR_DUE", DAY));
        assertFalse(inTransaction("NEAR_DUE", DAY), "a later run of the job");
        assertTrue(inTransaction("NEAR_DUE", DAY.plusDays(5)), "a due date moved by an extension is another mail");
        assertTrue(inTransaction("OVERDUE", DAY), "another kind about the same subject");

        assertEquals(6, count("SELECT count(*) FROM mail_outbox"));
        assertEquals(3, count("SELECT count(*) FROM staff_mail_sent"));
    }

    @Test
    void shouldMailNoOneAndRecordNothingForATenantWithoutRecipients() throws Exception {
        Boolean sent = pool.withTransaction(
                        c -> staffMail.sendOnce(c, "tenant-nostaff", "DIGEST", "digest", DAY, text()))
                .await()
                .indefinitely();

        assertFalse(sent);
        assertEquals(0, count("SELECT count(*) FROM mail_outbox"));
        assertEquals(0, count("SELECT count(*) FROM staff_mail_sent"), "recipients named later still hear of it");
        assertEquals(0, composed.get());
    }

    @Test
    void shouldTellAQueryWhatWasNotSentYet() throws Exception {
        String unsent = "SELECT count(*) FROM (VALUES ('" + TENANT + "', 'subject-1', DATE '" + DAY + "')) "
                + "AS r(tenant_id, id, due_on) WHERE "
                + StaffMail.notSent("r.tenant_id", "'NEAR_DUE'", "r.id", "r.due_on");
        assertEquals(1, count(unsent));

        inTransaction("NEAR_DUE", DAY);

        assertEquals(0, count(unsent));
    }

    private Uni<Boolean> send(SqlConnection connection, String kind, LocalDate day) {
        return staffMail.sendOnce(connection, TENANT, kind, "subject-1", day, text());
    }

    private boolean inTransaction(String kind, LocalDate day) {
        return pool.withTransaction(c -> staffMail.sendOnce(c, TENANT, kind, "subject-1", day, text()))
                .await()
                .indefinitely();
    }

    private Supplier<StaffMail.Text> text() {
        return () -> {
            composed.incrementAndGet();
            return new StaffMail.Text("期限が近い請求", "https://console.example.jp/requests/subject-1");
        };
    }

    /** Until one backend waits for a lock (the second insert of the key), as a condition, not a time. */
    private static void awaitOneWaitingForALock() throws Exception {
        String waiting = "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                + "AND query LIKE 'INSERT INTO staff_mail_sent%'";
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (count(waiting) != 1) {
            if (System.nanoTime() > until) {
                throw new AssertionError("the second insert never waited for the first");
            }
            Thread.sleep(20);
        }
    }

    /** The queued mails' recipients, opened as the deliverer opens them, in order. */
    private static List<String> recipients() throws SQLException {
        List<String> to = new ArrayList<>();
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT id, recipient FROM mail_outbox ORDER BY created_at, recipient")) {
            while (r.next()) {
                UUID id = (UUID) r.getObject(1);
                to.add(cipher.decrypt(r.getString(2), MailOutbox.context(TENANT, id, "recipient")));
            }
        }
        to.sort(String::compareTo);
        return to;
    }

    private static void sql(String statement) throws SQLException {
        db.sql(statement);
    }

    private static long count(String query) throws SQLException {
        return db.count(query);
    }
}
