package dev.mamori.retention;

/** What started a purge run. */
public enum PurgeTrigger {
    /** A privacy officer or a service asked for it. */
    ON_DEMAND,
    /** The periodic purge over all tenants. */
    SCHEDULED,
    /** A client contract was ended with a last day in the past, making its data due at once. */
    CONTRACT_END
}
