package dev.mamori.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.platform.mail.MailMessage;
import dev.mamori.platform.mail.MailOutbox;
import dev.mamori.testing.PostgresTestResource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The mail outbox end to end: request-service queues mail in a transaction, the platform's deliverer sends it with
 * Quarkus Mailer to a real SMTP server ({@link MailStub}).
 */
@QuarkusTest
class MailOutboxTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    MailOutbox mail;

    /** A mail outbox row as the database holds it. */
    record Row(String status, int attempts, String recipient, String body, String lastError, boolean sentAtSet) {}

    @Test
    void shouldSendAMailQueuedInACommittedTransaction() throws Throwable {
        String tenant = newTenant();
        String to = newAddress();
        inTransaction(() -> mail.enqueue(
                tenant, new MailMessage(to, "【Mamori】受付番号のお知らせ", "受付番号: R-0001-0002\n\nReceipt number: R-0001-0002")));

        MailStub.Received received = MailStub.awaitMail(to, WAIT);
        assertEquals("【Mamori】受付番号のお知らせ", received.subject());
        assertTrue(received.text().contains("受付番号: R-0001-0002"), received.text());

        Row row = awaitRow(tenant, r -> "SENT".equals(r.status()));
        assertNull(row.body(), "the body is erased once the mail is sent");
        assertTrue(row.sentAtSet());
        assertFalse(row.recipient().contains(to), "the recipient is sealed at rest");
        assertEquals(1, MailStub.received(to).size());
    }

    @Test
    void shouldSendNothingWhenTheTransactionRollsBack() throws Throwable {
        String tenant = newTenant();
        String lost = newAddress();
        assertThrows(
                IllegalStateException.class,
                () -> inTransaction(() -> mail.enqueue(tenant, new MailMessage(lost, "件名", "本文"))
                        .chain(() -> Uni.createFrom().failure(new IllegalStateException("the change fails")))));
        // A mail queued after it arrives; the rolled-back one was never queued, so it never will.
        String later = newAddress();
        inTransaction(() -> mail.enqueue(tenant, new MailMessage(later, "件名", "本文")));
        MailStub.awaitMail(later, WAIT);
        assertEquals(List.of(), MailStub.received(lost));
        assertEquals(1, rows(tenant).size(), "only the committed mail is in the outbox");
    }

    @Test
    void shouldRefuseToQueueOutsideATransaction() {
        Throwable refused = assertThrows(
                IllegalStateException.class,
                () -> VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                        () -> mail.enqueue(newTenant(), new MailMessage(newAddress(), "件名", "本文")))));
        assertTrue(refused.getMessage().contains("inside the transaction"), refused.getMessage());
    }

    @Test
    void shouldRetryWhileTheSmtpServerIsDownAndDeliverOnceWhenItIsBack() throws Throwable {
        String tenant = newTenant();
        String to = newAddress();
        MailStub.down();
        try {
            inTransaction(() -> mail.enqueue(tenant, new MailMessage(to, "確認コード", "確認コード: 123456")));
            Row waiting = awaitRow(tenant, r -> "RETRYING".equals(r.status()) && r.attempts() >= 2);
            assertNotNull(waiting.lastError(), "the failed attempt says why");
            assertNotNull(waiting.body(), "the mail is kept until it is sent");
        } finally {
            MailStub.up();
        }
        MailStub.Received received = MailStub.awaitMail(to, WAIT);
        assertTrue(received.text().contains("123456"), received.text());
        Row sent = awaitRow(tenant, r -> "SENT".equals(r.status()));
        assertTrue(sent.attempts() >= 3, "sent on a later attempt: " + sent);
        // Settled as sent: no later run claims it again.
        assertEquals(1, MailStub.received(to).size(), "delivered exactly once");
    }

    private static void inTransaction(Supplier<Uni<Void>> work) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
    }

    private static String newTenant() {
        return "tenant-mail-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String newAddress() {
        return "person-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
    }

    private static Row awaitRow(String tenant, Predicate<Row> condition) throws SQLException, InterruptedException {
        long until = System.nanoTime() + WAIT.toNanos();
        List<Row> rows = rows(tenant);
        while (rows.size() != 1 || !condition.test(rows.get(0))) {
            if (System.nanoTime() > until) {
                throw new AssertionError("mail outbox of " + tenant + " never reached the state: " + rows);
            }
            Thread.sleep(100);
            rows = rows(tenant);
        }
        return rows.get(0);
    }

    private static List<Row> rows(String tenant) throws SQLException {
        try (Connection c = PostgresTestResource.connect();
                PreparedStatement s = c.prepareStatement("SELECT status, attempts, recipient, body, last_error, "
                        + "sent_at IS NOT NULL FROM mail_outbox WHERE tenant_id = ?")) {
            s.setString(1, tenant);
            List<Row> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new Row(
                            r.getString(1),
                            r.getInt(2),
                            r.getString(3),
                            r.getString(4),
                            r.getString(5),
                            r.getBoolean(6)));
                }
            }
            return rows;
        }
    }
}
