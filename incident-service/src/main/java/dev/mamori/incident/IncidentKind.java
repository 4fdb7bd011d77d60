package dev.mamori.incident;

/** How it happened. */
public enum IncidentKind {
    UNAUTHORISED_ACCESS,
    MISSENT_MAIL,
    MISSENT_FAX,
    LOST_DEVICE,
    INSIDER,
    OTHER
}
