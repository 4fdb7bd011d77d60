package dev.mamori.center;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MessagesTest {

    /** The English switch shows English everywhere: every Japanese text has its English one (and no stray keys). */
    @Test
    void everyJapaneseTextHasAnEnglishOne() throws IOException {
        Set<String> ja = load("msg_ja.properties").stringPropertyNames();
        Set<String> en = load("msg_en.properties").stringPropertyNames();
        Set<String> missing = new TreeSet<>(ja);
        missing.removeAll(en);
        Set<String> stray = new TreeSet<>(en);
        stray.removeAll(ja);
        assertEquals(Set.of(), missing, "in msg_ja.properties only");
        assertEquals(Set.of(), stray, "in msg_en.properties only");
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
