package dev.mamori.retention;

public enum PurgeStatus {
    RUNNING,
    COMPLETED,
    FAILED
}
