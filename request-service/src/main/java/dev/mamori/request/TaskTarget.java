package dev.mamori.request;

/** Where a fulfilment task is delivered. */
public enum TaskTarget {
    CONSENT,
    RETENTION,
    THIRDPARTY,
    /** The client company's own system, at its callback URL. */
    CLIENT_SYSTEM
}
