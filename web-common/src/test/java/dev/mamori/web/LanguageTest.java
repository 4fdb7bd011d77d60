package dev.mamori.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void shouldReadEnglishOnlyFromEn() {
        assertEquals(Locale.ENGLISH, Language.of("en"));
        assertEquals(Locale.JAPANESE, Language.of("ja"));
        assertEquals(Locale.JAPANESE, Language.of("EN"));
        assertEquals(Locale.JAPANESE, Language.of(null));
    }

    @Test
    void shouldStoreOnlyEnOrJa() {
        assertEquals("en", Language.cookieValue("en"));
        assertEquals("ja", Language.cookieValue("ja"));
        assertEquals("ja", Language.cookieValue("<script>"));
        assertEquals("ja", Language.cookieValue(null));
    }
}
