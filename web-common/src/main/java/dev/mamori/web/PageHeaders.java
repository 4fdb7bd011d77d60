package dev.mamori.web;

import java.util.function.BiConsumer;

/**
 * The security headers of the front ends' pages. Every page forbids what it does not use: no scripts at all, styles
 * and images from the site itself, forms posted only to the site (and to the origins a front end names), no framing,
 * no base URL. Each front end's response filter decides which policy a response gets and whether it may be cached.
 */
public final class PageHeaders {

    public static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

    /** A file handed on (a download): never a page of the site; opened anyway, it runs nothing and reaches nothing. */
    public static final String ATTACHMENT_POLICY = "sandbox; default-src 'none'";

    private PageHeaders() {}

    /** The pages' policy; {@code formOrigins} are origins forms may post to besides the site (e.g. the sign-in). */
    public static String pagePolicy(String... formOrigins) {
        StringBuilder formAction = new StringBuilder("form-action 'self'");
        for (String origin : formOrigins) {
            formAction.append(' ').append(origin);
        }
        return "default-src 'none'; style-src 'self'; img-src 'self'; " + formAction
                + "; frame-ancestors 'none'; base-uri 'none'";
    }

    /** The headers every response carries besides its policy: nothing sniffed, no referrer sent, never framed. */
    public static void putCommon(BiConsumer<String, String> header) {
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("Referrer-Policy", "no-referrer");
        header.accept("X-Frame-Options", "DENY");
    }
}
