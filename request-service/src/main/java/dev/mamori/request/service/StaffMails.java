package dev.mamori.request.service;

import dev.mamori.platform.mail.MailMessage;
import dev.mamori.platform.mail.StaffMail;
import dev.mamori.request.RequestType;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.UUID;

/**
 * The texts of the staff mails, from the templates {@code mail/staff_ja.properties} and
 * {@code mail/staff_en.properties}: Japanese first, English below it in the same mail. A staff mail names a request
 * only by its id, receipt number, kind and due date, and links to it in the console; it never carries the
 * requester's or the person's data (name, contact, subjectRef, what they asked): a mail is read outside the console's
 * access control and kept in mailboxes (APPI Art. 23, security control measures). Pure: no sending here.
 */
public final class StaffMails {

    /** What a staff mail is about; also its {@code kind} for platform {@code StaffMail} (sent once per kind). */
    public enum Kind {
        AWAITING_DECISION,
        NEAR_DUE,
        OVERDUE,
        DIGEST
    }

    /** The request a mail is about, as far as a staff mail may name it. */
    public record About(UUID requestId, String receiptNumber, RequestType type, LocalDate dueOn) {}

    /** The digest's counts over the tenant's open requests. */
    public record Counts(long open, long awaitingDecision, long nearDue, long overdue, long filedOnlineNotLinked) {}

    static final String SEPARATOR = "\n----------------------------------------\n\n";

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private StaffMails() {}

    /** A request whose requester was verified now awaits the company's decision. */
    public static StaffMail.Text awaitingDecision(String tenantId, About request, String link) {
        return compose("awaiting", "awaiting", (texts, locale) -> new String[] {
            tenantId, reference(request), request.dueOn().toString(), block(texts, locale, request), link
        });
    }

    /** A request is due in {@code businessDaysLeft} business days (0: today). */
    public static StaffMail.Text nearDue(String tenantId, About request, int businessDaysLeft, String link) {
        return compose("near", businessDaysLeft > 0 ? "near" : "near.today", (texts, locale) -> new String[] {
            tenantId,
            reference(request),
            request.dueOn().toString(),
            block(texts, locale, request),
            link,
            Integer.toString(businessDaysLeft)
        });
    }

    /** A request is past its due date. */
    public static StaffMail.Text overdue(String tenantId, About request, String link) {
        return compose("overdue", "overdue", (texts, locale) -> new String[] {
            tenantId, reference(request), request.dueOn().toString(), block(texts, locale, request), link
        });
    }

    /** The daily digest of {@code day}. */
    public static StaffMail.Text digest(String tenantId, LocalDate day, Counts counts, String consoleLink) {
        return compose("digest", "digest", (texts, locale) -> new String[] {
            tenantId,
            day.toString(),
            Long.toString(counts.open()),
            Long.toString(counts.awaitingDecision()),
            Long.toString(counts.nearDue()),
            Long.toString(counts.overdue()),
            Long.toString(counts.filedOnlineNotLinked()),
            consoleLink
        });
    }

    private interface Args {
        String[] of(ResourceBundle texts, Locale locale);
    }

    /**
     * The subject is the Japanese one with the English after a slash; the body the Japanese text, a rule, the English
     * text. Arguments of a request's mail: {0} tenant, {1} receipt number or id, {2} due date, {3} the request's
     * lines, {4} the console link, {5} business days left.
     */
    private static StaffMail.Text compose(String subjectKey, String textKey, Args args) {
        ResourceBundle ja = texts("ja");
        ResourceBundle en = texts("en");
        Locale jaLocale = Locale.JAPANESE;
        Locale enLocale = Locale.ENGLISH;
        String[] jaArgs = args.of(ja, jaLocale);
        String[] enArgs = args.of(en, enLocale);
        String subject = format(ja, jaLocale, subjectKey + ".subject", jaArgs) + " / "
                + format(en, enLocale, subjectKey + ".subject", enArgs);
        if (subject.length() > MailMessage.MAX_SUBJECT) {
            subject = subject.substring(0, MailMessage.MAX_SUBJECT - 1) + "…";
        }
        String text = format(ja, jaLocale, textKey + ".text", jaArgs)
                + SEPARATOR
                + format(en, enLocale, textKey + ".text", enArgs);
        return new StaffMail.Text(subject, text);
    }

    /** How the subject names a request: its receipt number when filed online, else its id. */
    static String reference(About request) {
        return request.receiptNumber() != null
                ? request.receiptNumber()
                : request.requestId().toString();
    }

    private static String block(ResourceBundle texts, Locale locale, About request) {
        StringBuilder b = new StringBuilder();
        if (request.receiptNumber() != null) {
            b.append(format(texts, locale, "request.receipt", request.receiptNumber()));
        }
        b.append(format(texts, locale, "request.id", request.requestId().toString()));
        b.append(format(
                texts,
                locale,
                "request.type",
                texts.getString("type." + request.type().name())));
        b.append(format(texts, locale, "request.due", request.dueOn().toString()));
        return b.toString();
    }

    private static ResourceBundle texts(String language) {
        return ResourceBundle.getBundle(
                "mail.staff", Locale.forLanguageTag(language), StaffMails.class.getClassLoader(), NO_FALLBACK);
    }

    /** Arguments are strings, so MessageFormat adds no digit grouping to counts, ids or dates. */
    private static String format(ResourceBundle texts, Locale locale, String key, String... args) {
        return new MessageFormat(texts.getString(key), locale).format(args);
    }
}
