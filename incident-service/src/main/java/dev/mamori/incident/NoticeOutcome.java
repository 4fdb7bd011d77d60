package dev.mamori.incident;

/** What became of a notice. */
public enum NoticeOutcome {
    DELIVERED,
    UNDELIVERABLE,
    PENDING,
    PUBLISHED
}
