package dev.mamori.console.web;

import dev.mamori.web.JapanTime;
import dev.mamori.web.Messages;
import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * What every page template may ask for under the {@code m:} namespace: texts in the person's language, dates in
 * Japan time, the signed-in person and the form token.
 */
@TemplateExtension(namespace = "m")
public final class PageExtensions {

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private PageExtensions() {}

    static String t(String key) {
        return Messages.get(staff().locale(), key);
    }

    /** A code's label, e.g. label('status', 'PENDING_DECISION'); an unknown code shows itself. */
    static String label(String group, Object code) {
        if (code == null) {
            return "";
        }
        String key = group + "." + code;
        String text = Messages.get(staff().locale(), key);
        return text.equals(key) ? String.valueOf(code) : text;
    }

    static String fmt(String key, Object arg) {
        return Messages.format(staff().locale(), key, arg);
    }

    static String fmt2(String key, Object first, Object second) {
        return Messages.format(staff().locale(), key, first, second);
    }

    /** An instant in Japan time, e.g. "2026-12-02 22:35 JST". */
    static String time(OffsetDateTime instant) {
        return instant == null ? "" : INSTANT.format(instant.atZoneSameInstant(JapanTime.ZONE)) + " JST";
    }

    static String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    /** A fresh id for a form that creates something: it becomes the call's idempotency key. */
    static String formId() {
        return java.util.UUID.randomUUID().toString();
    }

    static Staff staff() {
        return Arc.container().instance(Staff.class).get();
    }

    static String csrf() {
        return Arc.container().instance(Csrf.class).get().token(staff().session());
    }
}
