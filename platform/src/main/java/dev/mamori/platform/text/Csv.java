package dev.mamori.platform.text;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * CSV for people who open it in a spreadsheet: a header row, then one row per record. Every CSV the suite exports is
 * written here, so every export follows the same three rules.
 * <ul>
 *   <li><b>RFC 4180.</b> Cells are separated by commas and rows end with CRLF; a cell holding a comma, a double
 *   quote, CR or LF is enclosed in double quotes, with each double quote doubled. An empty cell and {@code null}
 *   are both written as nothing.</li>
 *   <li><b>UTF-8 with a byte-order mark.</b> Without it Excel in Japan reads the file as Shift_JIS and garbles
 *   Japanese text; programs that read RFC 4180 skip it (or see it before the first header title).</li>
 *   <li><b>No formulas.</b> A spreadsheet runs a cell starting with {@code =}, {@code +}, {@code -}, {@code @}, TAB
 *   or CR as a formula ({@code =HYPERLINK(...)} sends the reader's data elsewhere, {@code -1+1} computes): such a
 *   cell is written with a leading apostrophe ({@code '}), which a spreadsheet shows as text and hides. This is done
 *   to every cell, whoever wrote it, so a value that only looks like a number ({@code -5}) also reads back with the
 *   apostrophe in a program; the suite's own values (counts, dates, ids) never start with one of these.</li>
 * </ul>
 */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";
    /** U+FEFF, the byte-order mark (EF BB BF in UTF-8). */
    public static final char BOM = '\uFEFF';
    /** First characters that make a spreadsheet read a cell as a formula. */
    static final String FORMULA_STARTS = "=+-@\t\r";

    private final StringBuilder out;
    private final int columns;
    private int rows;

    private Csv(List<String> header) {
        this.columns = header.size();
        this.out = new StringBuilder(256 + 32 * columns).append(BOM);
        line(header);
    }

    /** A CSV whose first row is {@code header}; every later row must have as many cells. */
    public static Csv withHeader(List<String> header) {
        if (header.isEmpty()) {
            throw new IllegalArgumentException("a CSV needs at least one column");
        }
        return new Csv(header);
    }

    public static Csv withHeader(String... header) {
        return withHeader(Arrays.asList(header));
    }

    /** Appends one row; a cell is written as its {@code toString()}, {@code null} as an empty cell. */
    public Csv row(List<?> cells) {
        line(cells);
        rows++;
        return this;
    }

    public Csv row(Object... cells) {
        return row(Arrays.asList(cells));
    }

    /** Rows written after the header. */
    public int rows() {
        return rows;
    }

    /** The whole file, byte-order mark first. */
    public String text() {
        return out.toString();
    }

    /** The whole file in UTF-8, starting with EF BB BF. */
    public byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return text();
    }

    /** One cell as it is written: defused if it would run as a formula, then quoted if RFC 4180 needs it. */
    public static String cell(Object value) {
        StringBuilder one = new StringBuilder();
        append(one, value);
        return one.toString();
    }

    private void line(List<?> cells) {
        if (cells.size() != columns) {
            throw new IllegalArgumentException("a row of " + cells.size() + " cells under a header of " + columns);
        }
        for (int i = 0; i < columns; i++) {
            if (i > 0) {
                out.append(',');
            }
            append(out, cells.get(i));
        }
        out.append("\r\n");
    }

    private static void append(StringBuilder out, Object value) {
        String v = value == null ? "" : value.toString();
        if (v.isEmpty()) {
            return;
        }
        boolean defuse = FORMULA_STARTS.indexOf(v.charAt(0)) >= 0;
        boolean quote = false;
        for (int i = 0; i < v.length() && !quote; i++) {
            char c = v.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (quote) {
            out.append('"');
        }
        if (defuse) {
            out.append('\'');
        }
        if (quote) {
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c == '"') {
                    out.append('"');
                }
                out.append(c);
            }
            out.append('"');
        } else {
            out.append(v);
        }
    }
}
