package dev.mamori.center.service;

import java.util.Locale;

/**
 * request-service names the field of an error and says what is wrong in English (Bean Validation's words). The
 * person reads the page in Japanese or English, so the common messages map to the page's own texts; anything else
 * is "please check this entry".
 */
public final class FieldMessages {

    private FieldMessages() {}

    /** The message key of the page's text for a service's field message. */
    public static String keyOf(String serviceMessage) {
        String m = serviceMessage == null ? "" : serviceMessage.toLowerCase(Locale.ROOT);
        if (m.contains("must not be blank")
                || m.contains("must not be null")
                || m.contains("must not be empty")
                || m.contains("is required")) {
            return "error.required";
        }
        if (m.contains("email")) {
            return "error.email";
        }
        if (m.contains("phone")) {
            return "error.phone";
        }
        if (m.contains("size must be") || m.contains("too long") || m.contains("at most")) {
            return "error.too-long";
        }
        if (m.contains("at least one")) {
            return "error.person-identifier";
        }
        if (m.contains("must be one of") || m.contains("not allowed for") || m.contains("does not apply")) {
            return "error.choice";
        }
        if (m.contains("must be true") || m.contains("consent")) {
            return "error.consent";
        }
        return "error.invalid";
    }
}
