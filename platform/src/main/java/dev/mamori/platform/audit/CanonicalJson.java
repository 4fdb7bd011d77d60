package dev.mamori.platform.audit;

import java.nio.charset.StandardCharsets;

/**
 * Writes an audit line's hash input without an object mapper. Each audit line is hashed over a JSON array
 * of its fields, and lines written years apart must hash alike: {@link #array} gives exactly the bytes Jackson
 * gives for plain text (the common case: ids, codes, timestamps, Japanese names) and answers {@code null} for any
 * string that would need an escape or holds a surrogate, so that the caller falls back to Jackson itself.
 */
final class CanonicalJson {

    private CanonicalJson() {}

    /**
     * Jackson's bytes for a JSON array of strings, numbers, nulls, string arrays and long arrays (a read event's
     * people, resources and times), or null when a string needs escaping.
     */
    static byte[] array(Object... values) {
        StringBuilder json = new StringBuilder(512).append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                json.append(',');
            }
            if (!append(json, values[i])) {
                return null;
            }
        }
        return json.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean append(StringBuilder json, Object v) {
        if (v == null) {
            json.append("null");
        } else if (v instanceof Long || v instanceof Integer) {
            json.append(v);
        } else if (v instanceof String s) {
            if (!plain(s)) {
                return false;
            }
            json.append('"').append(s).append('"');
        } else if (v instanceof String[] strings) {
            json.append('[');
            for (int i = 0; i < strings.length; i++) {
                if (i > 0) {
                    json.append(',');
                }
                if (!append(json, strings[i])) {
                    return false;
                }
            }
            json.append(']');
        } else if (v instanceof long[] longs) {
            json.append('[');
            for (int i = 0; i < longs.length; i++) {
                if (i > 0) {
                    json.append(',');
                }
                json.append(longs[i]);
            }
            json.append(']');
        } else {
            return false;
        }
        return true;
    }

    /** Text Jackson writes as is: no quote, backslash, control character, DEL or surrogate. */
    static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || c == 0x7f || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
