package dev.mamori.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Against this module's own test bundles (msg_ja.properties, msg_en.properties under src/test/resources). */
class MessagesTest {

    @Test
    void shouldShowTheTextInTheReadersLanguageReadAsUtf8() {
        assertEquals("こんにちは", Messages.get(Locale.JAPANESE, "greeting"));
        assertEquals("Hello", Messages.get(Locale.ENGLISH, "greeting"));
    }

    @Test
    void shouldShowJapaneseForAnyOtherLanguage() {
        assertEquals("こんにちは", Messages.get(Locale.FRENCH, "greeting"));
    }

    @Test
    void shouldFallBackToJapaneseWhenEnglishLacksTheKey() {
        assertEquals("日本語だけ", Messages.get(Locale.ENGLISH, "only.ja"));
    }

    @Test
    void shouldShowAKeyMissingEverywhereAsItself() {
        assertEquals("no.such.key", Messages.get(Locale.ENGLISH, "no.such.key"));
        assertEquals("no.such.key", Messages.get(Locale.JAPANESE, "no.such.key"));
    }

    @Test
    void shouldFormatArgumentsInTheText() {
        assertEquals("3件", Messages.format(Locale.JAPANESE, "count", 3));
        assertEquals("1,200 items", Messages.format(Locale.ENGLISH, "count", 1200));
    }

    @Test
    void shouldListTheKeysOneLanguageLacks() {
        assertEquals(Set.of("only.ja"), Messages.onlyInJapanese());
        assertEquals(Set.of("only.en"), Messages.onlyInEnglish());
    }
}
