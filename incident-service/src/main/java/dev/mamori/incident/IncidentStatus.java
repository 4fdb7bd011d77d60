package dev.mamori.incident;

/** Where the handling stands. */
public enum IncidentStatus {
    OPEN,
    CONTAINED,
    CLOSED
}
