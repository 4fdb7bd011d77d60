package dev.mamori.consent;

/** How a purpose version relates to the one before it (APPI Art. 17(2), 18(1), 21(3)). */
public enum ChangeType {
    /** The first version of a purpose. */
    INITIAL,
    /** Within the scope reasonably related to the old purpose: notify or publish it; existing consents carry over. */
    RELATED,
    /** Beyond that scope: existing consents no longer cover the purpose and the person must consent again. */
    UNRELATED
}
