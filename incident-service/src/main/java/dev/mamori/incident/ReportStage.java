package dev.mamori.incident;

/** The two reports to the PPC (PPC Rule 8): 速報 and 確報. */
public enum ReportStage {
    PRELIMINARY,
    FINAL
}
