package dev.mamori.consent;

/**
 * Special care-required personal information (要配慮個人情報), APPI Art. 2(3) and Cabinet Order Art. 2.
 * Acquiring it needs the person's prior consent (Art. 20(2)); it is never provided by opt-out (Art. 27(2)).
 */
public enum SensitiveCategory {
    RACE,
    CREED,
    SOCIAL_STATUS,
    MEDICAL_HISTORY,
    CRIMINAL_RECORD,
    CRIME_VICTIM,
    DISABILITY,
    HEALTH_CHECK_RESULT,
    MEDICAL_GUIDANCE,
    CRIMINAL_PROCEDURE,
    JUVENILE_PROCEDURE
}
