package dev.mamori.request.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sends an online filing's mails (composed by {@link FilingMails}) through the service's mail outbox, inside the
 * caller's transaction, so a mail is queued if and only if the change it reports commits.
 */
@ApplicationScoped
public class FilingMail {

    /**
     * The company as the mails name it. request-service does not hold the controller's name (consent-service's
     * tenant policy does), so it is the tenant id.
     */
    public String companyOf(String tenantId) {
        return tenantId;
    }

    public Uni<Void> send(String tenantId, FilingMails.Composed mail) {
        // SEAM (mail outbox): replaced by MailOutbox.enqueue once the platform's mail mechanism is merged.
        return Uni.createFrom().voidItem();
    }
}
