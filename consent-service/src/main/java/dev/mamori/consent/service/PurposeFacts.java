package dev.mamori.consent.service;

import dev.mamori.consent.SensitiveCategory;
import java.util.Set;
import java.util.UUID;

/** What the use decision needs to know about a purpose: its version in force and what changes it has had. */
public record PurposeFacts(
        UUID id,
        String code,
        int currentVersion,
        int lastUnrelatedVersion,
        Set<SensitiveCategory> sensitiveCategories) {

    public static final PurposeFacts UNKNOWN = new PurposeFacts(null, null, 0, 0, Set.of());

    public boolean known() {
        return id != null;
    }
}
