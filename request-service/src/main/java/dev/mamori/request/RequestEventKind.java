package dev.mamori.request;

/** What happened to a request, as its append-only log records it. */
public enum RequestEventKind {
    RECEIVED,
    IDENTITY_VERIFIED,
    PAUSED,
    RESUMED,
    DUE_DATE_EXTENDED,
    APPROVED,
    PARTIALLY_APPROVED,
    REFUSED,
    NO_DATA,
    TARGET_FAILED,
    RETRY_REQUESTED,
    COMPLETED,
    CANCELLED
}
