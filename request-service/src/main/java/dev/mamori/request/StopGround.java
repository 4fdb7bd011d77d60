package dev.mamori.request;

/** Why the person asks to stop use, erase, or stop third-party provision (APPI Art. 35). */
public enum StopGround {
    /** Art. 35(1): handled in breach of Art. 18 (beyond the purpose) or 19 (improper use), or acquired in breach of Art. 20. */
    ART_35_1,
    /** Art. 35(3): provided to a third party in breach of Art. 27(1) (no consent) or 28 (cross-border). */
    ART_35_3,
    /** Art. 35(5): the business no longer needs to use the data. */
    ART_35_5_A,
    /** Art. 35(5): a reportable leak (Art. 26(1)) affecting the person's data occurred. */
    ART_35_5_B,
    /** Art. 35(5): other handling that may harm the person's rights or legitimate interests. */
    ART_35_5_C
}
