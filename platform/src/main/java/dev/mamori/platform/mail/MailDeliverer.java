package dev.mamori.platform.mail;

import dev.mamori.platform.crypto.FieldCipher;
import dev.mamori.platform.outbox.Outbox;
import dev.mamori.platform.outbox.OutboxSql;
import dev.mamori.platform.outbox.OutboxTable;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Sends the mail queued by {@link MailOutbox} with Quarkus Mailer, through the platform's {@link Outbox}: due rows
 * are claimed ({@code FOR UPDATE SKIP LOCKED} and a lease, so replicas never send one row at once), the claim commits,
 * and each mail is sent and its outcome recorded at once in a transaction of its own.
 * <ul>
 *   <li>SMTP down, or a temporary refusal (4xx): the row waits per the outbox's backoff and is sent again; after
 *       {@code mamori.mail.outbox.max-attempts} it is dead-lettered ({@code FAILED}, with its last error) and never
 *       lost.</li>
 *   <li>A permanent refusal (5xx, e.g. no such mailbox) dead-letters it at once: no retry cures it.</li>
 *   <li>Sent: the row is {@code SENT}, its body is erased (kept no longer than needed), and it is not sent again. The
 *       one window left is the outbox's at-least-once: a replica that dies after the server accepted a mail and
 *       before it recorded that leaves the row to be sent again once the lease ends.</li>
 * </ul>
 * Inert unless {@code mamori.mail.enabled=true}: services that send no mail never read their {@code mail_outbox}.
 */
@ApplicationScoped
public class MailDeliverer {

    /** The mail outbox table ({@code db/common} V0_5): the platform's outbox columns plus the sealed mail. */
    public static final OutboxTable TABLE = OutboxTable.builder("mail", "mail_outbox")
            .queued("QUEUED")
            .retrying("RETRYING")
            .dead("FAILED")
            .delivered("SENT")
            .touchedAt("updated_at")
            .build();

    private static final Logger LOG = Logger.getLogger(MailDeliverer.class);

    private static final String HELD = "SELECT CAST(id AS text), tenant_id, recipient, subject, body FROM mail_outbox "
            + "WHERE leased_by = :lease";
    private static final String SENT = "UPDATE mail_outbox SET body = NULL, sent_at = now() WHERE id = :id";

    private final Outbox outbox;
    private final ReactiveMailer mailer;
    private final FieldCipher cipher;
    private final MailSettings settings;

    public MailDeliverer(MailSettings settings, ReactiveMailer mailer, FieldCipher cipher, MeterRegistry meters) {
        this.settings = settings;
        this.mailer = mailer;
        this.cipher = cipher;
        this.outbox = new Outbox(TABLE, settings.outbox(), meters);
    }

    /** Skips every scheduled run while mail is off. */
    @Singleton
    public static class Disabled implements Scheduled.SkipPredicate {
        private final MailSettings settings;

        public Disabled(MailSettings settings) {
            this.settings = settings;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !settings.enabled();
        }
    }

