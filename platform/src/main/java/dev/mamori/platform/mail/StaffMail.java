package dev.mamori.platform.mail;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A mail to a tenant's staff ({@link StaffRecipients}) about one thing, sent once whatever the replicas or the runs of
 * a job: a row of the platform table {@value #TABLE} keyed by (tenant, kind, subject, day) is inserted in the caller's
 * transaction with {@code ON CONFLICT DO NOTHING}, and only a new row queues the mail ({@link MailOutbox}) to every
 * recipient. A second replica's insert waits for the first's transaction: if that commits, the row is there and the
 * second sends nothing; if it rolls back, the mail and the row are gone together and the second sends. A tenant
 * without recipients gets no mail and leaves no row, so recipients named later still hear of it.
 *
 * <p>What a kind is and what its day means belong to the service (a due date, so that a moved due date brings a new
 * mail; or the day in Japan, for once a day). The subject is an id or a word, never personal data: staff mails carry
 * none (APPI Art. 23).
 */
@ApplicationScoped
public class StaffMail {

    /** The platform table ({@code db/common} V0_6) of the staff mails sent. */
    public static final String TABLE = "staff_mail_sent";

    static final String CLAIM = "INSERT INTO " + TABLE + " (tenant_id, kind, subject, day) "
            + "VALUES (:tenant, :kind, :subject, :day) ON CONFLICT DO NOTHING";
    /** {@link #CLAIM} with positional parameters, for a Vert.x SQL client. */
    static final String CLAIM_PLAIN =
            "INSERT INTO " + TABLE + " (tenant_id, kind, subject, day) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING";

    /** What a staff mail says. */
    public record Text(String subject, String text) {}

    private final StaffRecipients staff;
    private final MailOutbox outbox;

    public StaffMail(StaffRecipients staff, MailOutbox outbox) {
        this.staff = staff;
        this.outbox = outbox;
    }

    /**
     * A condition for a service's query: no mail of {@code kind} was sent about {@code subject} on {@code day} for
     * {@code tenant}, each an SQL expression of the query (a column, a literal, a parameter). The scheduled jobs look
     * only for what has not been mailed yet; {@link #sendOnce} still decides.
     */
    public static String notSent(String tenant, String kind, String subject, String day) {
        return "NOT EXISTS (SELECT 1 FROM " + TABLE + " sent WHERE sent.tenant_id = " + tenant + " AND sent.kind = "
                + kind + " AND sent.subject = " + subject + " AND sent.day = " + day + ")";
    }

    /**
     * Queues {@code mail} (composed only if it goes) to the tenant's staff in the current Hibernate Reactive
     * transaction, unless {@code kind} about {@code subject} on {@code day} was sent already; answers whether it was
     * queued now.
     */
    public Uni<Boolean> sendOnce(String tenantId, String kind, String subject, LocalDate day, Supplier<Text> mail) {
        return send(
                tenantId,
                mail,
                () -> Panache.getSession().chain(s -> s.createNativeQuery(CLAIM)
                        .setParameter("tenant", tenantId)
                        .setParameter("kind", kind)
                        .setParameter("subject", subject)
                        .setParameter("day", day)
                        .executeUpdate()),
                message -> outbox.enqueue(tenantId, message));
    }

    /**
     * As {@link #sendOnce(String, String, String, LocalDate, Supplier)}, on a Vert.x SQL client inside the
     * transaction the caller has begun on it.
     */
    public Uni<Boolean> sendOnce(
            SqlClient client, String tenantId, String kind, String subject, LocalDate day, Supplier<Text> mail) {
        return send(
                tenantId,
                mail,
                () -> client.preparedQuery(CLAIM_PLAIN)
                        .execute(Tuple.of(tenantId, kind, subject, day))
                        .map(rows -> rows.rowCount()),
                message -> outbox.enqueue(client, tenantId, message));
    }

    private Uni<Boolean> send(
            String tenantId,
            Supplier<Text> mail,
            Supplier<Uni<Integer>> claim,
            Function<MailMessage, Uni<Void>> enqueue) {
        List<String> recipients = staff.of(tenantId);
        if (recipients.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        return claim.get().chain(inserted -> {
            if (inserted != 1) {
                return Uni.createFrom().item(false);
            }
            Text text = mail.get();
            return Multi.createFrom()
                    .iterable(recipients)
                    .onItem()
                    .transformToUniAndConcatenate(to -> enqueue.apply(new MailMessage(to, text.subject(), text.text())))
                    .collect()
                    .last()
                    .replaceWith(true);
        });
    }
}
