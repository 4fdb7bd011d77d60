package dev.mamori.incident;

/** How a notice reached the persons. */
public enum NoticeChannel {
    POST,
    EMAIL,
    PHONE,
    SMS,
    IN_PERSON,
    WEBSITE,
    PRESS
}
