package dev.mamori.consent.service;

import dev.mamori.consent.ConsentDecision;
import dev.mamori.consent.SensitiveCategory;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * What the use decision needs to know about one person and one purpose: their latest answer (if any) with its
 * withdrawal, and whether use is stopped. Time-dependent facts (expiry) stay raw so a cached state is evaluated
 * against the clock at each decision.
 */
public record ConsentState(UUID consentId, ConsentDecision decision, int purposeVersion, OffsetDateTime expiresAt,
                           Set<SensitiveCategory> sensitiveCategories, LocalDate subjectBirthDate,
                           boolean hasGuardian, OffsetDateTime capturedAt, OffsetDateTime withdrawnAt,
                           boolean stopped) {

    public static final ConsentState NONE = new ConsentState(null, null, 0, null, Set.of(), null, false, null, null, false);
    public static final ConsentState NONE_STOPPED = new ConsentState(null, null, 0, null, Set.of(), null, false, null, null, true);
}
