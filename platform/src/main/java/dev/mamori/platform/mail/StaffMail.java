package dev.mamori.platform.mail;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/**
 * A mail to a tenant's staff ({@link StaffRecipients}) about one thing, sent once whatever the replicas: a row of
 * {@code staff_notice} (tenant, kind, subject, day) is inserted in the caller's transaction with
 * {@code ON CONFLICT DO NOTHING}, and only a new row queues the mail ({@link MailOutbox}) to every recipient. A second
 * replica's insert waits for the first's transaction and then finds the row; a rollback takes both back.
 */
@ApplicationScoped
public class StaffMail {

    static final String RECORD = "INSERT INTO staff_notice (tenant_id, kind, subject, day) "
            + "VALUES (:tenant, :kind, :subject, :day) ON CONFLICT DO NOTHING";

    /** What a staff mail says. */
    public record Text(String subject, String text) {}

    private final StaffRecipients staff;
    private final MailOutbox outbox;

    public StaffMail(StaffRecipients staff, MailOutbox outbox) {
        this.staff = staff;
        this.outbox = outbox;
    }

    /**
     * Queues {@code mail} (composed only if it goes) to the tenant's staff, unless {@code kind} about {@code subject}
     * on {@code day} was already sent; answers whether it was queued now. A tenant without recipients gets none and
     * leaves no row, so recipients named later still hear of it.
     */
    public Uni<Boolean> sendOnce(String tenantId, String kind, String subject, LocalDate day, Supplier<Text> mail) {
        List<String> recipients = staff.of(tenantId);
        if (recipients.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(RECORD)
                        .setParameter("tenant", tenantId)
                        .setParameter("kind", kind)
                        .setParameter("subject", subject)
                        .setParameter("day", day)
                        .executeUpdate())
                .chain(inserted -> {
                    if (inserted != 1) {
                        return Uni.createFrom().item(false);
                    }
                    Text text = mail.get();
                    return Multi.createFrom()
                            .iterable(recipients)
                            .onItem()
                            .transformToUniAndConcatenate(
                                    to -> outbox.enqueue(tenantId, new MailMessage(to, text.subject(), text.text())))
                            .collect()
                            .last()
                            .replaceWith(true);
                });
    }
}
