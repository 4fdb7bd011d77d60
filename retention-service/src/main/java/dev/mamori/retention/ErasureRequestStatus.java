package dev.mamori.retention;

/** Where asking an owning system to erase stands. */
public enum ErasureRequestStatus {
    /** Waiting to be sent (or to be sent again after a failed attempt). */
    PENDING,
    /** Accepted by the system, which will confirm later. */
    SENT,
    /** The system confirmed it erased the data. */
    CONFIRMED,
    /** Every attempt failed; visible and retryable. */
    FAILED
}
