package dev.mamori.consent.service;

import dev.mamori.consent.DecisionReason;
import java.util.UUID;

/** The answer to "may we use this person's data for this purpose?". */
public record Decision(
        boolean allowed,
        DecisionReason reason,
        int purposeVersion,
        UUID consentId,
        Integer consentedVersion,
        String message) {}
