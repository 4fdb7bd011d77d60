package dev.mamori.request.service;

import dev.mamori.request.DeliveryMethod;
import dev.mamori.request.RefusalGround;
import dev.mamori.request.RequestType;
import dev.mamori.request.service.FilingMails.Composed;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The texts of the person's mails about a request filed online, from the templates {@code mail/notice_ja.properties}
 * and {@code mail/notice_en.properties}, in the filing's language: a refusal in whole or part with its statutory
 * ground and the officer's reason (Arts. 32(3), 33(3), 34(3), 35(7), 36), an extended due date with its reason, the
 * completion of a request and how its result reaches the person, and the download link and code of an electronic
 * delivery (Art. 33(1)). Each names the company and the request by its receipt number and kind. Pure: no sending.
 */
public final class NoticeMails {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private NoticeMails() {}

    /**
     * The request is refused, in whole or ({@code partial}) in part. The ground is the law's wording in Japanese;
     * an English mail gives the English wording and the Japanese after it, since the Japanese is the one that counts.
     */
    public static Composed refusal(
            String language,
            String company,
            String to,
            String receiptNumber,
            RequestType type,
            RefusalGround ground,
            String reason,
            boolean partial) {
        ResourceBundle texts = texts(language);
        Locale locale = Locale.forLanguageTag(language);
        String groundText = japanese(language) ? ground.ja() : ground.en() + " (" + ground.ja() + ")";
        return new Composed(
                to,
                format(texts, locale, "refusal.subject", company, receiptNumber),
                format(
                        texts,
                        locale,
                        partial ? "refusal.partial.text" : "refusal.text",
                        company,
                        receiptNumber,
                        typeOf(texts, type),
                        groundText,
                        reason == null ? "" : reason.strip()));
    }

    /** The due date is extended to {@code dueOn}, for {@code reason}. */
    public static Composed extension(
            String language,
            String company,
            String to,
            String receiptNumber,
            RequestType type,
            LocalDate dueOn,
            String reason) {
        ResourceBundle texts = texts(language);
        Locale locale = Locale.forLanguageTag(language);
        return new Composed(
                to,
                format(texts, locale, "extension.subject", company, receiptNumber),
                format(
                        texts,
                        locale,
                        "extension.text",
                        company,
                        receiptNumber,
                        typeOf(texts, type),
                        dueOn.toString(),
                        reason == null ? "" : reason.strip()));
    }

    /**
     * The request was completed and its result is not delivered electronically: how it reaches the person (a
     * disclosure on paper by post; any other result as a written notice).
     */
    public static Composed completed(
            String language, String company, String to, String receiptNumber, RequestType type, DeliveryMethod method) {
        ResourceBundle texts = texts(language);
        Locale locale = Locale.forLanguageTag(language);
        String how = texts.getString(method == DeliveryMethod.PAPER ? "result.how.PAPER" : "result.how.NOTICE");
        return new Composed(
                to,
                format(texts, locale, "result.subject", company, receiptNumber),
                format(texts, locale, "result.text", company, receiptNumber, typeOf(texts, type), how));
    }

    /** The result is ready to download from {@code link} until {@code expiresAt} (shown in Japan time). */
    public static Composed deliveryLink(
            String language,
            String company,
            String to,
            String receiptNumber,
            RequestType type,
            String link,
            OffsetDateTime expiresAt) {
        ResourceBundle texts = texts(language);
        Locale locale = Locale.forLanguageTag(language);
        String until = expiresAt.atZoneSameInstant(JAPAN).format(MINUTE) + (japanese(language) ? "（日本時間）" : " JST");
        return new Composed(
                to,
                format(texts, locale, "delivery.subject", company, receiptNumber),
                format(texts, locale, "delivery.text", company, receiptNumber, typeOf(texts, type), until, link));
    }

    /** The code that opens a download link. */
    public static Composed deliveryCode(String language, String company, String to, String code) {
        ResourceBundle texts = texts(language);
        Locale locale = Locale.forLanguageTag(language);
        String minutes = Long.toString(OneTimeCode.VALID_FOR.toMinutes());
        return new Composed(
                to,
                format(texts, locale, "delivery.code.subject", company),
                format(texts, locale, "delivery.code.text", company, code, minutes));
    }

    private static boolean japanese(String language) {
        return !"en".equals(language);
    }

    private static String typeOf(ResourceBundle texts, RequestType type) {
        return texts.getString("type." + type.name());
    }

    private static ResourceBundle texts(String language) {
        return ResourceBundle.getBundle(
                "mail.notice",
                Locale.forLanguageTag("en".equals(language) ? "en" : "ja"),
                NoticeMails.class.getClassLoader(),
                NO_FALLBACK);
    }

    /** Arguments are strings, so MessageFormat adds no digit grouping; a reason's braces or quotes stay as typed. */
    private static String format(ResourceBundle texts, Locale locale, String key, String... args) {
        return new MessageFormat(texts.getString(key), locale).format(args);
    }
}
