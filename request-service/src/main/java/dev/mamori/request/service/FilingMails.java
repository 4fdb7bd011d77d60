package dev.mamori.request.service;

import dev.mamori.request.RequestType;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The texts of an online filing's mails, from the templates {@code mail/filing_ja.properties} and
 * {@code mail/filing_en.properties}. Each names the company and says only what the requester needs: the code and
 * how long it lasts, or the receipt number, the kind of request and the due date. Pure: no sending here.
 */
public final class FilingMails {

    /** A mail as composed: where it goes and what it says. */
    public record Composed(String to, String subject, String text) {}

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private FilingMails() {}

    public static Composed code(String language, String company, String to, String code) {
        ResourceBundle texts = texts(language);
        Locale locale = Locale.forLanguageTag(language);
        String minutes = Long.toString(OneTimeCode.VALID_FOR.toMinutes());
        return new Composed(
                to,
                format(texts, locale, "code.subject", company),
                format(texts, locale, "code.text", company, code, minutes));
    }

    public static Composed receipt(
            String language, String company, String to, String receiptNumber, RequestType type, LocalDate dueOn) {
        ResourceBundle texts = texts(language);
        Locale locale = Locale.forLanguageTag(language);
        return new Composed(
                to,
                format(texts, locale, "receipt.subject", company, receiptNumber),
                format(
                        texts,
                        locale,
                        "receipt.text",
                        company,
                        receiptNumber,
                        texts.getString("type." + type.name()),
                        dueOn.toString()));
    }

    private static ResourceBundle texts(String language) {
        return ResourceBundle.getBundle(
                "mail.filing", Locale.forLanguageTag(language), FilingMails.class.getClassLoader(), NO_FALLBACK);
    }

    /** Arguments are strings, so MessageFormat adds no digit grouping to the code or the date. */
    private static String format(ResourceBundle texts, Locale locale, String key, String... args) {
        return new MessageFormat(texts.getString(key), locale).format(args);
    }
}