    @Scheduled(
            every = "${mamori.mail.interval:5s}",
            delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Disabled.class)
    Uni<Void> onSchedule() {
        return deliverOnce()
                .onFailure()
                .invoke(e -> LOG.warnf("Mail outbox run failed: %s", e.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** One run: claims due mail, sends each and records its outcome; answers how many it tried. */
    public Uni<Integer> deliverOnce() {
        return Panache.withTransaction(() -> outbox.claim()
                        .chain(claim -> claim.isEmpty()
                                ? Uni.createFrom().item(new Batch(claim, List.of()))
                                : held(claim).map(rows -> new Batch(claim, rows))))
                .chain(batch -> Multi.createFrom()
                        .iterable(batch.rows())
                        .onItem()
                        .transformToUniAndConcatenate(
                                row -> deliver(batch.claim().lease(), row))
                        .collect()
                        .asList()
                        .map(List::size));
    }

    private record Batch(Outbox.Claim claim, List<Row> rows) {}

    private record Row(Outbox.Claimed claimed, String tenantId, String recipient, String subject, String body) {}

    private Uni<List<Row>> held(Outbox.Claim claim) {
        Map<UUID, Outbox.Claimed> byId =
                claim.rows().stream().collect(Collectors.toMap(Outbox.Claimed::id, Function.identity()));
        return OutboxSql.panache().rows(HELD, Map.of("lease", claim.lease())).map(rows -> rows.stream()
                .map(r -> new Row(
                        byId.get(UUID.fromString((String) r[0])), (String) r[1], (String) r[2], (String) r[3], (String)
                                r[4]))
                .filter(r -> r.claimed() != null)
                .toList());
    }

    /** Sends one row and records the outcome; a failure to record leaves the row to its lease (sent again later). */
    private Uni<Void> deliver(UUID lease, Row row) {
        UUID id = row.claimed().id();
        Mail mail;
        try {
            mail = Mail.withText(
                    cipher.decrypt(row.recipient(), MailOutbox.context(row.tenantId(), id, "recipient")),
                    cipher.decrypt(row.subject(), MailOutbox.context(row.tenantId(), id, "subject")),
                    cipher.decrypt(row.body(), MailOutbox.context(row.tenantId(), id, "body")));
        } catch (RuntimeException e) {
            return record(lease, row, Outcome.failed("cannot open the queued mail: " + e.getMessage(), false));
        }
        return mailer.send(mail)
                .ifNoItem()
                .after(settings.sendTimeout())
                .fail()
                .map(v -> Outcome.SENT)
                .onFailure()
                .recoverWithItem(MailDeliverer::outcome)
                .chain(outcome -> record(lease, row, outcome));
    }

    private Uni<Void> record(UUID lease, Row row, Outcome outcome) {
        Outbox.Claimed claimed = row.claimed();
        return Panache.withTransaction(() -> outcome.sent()
                        ? outbox.delivered(lease, claimed, "SENT")
                                .chain(settled -> settled == Outbox.Settled.DELIVERED
                                        ? Panache.getSession()
                                                .chain(session -> session.createNativeQuery(SENT)
                                                        .setParameter("id", claimed.id())
                                                        .executeUpdate())
                                                .replaceWith(settled)
                                        : Uni.createFrom().item(settled))
                        : outbox.failed(lease, claimed, outcome.error(), outcome.retryable()))
                .invoke(settled -> {
                    if (settled == Outbox.Settled.DEAD) {
                        LOG.warnf(
                                "Mail %s of %s dead-lettered after %d attempts: %s",
                                claimed.id(), row.tenantId(), claimed.attempts(), outcome.error());
                    } else if (settled == Outbox.Settled.RETRYING) {
                        LOG.infof(
                                "Mail %s not sent (attempt %d), retried later: %s",
                                claimed.id(), claimed.attempts(), outcome.error());
                    }
                })
                .onFailure()
                .invoke(e -> LOG.warnf("Recording mail %s failed: %s", claimed.id(), e.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** What one send came to. */
    record Outcome(boolean sent, String error, boolean retryable) {
        static final Outcome SENT = new Outcome(true, null, false);

        static Outcome failed(String error, boolean retryable) {
            return new Outcome(false, error, retryable);
        }
    }

    /** A permanent SMTP refusal (5xx) is final; anything else (down, timeout, 4xx) may pass on a later attempt. */
    static Outcome outcome(Throwable failure) {
        Throwable e = failure;
        while (e != null && !(e instanceof SMTPException)) {
            e = e.getCause();
        }
        if (e instanceof SMTPException smtp) {
            return Outcome.failed("SMTP " + smtp.getReplyCode() + ": " + smtp.getReplyMessage(), !smtp.isPermanent());
        }
        String text = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        return Outcome.failed(text, true);
    }
}
