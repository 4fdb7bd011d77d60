package dev.mamori.platform.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StorableTextTest {

    @Test
    void japanese_text_and_emoji_are_storable() {
        assertNull(StorableText.problem("山田 太郎 😀 ｶﾀｶﾅ \t\n"));
    }

    @Test
    void nul_lone_surrogates_and_non_characters_are_not() {
        for (String text : new String[] {
            "a\u0000", "\ud800", "a\udc00b", "\ud83d", "\uffff", "\ufdd0", new String(Character.toChars(0x1FFFF))
        }) {
            assertNotNull(StorableText.problem(text), text);
        }
    }

    @Test
    void storable_replaces_exactly_what_utf8_would_lose() {
        String fixed = StorableText.storable("a\ud800b\u0000c😀");
        assertEquals("a\uFFFDb\uFFFDc😀", fixed);
        // What is stored round-trips through UTF-8 unchanged: the hash taken over it is the hash of the stored row.
        assertEquals(fixed, new String(fixed.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        assertEquals("plain", StorableText.storable("plain"));
    }
}
