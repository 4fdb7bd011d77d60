package dev.mamori.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.platform.events.ChangeFeed;
import dev.mamori.testing.PostgresTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The change feed every replica's decision cache relies on: a notice written in another replica's transaction
 * reaches this replica once it commits, exactly once, never if it rolls back, and not lost when transactions
 * commit in another order than they began.
 */
@QuarkusTest
class ChangeFeedTest {

    @Inject
    ChangeFeed feed;

    private final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();

    private String listen() {
        String channel = "test_" + UUID.randomUUID().toString().replace("-", "");
        feed.listen(channel, received::add, () -> {});
        return channel;
    }

    private static void insert(Connection c, String channel, String payload) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO change_notice (channel, payload) VALUES (?, ?)")) {
            s.setString(1, channel);
            s.setString(2, payload);
            s.executeUpdate();
        }
    }

    @Test
    void a_committed_notice_arrives_once_and_a_rolled_back_one_never() throws Exception {
        String channel = listen();
        try (Connection c = PostgresTestResource.connect()) {
            c.setAutoCommit(false);
            insert(c, channel, "rolled-back");
            c.rollback();
            insert(c, channel, "committed");
            c.commit();
        }
        assertEquals("committed", received.poll(5, TimeUnit.SECONDS));
        assertNull(received.poll(500, TimeUnit.MILLISECONDS), "delivered twice, or a rolled-back notice arrived");
        assertTrue(feed.connected());
    }

    @Test
    void a_notice_whose_transaction_commits_late_is_not_skipped() throws Exception {
        String channel = listen();
        try (Connection early = PostgresTestResource.connect();
                Connection late = PostgresTestResource.connect()) {
            early.setAutoCommit(false);
            // Begins first and takes the lower id, but commits after a later transaction was already delivered.
            insert(early, channel, "began-first");
            insert(late, channel, "committed-first");
            assertEquals("committed-first", received.poll(5, TimeUnit.SECONDS));
            Thread.sleep(300);
            assertNull(received.poll(), "a notice of an open transaction was delivered");
            early.commit();
            assertEquals("began-first", received.poll(5, TimeUnit.SECONDS));
        }
        assertNull(received.poll(500, TimeUnit.MILLISECONDS));
    }
}
