package dev.mamori.center.web;

import dev.mamori.web.JapanTime;
import dev.mamori.web.Messages;
import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;
import java.text.NumberFormat;
import java.util.Locale;

/** What every page template may ask for under the {@code m:} namespace: texts in the reader's language. */
@TemplateExtension(namespace = "m")
public final class PageExtensions {

    private PageExtensions() {}

    static String t(String key) {
        return Messages.get(visitor().locale(), key);
    }

    /** A text whose key is built from a code, e.g. tk('relation.', 'SELF', '') or tk('ground.', g, '.applies'). */
    static String tk(String prefix, String code, String suffix) {
        return t(prefix + code + suffix);
    }

    static String fmt(String key, Object arg) {
        return Messages.format(visitor().locale(), key, arg);
    }

    /** An amount of yen, e.g. "1,000円" / "JPY 1,000". */
    static String yen(Integer amount) {
        return amount == null
                ? ""
                : fmt("money.yen", NumberFormat.getIntegerInstance(Locale.JAPAN).format(amount));
    }

    /** "(fee: 1,000円)" for a type's line on the form. */
    static String feeOf(Integer amount) {
        return amount == null ? "" : fmt("form.fee-of", yen(amount));
    }

    /** A request type's name, e.g. type('DISCLOSURE'). */
    static String type(String code) {
        return t("type." + code);
    }

    /** What a request of the type asks the company to do. */
    static String typeWhat(String code) {
        return t("type." + code + ".what");
    }

    /** A moment (RFC 3339) in Japan time, e.g. "2026年12月2日 17:05" / "2 Dec 2026, 17:05 (JST)"; as given if not one. */
    static String when(String time) {
        if (time == null || time.isBlank()) {
            return "";
        }
        try {
            var t = java.time.OffsetDateTime.parse(time).atZoneSameInstant(JapanTime.ZONE);
            return java.time.format.DateTimeFormatter.ofPattern(
                            t("format.time"), visitor().locale())
                    .format(t);
        } catch (java.time.format.DateTimeParseException e) {
            return time;
        }
    }

    /** A day (ISO date, or the Japan-time day of an RFC 3339 moment), e.g. "2026年12月16日"; as given if neither. */
    static String day(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        java.time.LocalDate date;
        try {
            date = java.time.LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException notADate) {
            try {
                date = java.time.OffsetDateTime.parse(value)
                        .atZoneSameInstant(JapanTime.ZONE)
                        .toLocalDate();
            } catch (java.time.format.DateTimeParseException notAMoment) {
                return value;
            }
        }
        return java.time.format.DateTimeFormatter.ofPattern(
                        t("format.date"), visitor().locale())
                .format(date);
    }

    static String fmtDay(String key, String value) {
        return fmt(key, day(value));
    }

    static String fmtWhen(String key, String value) {
        return fmt(key, when(value));
    }

    /** A file's size for a person: "850 KB", "1.4 MB" (rounded up, so a limit is never shown smaller). */
    public static String bytes(long bytes) {
        if (bytes < 1024 * 1024) {
            return Math.max(1, (bytes + 1023) / 1024) + " KB";
        }
        long tenths = (bytes * 10 + 1024 * 1024 - 1) / (1024 * 1024);
        return tenths % 10 == 0 ? tenths / 10 + " MB" : tenths / 10 + "." + tenths % 10 + " MB";
    }

    /** A request's status in words. */
    static String status(String code) {
        return t("status." + code);
    }

    static String join(java.util.List<String> items) {
        return items == null ? "" : String.join(visitor().english() ? ", " : "、", items);
    }

    static Visitor visitor() {
        return Arc.container().instance(Visitor.class).get();
    }
}
