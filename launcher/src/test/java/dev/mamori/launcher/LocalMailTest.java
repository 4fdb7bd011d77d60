package dev.mamori.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local mail server as bin/mamori runs it: a service sends over SMTP, a newcomer reads it back. */
class LocalMailTest {

    @TempDir
    Path data;

    @Test
    void shouldKeepEveryMailReceivedAndShowItWithItsRecipientSubjectAndBody() throws Exception {
        int smtp = freePort();
        int imap = freePort();
        List<String> log = new ArrayList<>();
        try (LocalMail mail = LocalMail.start(data, smtp, imap, log::add)) {
            send(smtp, "hanako@example.jp", "【Mamori】確認コード", "確認コード: 123456\nConfirmation code: 123456");
            send(smtp, "agent@example.jp", "受付のお知らせ", "受付番号: R-0001-0002");

            List<LocalMail.Received> received = awaitSaved(2);
            assertEquals("hanako@example.jp", received.get(0).to());
            assertEquals("【Mamori】確認コード", received.get(0).subject());
            assertTrue(
                    received.get(0).body().contains("確認コード: 123456"),
                    received.get(0).body());
            assertEquals("agent@example.jp", received.get(1).to());

            // A mail client reads it over IMAP, user and password being the recipient's address.
            Store store = Session.getInstance(new Properties()).getStore("imap");
            store.connect("127.0.0.1", imap, "hanako@example.jp", "hanako@example.jp");
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                assertEquals(1, inbox.getMessageCount());
                assertEquals("【Mamori】確認コード", inbox.getMessage(1).getSubject());
                inbox.close(false);
            } finally {
                store.close();
            }
        }
        // Kept after the server stops (bin/mamori mail reads the folder), each mail once.
        List<LocalMail.Received> kept = LocalMail.read(data);
        assertEquals(2, kept.size());
        String shown = LocalMail.format(kept);
        assertTrue(shown.contains("To:      hanako@example.jp"), shown);
        assertTrue(shown.contains("Subject: 受付のお知らせ"), shown);
        assertTrue(shown.contains("受付番号: R-0001-0002"), shown);
        assertTrue(log.isEmpty(), "no warnings: " + log);
    }

    private List<LocalMail.Received> awaitSaved(int count) throws IOException, InterruptedException {
        long until = System.nanoTime() + 20_000_000_000L;
        List<LocalMail.Received> received = LocalMail.read(data);
        while (received.size() < count) {
            if (System.nanoTime() > until) {
                throw new AssertionError("only " + received.size() + " mails saved in " + data);
            }
            Thread.sleep(100);
            received = LocalMail.read(data);
        }
        return received;
    }

    private static void send(int port, String to, String subject, String text) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(port));
        MimeMessage m = new MimeMessage(Session.getInstance(props));
        m.setFrom(new InternetAddress("no-reply@mamori.local"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        m.setSubject(subject, "UTF-8");
        m.setText(text, "UTF-8");
        m.setSentDate(new java.util.Date());
        Transport.send(m);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
