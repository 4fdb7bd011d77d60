package dev.mamori.consent;

/** What the person answered when asked. A refusal is recorded as carefully as a consent. */
public enum ConsentDecision {
    GIVEN,
    REFUSED
}
