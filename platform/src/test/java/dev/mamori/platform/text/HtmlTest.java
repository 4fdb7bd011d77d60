package dev.mamori.platform.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void markupInTextCannotOpenOrCloseAnElement() {
        assertEquals("&lt;b&gt;ACME&lt;/b&gt;", Html.escape("<b>ACME</b>"));
        assertEquals("&lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt;", Html.escape("</td><script>alert(1)</script>"));
        assertEquals("Tom &amp; Jerry &amp;lt;", Html.escape("Tom & Jerry &lt;"));
    }

    @Test
    void aValueCannotLeaveAQuotedAttribute() {
        String value = Html.escape("x\" onmouseover=\"alert(1)' onclick='alert(2)");
        assertEquals("x&quot; onmouseover=&quot;alert(1)&#39; onclick=&#39;alert(2)", value);
        assertFalse(value.contains("\"") || value.contains("'"), value);
    }

    @Test
    void japaneseTextAndNullAreKept() {
        String plain = "削除証明書 / Deletion certificate 😀";
        assertSame(plain, Html.escape(plain), "nothing to escape, nothing copied");
        assertEquals("", Html.escape(null));
        assertEquals("42", Html.escape(42));
    }
}
