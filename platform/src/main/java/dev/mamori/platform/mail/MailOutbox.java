package dev.mamori.platform.mail;

import dev.mamori.platform.crypto.FieldCipher;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Queues mail in the service's own {@code mail_outbox} table, in the caller's transaction: the mail goes out if and
 * only if the change that asks for it commits (a rolled-back filing sends no code). {@link MailDeliverer} sends it
 * afterwards, retrying while the SMTP server is down. The recipient, subject and body are sealed with the service's
 * {@link FieldCipher} (APPI Art. 23), so a service that queues mail names a {@code mamori.cipher.domain}.
 */
@ApplicationScoped
public class MailOutbox {

    static final String INSERT = "INSERT INTO mail_outbox (id, tenant_id, recipient, subject, body, status, "
            + "next_attempt_at) VALUES (:id, :tenant, :recipient, :subject, :body, 'QUEUED', now())";
    /** {@link #INSERT} with positional parameters, for a Vert.x SQL client. */
    static final String INSERT_PLAIN = "INSERT INTO mail_outbox (id, tenant_id, recipient, subject, body, status, "
            + "next_attempt_at) VALUES ($1, $2, $3, $4, $5, 'QUEUED', now())";

    private final FieldCipher cipher;

    public MailOutbox(FieldCipher cipher) {
        this.cipher = cipher;
    }

    /**
     * Writes {@code message} for {@code tenantId} into the current Hibernate Reactive transaction
     * ({@code @WithTransaction} or {@code Panache.withTransaction}); fails without one, since a mail written outside
     * the change it belongs to could go out for a change that never happened.
     */
    public Uni<Void> enqueue(String tenantId, MailMessage message) {
        if (!complete(tenantId, message)) {
            return incomplete();
        }
        return Panache.currentTransaction().chain(tx -> {
            if (tx == null) {
                return Uni.createFrom()
                        .failure(new IllegalStateException("MailOutbox.enqueue must run inside the transaction of "
                                + "the change the mail belongs to"));
            }
            Sealed sealed = seal(tenantId, message);
            return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                    .setParameter("id", sealed.id())
                    .setParameter("tenant", tenantId)
                    .setParameter("recipient", sealed.recipient())
                    .setParameter("subject", sealed.subject())
                    .setParameter("body", sealed.body())
                    .executeUpdate()
                    .replaceWithVoid());
        });
    }

    /**
     * As {@link #enqueue(String, MailMessage)}, on a Vert.x SQL client (a connection the caller has begun the change's
     * transaction on): a write without the ORM, or a test without Quarkus. Which transaction it is in is the caller's
     * to say; a client outside one would send the mail whether or not the change commits.
     */
    public Uni<Void> enqueue(SqlClient client, String tenantId, MailMessage message) {
        if (!complete(tenantId, message)) {
            return incomplete();
        }
        Sealed sealed = seal(tenantId, message);
        return client.preparedQuery(INSERT_PLAIN)
                .execute(Tuple.of(sealed.id(), tenantId, sealed.recipient(), sealed.subject(), sealed.body()))
                .replaceWithVoid();
    }

    private record Sealed(UUID id, String recipient, String subject, String body) {}

    /** The row's id and its fields sealed for that row, so each reads only where it was written. */
    private Sealed seal(String tenantId, MailMessage message) {
        UUID id = UUID.randomUUID();
        return new Sealed(
                id,
                cipher.encrypt(message.to(), context(tenantId, id, "recipient")),
                cipher.encrypt(message.subject(), context(tenantId, id, "subject")),
                cipher.encrypt(message.text(), context(tenantId, id, "body")));
    }

    private static boolean complete(String tenantId, MailMessage message) {
        return tenantId != null && !tenantId.isBlank() && message != null;
    }

    private static Uni<Void> incomplete() {
        return Uni.createFrom().failure(new IllegalArgumentException("a mail needs a tenant and a message"));
    }

    /** Where a sealed field of a queued mail belongs: moved to another row or column, it no longer opens. */
    static String context(String tenantId, UUID id, String field) {
        return "mail_outbox:" + tenantId + ":" + id + ":" + field;
    }
}
