package dev.mamori.thirdparty;

/** The outcome of a periodic check of a foreign recipient's equivalent measures (APPI Art. 28(3); PPC Rule 18(1)). */
public enum CheckResult {
    /** The recipient still implements the measures equivalent to the Act's. */
    ENSURED,
    /** The measures are no longer ensured: provision stops until they are (Rule 18(1)(ii)). */
    NOT_ENSURED
}
