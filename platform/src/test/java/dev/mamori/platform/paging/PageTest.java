package dev.mamori.platform.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageTest {

    @Test
    void aFullPageNamesTheNextOffset() {
        Page<String> page = Page.of(List.of("a", "b"), 40, 2);
        assertEquals(List.of("a", "b"), page.items());
        assertEquals(2, page.limit());
        assertEquals("42", page.next());
    }

    @Test
    void aShortOrEmptyPageIsTheLast() {
        assertNull(Page.of(List.of("a"), 0, 2).next());
        assertNull(Page.of(List.of(), 10, 50).next());
    }

    @Test
    void theNextOffsetDoesNotOverflow() {
        assertEquals("2147483648", Page.of(List.of("a"), Integer.MAX_VALUE, 1).next());
    }

    @Test
    void aCursorPageNamesItsLastItemsCursor() {
        record Event(long seq) {}
        assertEquals(
                "7",
                Page.after(List.of(new Event(6), new Event(7)), 2, Event::seq).next());
        assertNull(Page.after(List.of(new Event(6)), 2, Event::seq).next());
        assertNull(Page.after(List.<Event>of(), 2, Event::seq).next());
    }
}
