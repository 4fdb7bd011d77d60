package dev.mamori.launcher;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The local suite's mail server: GreenMail in the launcher's JVM, SMTP (where the services send) and IMAP (where a
 * mail client reads: user and password are the recipient's address) on localhost. It accepts mail for any address
 * and delivers nothing onwards. Every message received is also written to {@code <data>/mail/} as an {@code .eml}
 * file, so {@code bin/mamori mail} lists everything the suite sent, also after a restart ({@code --fresh} clears it).
 */
final class LocalMail implements AutoCloseable {

    static final String FOLDER = "mail";

    private final GreenMail greenMail;
    private final Path folder;
    private final Consumer<String> out;
    private final Set<String> saved = new HashSet<>();
    private final Thread saver;
    private volatile boolean running = true;
    private long sequence;

    private LocalMail(GreenMail greenMail, Path folder, Consumer<String> out) {
        this.greenMail = greenMail;
        this.folder = folder;
        this.out = out;
        this.saver = new Thread(this::saveLoop, "mamori-mail-saver");
        this.saver.setDaemon(true);
    }

    static LocalMail start(Path dataDir, int smtpPort, int imapPort, Consumer<String> out) throws IOException {
        Path folder = dataDir.resolve(FOLDER);
        Files.createDirectories(folder);
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
        });
        try {
            greenMail.start();
        } catch (RuntimeException e) {
            throw new SuiteException(
                    "the mail server (GreenMail) did not start on SMTP " + smtpPort + " / IMAP " + imapPort + ": "
                            + e.getMessage(),
                    e);
        }
        LocalMail mail = new LocalMail(greenMail, folder, out);
        mail.saver.start();
        return mail;
    }

    /** Copies what arrived since the last look into the mail folder, once per message and mailbox. */
    private void saveLoop() {
        while (running) {
            try {
                saveNew();
            } catch (RuntimeException | IOException | FolderException | MessagingException e) {
                out.accept("WARNING: could not save received mail: " + e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    synchronized void saveNew() throws IOException, FolderException, MessagingException {
        for (GreenMailUser user : greenMail.getUserManager().listUser()) {
            MailFolder inbox = greenMail.getManagers().getImapHostManager().getInbox(user);
            for (StoredMessage m : inbox.getMessages()) {
                if (!saved.add(user.getEmail() + "/" + inbox.getUidValidity() + "/" + m.getUid())) {
                    continue;
                }
                Date received = m.getReceivedDate() != null ? m.getReceivedDate() : new Date();
                String name = String.format(Locale.ROOT, "%d-%06d.eml", received.getTime(), ++sequence);
                Path tmp = folder.resolve(name + ".tmp");
                try (OutputStream os = Files.newOutputStream(tmp)) {
                    m.getMimeMessage().writeTo(os);
                }
                Files.move(tmp, folder.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        saver.interrupt();
        try {
            saver.join(5000);
            saveNew(); // what arrived in the last half second
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | FolderException | MessagingException | RuntimeException e) {
            out.accept("WARNING: could not save received mail: " + e);
        }
        greenMail.stop();
    }

    // ---- reading (bin/mamori mail) -------------------------------------------------------------------------------

    /** A received mail as {@code bin/mamori mail} shows it. */
    record Received(Instant date, String to, String from, String subject, String body) {}

    /** Every mail saved in {@code <data>/mail}, oldest first. */
    static List<Received> read(Path dataDir) throws IOException {
        Path folder = dataDir.resolve(FOLDER);
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, "*.eml")) {
                ds.forEach(files::add);
            }
        }
        files.sort(null);
        Session session = Session.getInstance(new Properties());
        List<Received> mails = new ArrayList<>();
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f)) {
                MimeMessage m = new MimeMessage(session, in);
                Date sent = m.getSentDate();
                Instant date = sent != null
                        ? sent.toInstant()
                        : Files.getLastModifiedTime(f).toInstant();
                mails.add(new Received(
                        date,
                        addresses(m.getRecipients(Message.RecipientType.TO)),
                        addresses(m.getFrom()),
                        m.getSubject(),
                        text(m)));
            } catch (MessagingException e) {
                mails.add(new Received(
                        Files.getLastModifiedTime(f).toInstant(), "?", "?", "(unreadable: " + f + ")", e.toString()));
            }
        }
        return mails;
    }

    /** The mails as text: date (Japan time), to, subject, body, one after the other. */
    static String format(List<Received> mails) {
        DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT)
                .withZone(ZoneId.of("Asia/Tokyo"));
        StringBuilder sb = new StringBuilder();
        for (Received m : mails) {
            sb.append("────────────────────────────────────────────────────────────\n");
            sb.append("Date:    ").append(when.format(m.date())).append('\n');
            sb.append("To:      ").append(m.to()).append('\n');
            sb.append("From:    ").append(m.from()).append('\n');
            sb.append("Subject: ").append(m.subject()).append("\n\n");
            sb.append(m.body().strip()).append("\n");
        }
        return sb.toString();
    }

    private static String addresses(Address[] addresses) {
        if (addresses == null || addresses.length == 0) {
            return "";
        }
        List<String> list = new ArrayList<>();
        for (Address a : addresses) {
            list.add(a.toString());
        }
        return String.join(", ", list);
    }

    /** The plain-text body (the first text/plain part of a multipart mail). */
    private static String text(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof Multipart multi) {
            String html = null;
            for (int i = 0; i < multi.getCount(); i++) {
                BodyPart p = multi.getBodyPart(i);
                if (p.isMimeType("text/plain")) {
                    return text(p);
                }
                if (p.isMimeType("multipart/*")) {
                    String inner = text(p);
                    if (!inner.isEmpty()) {
                        return inner;
                    }
                }
                if (p.isMimeType("text/html") && html == null) {
                    html = text(p);
                }
            }
            return html == null ? "" : html;
        }
        return "";
    }
}
