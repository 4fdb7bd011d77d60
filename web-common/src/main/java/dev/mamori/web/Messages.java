package dev.mamori.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The pages' texts: the application's msg_ja.properties (the default) and msg_en.properties, UTF-8. A key missing in
 * English falls back to Japanese, and a key missing in both shows itself, so a gap is visible rather than blank.
 *
 * <p>Each front end has its own two bundles at the root of its resources; they are read once, on first use, through
 * the thread's context class loader (the application's, which sees its resources wherever this library is loaded).
 */
public final class Messages {

    private Messages() {}

    public static String get(Locale locale, String key) {
        Properties texts = Locale.ENGLISH.equals(locale) ? Bundles.EN : Bundles.JA;
        return texts.getProperty(key, key);
    }

    public static String format(Locale locale, String key, Object... args) {
        return new MessageFormat(get(locale, key), locale).format(args);
    }

    /** Keys in msg_ja.properties that msg_en.properties lacks: the English switch would show them in Japanese. */
    public static Set<String> onlyInJapanese() {
        Set<String> missing = new TreeSet<>(Bundles.JA.stringPropertyNames());
        missing.removeAll(Bundles.EN_OWN.stringPropertyNames());
        return missing;
    }

    /** Keys in msg_en.properties that msg_ja.properties lacks: stray texts no Japanese page shows. */
    public static Set<String> onlyInEnglish() {
        Set<String> stray = new TreeSet<>(Bundles.EN_OWN.stringPropertyNames());
        stray.removeAll(Bundles.JA.stringPropertyNames());
        return stray;
    }

    /** Read on first use (holder idiom), so the application's class loader is the context one by then. */
    private static final class Bundles {
        static final Properties JA = load("msg_ja.properties");
        static final Properties EN_OWN = load("msg_en.properties");
        static final Properties EN = withDefaults(EN_OWN, JA);
    }

    private static Properties withDefaults(Properties own, Properties defaults) {
        Properties texts = new Properties(defaults);
        texts.putAll(own);
        return texts;
    }

    private static Properties load(String name) {
        Properties texts = new Properties();
        try (InputStream in = open(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the application's resources");
            }
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    private static InputStream open(String name) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        InputStream in = context == null ? null : context.getResourceAsStream(name);
        return in != null ? in : Messages.class.getClassLoader().getResourceAsStream(name);
    }
}
