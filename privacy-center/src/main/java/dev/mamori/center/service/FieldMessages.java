package dev.mamori.center.service;

import java.util.Locale;

/**
 * request-service names the field of an error and says what is wrong in English (Bean Validation's words, or its
 * own rules'). The person reads the page in Japanese or English, so the common messages map to the page's own
 * texts; anything else is "please check this entry".
 */
public final class FieldMessages {

    private FieldMessages() {}

    /** The message key of the page's text for a service's message about {@code field}. */
    public static String keyOf(String field, String serviceMessage) {
        String m = serviceMessage == null ? "" : serviceMessage.toLowerCase(Locale.ROOT);
        if (m.contains("at least one")) {
            // "person": how to find the person; anything else (a contact): the entry as a whole.
            return "person".equals(field) ? "error.person-identifier" : "error.invalid";
        }
        if (m.contains("must not be blank")
                || m.contains("must not be null")
                || m.contains("must not be empty")
                || m.contains("is required")
                || m.contains("must be given")) {
            return "error.required";
        }
        if (m.contains("must state")) {
            return "error.choose";
        }
        if (m.contains("postal address")) {
            return "error.postal-for-paper";
        }
        if (m.contains("does not ground")) {
            return "error.ground-type";
        }
        if (m.contains("must be true")) {
            return "error.consent";
        }
        if (m.contains("email")) {
            return "error.email";
        }
        if (m.contains("phone")) {
            return "error.phone";
        }
        if (m.contains("size must be") || m.contains("too long")) {
            return "error.too-long";
        }
        if (m.contains("must be one of") || m.contains("only ") || m.contains("not applicable")) {
            return "error.choice";
        }
        return "error.invalid";
    }
}
