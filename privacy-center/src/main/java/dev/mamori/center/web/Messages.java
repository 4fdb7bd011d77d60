package dev.mamori.center.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/**
 * The pages' texts: msg_ja.properties (the default) and msg_en.properties, UTF-8. A key missing in English falls
 * back to Japanese, and a key missing in both shows itself, so a gap is visible rather than blank.
 */
public final class Messages {

    private static final Properties JA = load("msg_ja.properties", null);
    private static final Properties EN = load("msg_en.properties", JA);

    private Messages() {}

    public static String get(Locale locale, String key) {
        Properties texts = Locale.ENGLISH.equals(locale) ? EN : JA;
        return texts.getProperty(key, key);
    }

    public static String format(Locale locale, String key, Object... args) {
        return new MessageFormat(get(locale, key), locale).format(args);
    }

    private static Properties load(String name, Properties defaults) {
        Properties texts = new Properties(defaults);
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the privacy center's resources");
            }
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }
}
