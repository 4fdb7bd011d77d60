package dev.mamori.request;

/** What happened to a request, as its append-only log records it. */
public enum RequestEventKind {
    RECEIVED,
    CANCELLED
}
