package dev.mamori.consent;

/** Why a use decision came out as it did; each names what a person or system can do about it. */
public enum DecisionReason {
    /** A consent covers this purpose version. */
    CONSENT_GIVEN(true),
    /** Nobody asked the person for this purpose yet. */
    NO_CONSENT(false),
    /** The person said no. */
    REFUSED(false),
    /** The person took the consent back. */
    WITHDRAWN(false),
    /** The consent had an end date and it has passed. */
    EXPIRED(false),
    /** The purpose changed beyond the reasonably related scope since the consent (APPI Art. 17(2), 18(1)). */
    RECONSENT_REQUIRED(false),
    /** The person was under the tenant's age threshold and no statutory agent consented. */
    GUARDIAN_REQUIRED(false),
    /** The purpose uses sensitive data the consent does not name (APPI Art. 20(2)). */
    SENSITIVE_CONSENT_REQUIRED(false),
    /** Use was stopped on the person's request (APPI Art. 35). */
    USE_STOPPED(false),
    /** The person's data was erased on their request: nothing may be used for any purpose (APPI Art. 35). */
    ERASED(false),
    /** The tenant has no purpose with this code. */
    UNKNOWN_PURPOSE(false);

    private final boolean allowed;

    DecisionReason(boolean allowed) {
        this.allowed = allowed;
    }

    public boolean allowed() {
        return allowed;
    }
}
