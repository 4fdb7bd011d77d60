package dev.mamori.platform.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.ext.mail.SMTPException;
import java.net.ConnectException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailMessageTest {

    @Test
    void shouldAcceptAPlainAddressAndJapaneseText() {
        MailMessage m = new MailMessage("hanako@example.jp", "【Mamori】確認コード", "確認コード: 123456\n");
        assertEquals("hanako@example.jp", m.to());
    }

    @Test
    void shouldRefuseWhatCouldAddARecipientOrAHeader() {
        for (String to : List.of(
                "a@example.jp\r\nBcc: x@example.jp",
                "a@example.jp, b@example.jp",
                "A <a@example.jp>",
                "no-at-sign",
                "a@b@example.jp",
                "",
                "x".repeat(250) + "@example.jp")) {
            assertFalse(MailMessage.isAddress(to), to);
            assertThrows(IllegalArgumentException.class, () -> new MailMessage(to, "件名", "本文"), to);
        }
        assertFalse(MailMessage.isAddress(null));
        assertThrows(
                IllegalArgumentException.class, () -> new MailMessage("a@example.jp", "件名\r\nBcc: x@example.jp", "本文"));
        assertThrows(IllegalArgumentException.class, () -> new MailMessage("a@example.jp", " ", "本文"));
        assertThrows(IllegalArgumentException.class, () -> new MailMessage("a@example.jp", "件名", null));
        assertThrows(IllegalArgumentException.class, () -> new MailMessage("a@example.jp", "件名", "a\0b"));
    }

    @Test
    void shouldRetryWhatMayPassLaterAndDeadLetterAPermanentRefusal() {
        assertTrue(MailDeliverer.outcome(new ConnectException("Connection refused"))
                .retryable());
        assertTrue(MailDeliverer.outcome(new SMTPException("busy", 451, List.of("451 try later"), false))
                .retryable());
        MailDeliverer.Outcome refused = MailDeliverer.outcome(new IllegalStateException(
                "send failed", new SMTPException("no", 550, List.of("550 no such mailbox"), false)));
        assertFalse(refused.retryable());
        assertTrue(refused.error().startsWith("SMTP 550"), refused.error());
    }
}
