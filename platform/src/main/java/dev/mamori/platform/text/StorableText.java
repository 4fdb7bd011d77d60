package dev.mamori.platform.text;

/**
 * Text the suite can store exactly as it was sent. PostgreSQL refuses NUL in text; an unpaired UTF-16 surrogate has
 * no UTF-8 form (the driver writes {@code ?} in its place, so what is stored is not what was sent and a hash taken
 * over the original no longer matches); non-characters (U+FFFE, U+FFFF, U+FDD0..U+FDEF and the last two code points
 * of every plane) are not meant for interchange. Anything else, Japanese text and emoji included, is kept as is.
 */
public final class StorableText {

    private StorableText() {}

    /** Why {@code text} cannot be stored exactly, or {@code null} when it can. */
    public static String problem(CharSequence text) {
        if (text == null) {
            return null;
        }
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0xD800) {
                if (c == 0) {
                    return "must not contain the NUL character (U+0000)";
                }
                continue;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, text.charAt(++i));
                    if ((cp & 0xFFFE) == 0xFFFE) {
                        return "must not contain the non-character U+"
                                + Integer.toHexString(cp).toUpperCase();
                    }
                    continue;
                }
                return "must not contain an unpaired UTF-16 surrogate";
            }
            if (Character.isLowSurrogate(c)) {
                return "must not contain an unpaired UTF-16 surrogate";
            }
            if ((c >= 0xFDD0 && c <= 0xFDEF) || c == 0xFFFE || c == 0xFFFF) {
                return "must not contain the non-character U+"
                        + Integer.toHexString(c).toUpperCase();
            }
        }
        return null;
    }

    public static boolean isStorable(CharSequence text) {
        return problem(text) == null;
    }

    /**
     * {@code text} with every character that cannot be stored exactly replaced by U+FFFD: for what the suite writes
     * itself from values it did not validate (an audit line must hash over exactly what is stored).
     */
    public static String storable(String text) {
        if (text == null || problem(text) == null) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                out.append((cp & 0xFFFE) == 0xFFFE ? "\uFFFD" : new String(Character.toChars(cp)));
            } else if (c == 0
                    || Character.isSurrogate(c)
                    || (c >= 0xFDD0 && c <= 0xFDEF)
                    || c == 0xFFFE
                    || c == 0xFFFF) {
                out.append('\uFFFD');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
