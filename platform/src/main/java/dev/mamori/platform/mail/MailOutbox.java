package dev.mamori.platform.mail;

import dev.mamori.platform.crypto.FieldCipher;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
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
        if (tenantId == null || tenantId.isBlank() || message == null) {
            return Uni.createFrom().failure(new IllegalArgumentException("a mail needs a tenant and a message"));
        }
        return Panache.currentTransaction().chain(tx -> {
            if (tx == null) {
                return Uni.createFrom()
                        .failure(new IllegalStateException("MailOutbox.enqueue must run inside the transaction of "
                                + "the change the mail belongs to"));
            }
            UUID id = UUID.randomUUID();
            return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                    .setParameter("id", id)
                    .setParameter("tenant", tenantId)
                    .setParameter("recipient", cipher.encrypt(message.to(), context(tenantId, id, "recipient")))
                    .setParameter("subject", cipher.encrypt(message.subject(), context(tenantId, id, "subject")))
                    .setParameter("body", cipher.encrypt(message.text(), context(tenantId, id, "body")))
                    .executeUpdate()
                    .replaceWithVoid());
        });
    }

    /** Where a sealed field of a queued mail belongs: moved to another row or column, it no longer opens. */
    static String context(String tenantId, UUID id, String field) {
        return "mail_outbox:" + tenantId + ":" + id + ":" + field;
    }
}
