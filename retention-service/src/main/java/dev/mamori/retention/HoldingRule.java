package dev.mamori.retention;

/**
 * Which rule decides when a holding is deleted (APPI Art. 22: erase without delay once no longer needed).
 * Recomputed, set-based, whenever the category's rule, the contract's end or its extensions change.
 */
public enum HoldingRule {
    /** The category's rule: N days from collection, or N days after the contract ends. */
    CATEGORY,
    /** The contract ended before the category's period ran out: its data is erased when the contract ends. */
    CONTRACT_ENDED,
    /** A contract extension keeps the category while the contract runs and its own N days after it ends. */
    EXTENSION
}
