package dev.mamori.request.service;

import dev.mamori.platform.mail.MailMessage;
import dev.mamori.platform.mail.MailOutbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sends an online filing's mails (composed by {@link FilingMails}) through the service's mail outbox, inside the
 * caller's transaction, so a mail is queued if and only if the change it reports commits.
 */
@ApplicationScoped
public class FilingMail {

    private final MailOutbox outbox;

    public FilingMail(MailOutbox outbox) {
        this.outbox = outbox;
    }

    /**
     * The company as the mails name it. request-service does not hold the controller's name (consent-service's
     * tenant policy does), so it is the tenant id.
     */
    public String companyOf(String tenantId) {
        return tenantId;
    }

    public Uni<Void> send(String tenantId, FilingMails.Composed mail) {
        return outbox.enqueue(tenantId, new MailMessage(mail.to(), mail.subject(), mail.text()));
    }
}
