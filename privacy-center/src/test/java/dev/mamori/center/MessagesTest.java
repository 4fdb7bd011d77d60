package dev.mamori.center;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mamori.web.Messages;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** This module's message bundles, checked with the shared Messages (web-common tests how it reads them). */
class MessagesTest {

    /** The English switch shows English everywhere: every Japanese text has its English one (and no stray keys). */
    @Test
    void everyJapaneseTextHasAnEnglishOne() {
        assertEquals(Set.of(), Messages.onlyInJapanese(), "in msg_ja.properties only");
        assertEquals(Set.of(), Messages.onlyInEnglish(), "in msg_en.properties only");
    }
}
