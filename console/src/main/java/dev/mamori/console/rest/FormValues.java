package dev.mamori.console.rest;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A posted form as the areas send it on: blank fields left out, so the service names a missing required one. */
final class FormValues {

    private FormValues() {}

    static Map<String, String> of(MultivaluedMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (!k.startsWith("_")
                    && v != null
                    && !v.isEmpty()
                    && v.get(0) != null
                    && !v.get(0).isBlank()) {
                values.put(k, v.get(0).strip());
            }
        });
        return values;
    }

    /** Every non-blank value of a repeated field (checkboxes, one line per item). */
    static List<String> all(MultivaluedMap<String, String> form, String field) {
        List<String> all = new ArrayList<>();
        List<String> posted = form.get(field);
        if (posted != null) {
            for (String v : posted) {
                if (v != null) {
                    for (String line : v.split("\\R")) {
                        if (!line.isBlank()) {
                            all.add(line.strip());
                        }
                    }
                }
            }
        }
        return all;
    }

    static void put(Map<String, Object> body, String field, String value) {
        if (value != null && !value.isBlank()) {
            body.put(field, value);
        }
    }

    /** Each rendered form has its own id: the same form sent twice is acted on once by the service. */
    static String idempotencyKey(String formId) {
        try {
            return "console-" + UUID.fromString(formId);
        } catch (IllegalArgumentException | NullPointerException e) {
            return "console-" + UUID.randomUUID();
        }
    }
}
