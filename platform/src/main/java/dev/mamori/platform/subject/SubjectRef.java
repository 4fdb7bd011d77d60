package dev.mamori.platform.subject;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The one rule for a person's reference (the client company's own key for the person), in every service, body,
 * path and query: 1 to {@value #MAX_LENGTH} characters, letters and digits of any script (Japanese included) and
 * {@code . _ : @ + = ~ - ・ ー}, starting with a letter or digit. What one service accepts every other service
 * accepts too, so a request taken by one can be fulfilled by all. Nothing in it needs a URI to be read
 * differently: no '/', '%', '?', '#', '\' or space; non-ASCII letters are percent-encoded as UTF-8 wherever a ref
 * is put into a URI ({@link #pathSegment}).
 */
public final class SubjectRef {

    public static final int MAX_LENGTH = 128;
    /** For {@code @Pattern(regexp = SubjectRef.PATTERN, message = SubjectRef.MESSAGE)} on a field or parameter. */
    public static final String PATTERN = "[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}._:@+=~\\-・ー]{0,127}";

    public static final String MESSAGE =
            "must be 1-128 letters or digits (any script) or . _ : @ + = ~ - ・ ー, starting with a letter or digit";
    private static final Pattern RULE = Pattern.compile(PATTERN);

    private SubjectRef() {}

    public static boolean isValid(String ref) {
        return ref != null && RULE.matcher(ref).matches();
    }

    /** The ref as one URI path segment (RFC 3986 pchar): UTF-8 percent-encoded, '+' kept literal as %2B. */
    public static String pathSegment(String ref) {
        return URLEncoder.encode(ref, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
