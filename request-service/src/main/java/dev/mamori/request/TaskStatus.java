package dev.mamori.request;

/** Where a fulfilment task stands; an operator sees it per target and can retry FAILED ones. */
public enum TaskStatus {
    QUEUED,
    RETRYING,
    DONE,
    FAILED
}
