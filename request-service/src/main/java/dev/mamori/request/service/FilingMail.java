package dev.mamori.request.service;

import dev.mamori.platform.mail.MailMessage;
import dev.mamori.platform.mail.MailOutbox;
import dev.mamori.request.client.ControllerNames;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sends an online filing's mails (composed by {@link FilingMails}) through the service's mail outbox, inside the
 * caller's transaction, so a mail is queued if and only if the change it reports commits.
 */
@ApplicationScoped
public class FilingMail {

    private final MailOutbox outbox;
    private final ControllerNames controllers;

    public FilingMail(MailOutbox outbox, ControllerNames controllers) {
        this.outbox = outbox;
        this.controllers = controllers;
    }

    /**
     * The company as the mails name it: the controller's name in consent-service's tenant policy, the tenant id when
     * it is unset or consent-service does not answer ({@link ControllerNames}).
     */
    public Uni<String> companyOf(String tenantId) {
        return controllers.of(tenantId);
    }

    public Uni<Void> send(String tenantId, FilingMails.Composed mail) {
        return outbox.enqueue(tenantId, new MailMessage(mail.to(), mail.subject(), mail.text()));
    }
}
