package dev.mamori.center.web;

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

    static String fmt(String key, Object arg) {
        return Messages.format(visitor().locale(), key, arg);
    }

    /** An amount of yen, e.g. "1,000円" / "JPY 1,000". */
    static String yen(Integer amount) {
        return amount == null
                ? ""
                : fmt("money.yen", NumberFormat.getIntegerInstance(Locale.JAPAN).format(amount));
    }

    /** A request type's name, e.g. type('DISCLOSURE'). */
    static String type(String code) {
        return t("type." + code);
    }

    /** What a request of the type asks the company to do. */
    static String typeWhat(String code) {
        return t("type." + code + ".what");
    }

    static String join(java.util.List<String> items) {
        return items == null ? "" : String.join(visitor().english() ? ", " : "、", items);
    }

    static Visitor visitor() {
        return Arc.container().instance(Visitor.class).get();
    }
}
