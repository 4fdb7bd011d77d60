package dev.mamori.request.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.platform.crypto.FieldCipher;
import dev.mamori.request.DataSubjectRequest;
import dev.mamori.request.DecisionOutcome;
import dev.mamori.request.DeliveryMethod;
import dev.mamori.request.RequestStatus;
import dev.mamori.request.service.RequestService.StoredContact;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;

/**
 * Mails the person what the law says they are owed, in the transaction of the change: the refusal of a request in
 * whole or part with its ground and reason (Arts. 32(3), 33(3), 34(3), 35(7), 36), an extension of the due date with
 * the new date and the reason, and the completion of a request with how its result reaches them; a disclosure asked
 * for electronically is delivered by a download link ({@link ResultDeliveryService}). Only requests filed online get
 * these mails: their requester gave an address for them and the language of the filing. Requests entered by staff or
 * a client system are answered the way they came in (the result notice staff record).
 */
@ApplicationScoped
public class PersonNotices {

    private final FilingMail mail;
    private final ResultDeliveryService deliveries;
    private final FieldCipher cipher;
    private final ObjectMapper json;

    public PersonNotices(FilingMail mail, ResultDeliveryService deliveries, FieldCipher cipher, ObjectMapper json) {
        this.mail = mail;
        this.deliveries = deliveries;
        this.cipher = cipher;
        this.json = json;
    }

    /** After a decision: a partial approval's refusal of the rest (a whole refusal is mailed when it closes). */
    Uni<Void> decided(DataSubjectRequest r) {
        if (r.outcome != DecisionOutcome.PARTIALLY_APPROVED) {
            return Uni.createFrom().voidItem();
        }
        return send(
                r,
                (company, to) -> NoticeMails.refusal(
                        r.language, company, to, r.receiptNumber, r.type, r.refusalGround, r.decisionReason, true));
    }

    /** The due date was extended. */
    Uni<Void> extended(DataSubjectRequest r) {
        return send(
                r,
                (company, to) -> NoticeMails.extension(
                        r.language, company, to, r.receiptNumber, r.type, r.dueOn, r.extensionReason));
    }

    /**
     * The request closed with its result: a refusal names its ground and reason; a completed disclosure asked for
     * electronically gets its download link; any other completion says how the result reaches the person.
     */
    Uni<Void> closed(DataSubjectRequest r, OffsetDateTime now) {
        String to = mailedTo(r);
        if (to == null) {
            return Uni.createFrom().voidItem();
        }
        if (r.status == RequestStatus.REFUSED) {
            return send(
                    r,
                    (company, address) -> NoticeMails.refusal(
                            r.language,
                            company,
                            address,
                            r.receiptNumber,
                            r.type,
                            r.refusalGround,
                            r.decisionReason,
                            false));
        }
        if (r.status != RequestStatus.COMPLETED) {
            return Uni.createFrom().voidItem();
        }
        if (r.deliveryMethod == DeliveryMethod.ELECTRONIC) {
            return mail.companyOf(r.tenantId).chain(company -> deliveries.open(r, to, company, now));
        }
        return send(
                r,
                (company, address) ->
                        NoticeMails.completed(r.language, company, address, r.receiptNumber, r.type, r.deliveryMethod));
    }

    private interface Compose {
        FilingMails.Composed apply(String company, String to);
    }

    private Uni<Void> send(DataSubjectRequest r, Compose compose) {
        String to = mailedTo(r);
        if (to == null) {
            return Uni.createFrom().voidItem();
        }
        return mail.companyOf(r.tenantId).chain(company -> mail.send(r.tenantId, compose.apply(company, to)));
    }

    /** The requester's address if the request was filed online (it has a language and a receipt number), else null. */
    private String mailedTo(DataSubjectRequest r) {
        if (r.language == null || r.receiptNumber == null) {
            return null;
        }
        return requesterEmail(cipher, json, r);
    }

    /** The requester's email as they gave it, or null. */
    static String requesterEmail(FieldCipher cipher, ObjectMapper json, DataSubjectRequest r) {
        try {
            StoredContact contact = json.readValue(
                    cipher.decrypt(r.requesterContactCipher, r.tenantId + "/" + r.id + "/requester.contact"),
                    StoredContact.class);
            return contact.email() == null || contact.email().isBlank()
                    ? null
                    : contact.email().strip();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Decrypted contact is not the expected JSON", e);
        }
    }
}
