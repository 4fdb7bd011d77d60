package dev.mamori.incident;

/** What a measure is. LEGAL_HOLD and USE_STOP are recorded here; the holds and stops are set in their services. */
public enum MeasureKind {
    CONTAINMENT,
    LEGAL_HOLD,
    USE_STOP,
    PREVENTION,
    OTHER
}
