package dev.mamori.incident;

/** What happened to the personal data (APPI Art. 26(1): 漏えい、滅失、毀損). */
public enum IncidentNature {
    /** 漏えい: the data reached someone who should not have it. */
    LEAK,
    /** 滅失: the data is gone. */
    LOSS,
    /** 毀損: the data was altered or made unusable. */
    DAMAGE
}
