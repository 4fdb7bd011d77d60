package dev.mamori.thirdparty;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) on a free port that thirdparty-service sends its staff mail to. Tests read what arrived for
 * an address ({@link #received}, {@link #awaitMail}); {@link #down()} and {@link #up()} stop and restart it on the
 * same port, as an SMTP server that is down for a while.
 */
public class MailStub implements QuarkusTestResourceLifecycleManager {

    /** A mail as the recipient got it. */
    public record Received(String to, String subject, String text) {}

    private static int port;
    private static GreenMail server;

    @Override
    public Map<String, String> start() {
        port = freePort();
        up();
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(port),
                // Quarkus Mailer only logs mail in test mode unless told to send it.
                "quarkus.mailer.mock", "false",
                "mamori.mail.enabled", "true");
    }

    @Override
    public void stop() {
        down();
    }

    /** Starts the server (again) on its port. */
    public static synchronized void up() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    /** Stops the server: connections to its port are refused until {@link #up()}; what it had received is gone. */
    public static synchronized void down() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Every mail received for {@code address} since the server last started, oldest first. */
    public static synchronized List<Received> received(String address) {
        if (server == null) {
            return List.of();
        }
        return Arrays.stream(server.getReceivedMessages())
                .filter(m -> recipients(m).contains(address))
                .map(m -> read(m, address))
                .toList();
    }

    /** Waits (at most {@code wait}) until a mail for {@code address} has arrived, and answers the first. */
    public static Received awaitMail(String address, Duration wait) {
        long until = System.nanoTime() + wait.toNanos();
        while (true) {
            List<Received> mails = received(address);
            if (!mails.isEmpty()) {
                return mails.get(0);
            }
            if (System.nanoTime() > until) {
                throw new AssertionError("no mail for " + address + " within " + wait);
            }
            sleep();
        }
    }

    private static List<String> recipients(MimeMessage m) {
        try {
            return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                    .map(Object::toString)
                    .toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Received read(MimeMessage m, String address) {
        try {
            Object content = m.getContent();
            String text = content instanceof String s ? s : GreenMailUtil.getBody(m);
            return new Received(address, m.getSubject(), text);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
