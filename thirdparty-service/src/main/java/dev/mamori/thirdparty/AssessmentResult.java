package dev.mamori.thirdparty;

/** Whether a contractor met the selection criteria (APPI Art. 25; PPC general guideline 3-4-4 (1)). */
public enum AssessmentResult {
    PASSED,
    FAILED
}
