package dev.mamori.platform.text;

/**
 * Escaping for HTML the suite writes itself (a disclosure result, a deletion certificate). Everything that comes
 * from data goes through {@link #escape}: a caller's text can then neither close an element nor open one, nor leave
 * an attribute value. Attribute values must be written in double or single quotes; an unquoted one is not safe
 * with any escaping.
 */
public final class Html {

    private Html() {}

    /**
     * {@code value} as element text or as the content of a quoted attribute: {@code & < > " '} become character
     * references, everything else (Japanese text included) is kept; {@code null} is written as nothing.
     */
    public static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            String replacement =
                    switch (s.charAt(i)) {
                        case '&' -> "&amp;";
                        case '<' -> "&lt;";
                        case '>' -> "&gt;";
                        case '"' -> "&quot;";
                        case '\'' -> "&#39;";
                        default -> null;
                    };
            if (replacement != null) {
                if (out == null) {
                    out = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                out.append(replacement);
            } else if (out != null) {
                out.append(s.charAt(i));
            }
        }
        return out == null ? s : out.toString();
    }
}
