package dev.mamori.consent;

/** How consent was obtained: any form the business can recognise counts (PPC general guideline 2-16). */
public enum ConsentMethod {
    WEB_FORM,
    PAPER,
    PHONE,
    EMAIL,
    IN_PERSON
}
