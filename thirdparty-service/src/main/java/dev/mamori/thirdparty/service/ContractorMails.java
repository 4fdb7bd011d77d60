package dev.mamori.thirdparty.service;

import dev.mamori.platform.mail.MailMessage;
import dev.mamori.platform.mail.StaffMail;
import dev.mamori.thirdparty.CertificationScheme;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.UUID;

/**
 * The texts of the staff mails about contractors (APPI Art. 25: the client supervises its contractors), from
 * {@code mail/staff_ja.properties} and {@code mail/staff_en.properties}: Japanese first, English below it. A mail
 * names the contractor by its id and links to the console; it carries no party name (a contractor may be a sole
 * proprietor) and no personal data. Pure: no sending here.
 */
public final class ContractorMails {

    /** What a staff mail is about; also its {@code kind} for platform {@code StaffMail} (sent once per kind). */
    public enum Kind {
        CERTIFICATION_EXPIRING,
        AUDIT_DUE
    }

    static final String SEPARATOR = "\n----------------------------------------\n\n";

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private ContractorMails() {}

    /** A certification in force of {@code contractorId} expires on {@code expiresOn}. */
    public static StaffMail.Text certificationExpiring(
            String tenantId,
            UUID contractorId,
            CertificationScheme scheme,
            String number,
            LocalDate expiresOn,
            LocalDate today,
            String link) {
        long days = ChronoUnit.DAYS.between(today, expiresOn);
        return compose("certification", texts -> new String[] {
            tenantId,
            contractorId.toString(),
            texts.getString("scheme." + scheme.name()),
            expiresOn.toString(),
            Long.toString(days),
            number,
            link
        });
    }

    /** The periodic audit of {@code contractorId} is due on {@code dueOn}. */
    public static StaffMail.Text auditDue(
            String tenantId, UUID contractorId, LocalDate dueOn, LocalDate today, String link) {
        long days = ChronoUnit.DAYS.between(today, dueOn);
        return compose("audit", texts ->
                new String[] {tenantId, contractorId.toString(), dueOn.toString(), Long.toString(days), link});
    }

    private interface Args {
        String[] of(ResourceBundle texts);
    }

    private static StaffMail.Text compose(String key, Args args) {
        ResourceBundle ja = texts("ja");
        ResourceBundle en = texts("en");
        String[] jaArgs = args.of(ja);
        String[] enArgs = args.of(en);
        String subject = format(ja, Locale.JAPANESE, key + ".subject", jaArgs) + " / "
                + format(en, Locale.ENGLISH, key + ".subject", enArgs);
        if (subject.length() > MailMessage.MAX_SUBJECT) {
            subject = subject.substring(0, MailMessage.MAX_SUBJECT - 1) + "…";
        }
        String text = format(ja, Locale.JAPANESE, key + ".text", jaArgs)
                + SEPARATOR
                + format(en, Locale.ENGLISH, key + ".text", enArgs);
        return new StaffMail.Text(subject, text);
    }

    private static ResourceBundle texts(String language) {
        return ResourceBundle.getBundle(
                "mail.staff", Locale.forLanguageTag(language), ContractorMails.class.getClassLoader(), NO_FALLBACK);
    }

    /** Arguments are strings, so MessageFormat adds no digit grouping to numbers or dates. */
    private static String format(ResourceBundle texts, Locale locale, String key, String... args) {
        return new MessageFormat(texts.getString(key), locale).format(args);
    }
}
