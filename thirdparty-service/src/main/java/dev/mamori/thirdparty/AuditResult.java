package dev.mamori.thirdparty;

/** The outcome of a periodic audit of a contractor's handling (APPI Art. 25; PPC general guideline 3-4-4 (3)). */
public enum AuditResult {
    PASSED,
    /** Findings to correct; the contractor may go on handling data meanwhile. */
    FINDINGS,
    /** The handling is not safe: no more data goes to the contractor until a later audit passes. */
    FAILED
}
